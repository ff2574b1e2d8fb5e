// Regenerates the Word and PDF documents of eval/delta/docs from the text below:
//   npx tsx eval/delta/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function swimmingLessons(): Promise<void> {
  await writeDocx(path.join(DOCS, '10_gongyi_youyong_peixun.docx'), [
    { heading: '浦渚市2026年暑期青少年公益游泳培训报名指南' },
    { text: '浦渚市教育局　浦渚市体育局　2026年6月8日' },
    { text: '为提高青少年防溺水自救能力，市教育局、市体育局利用暑期组织开展青少年公益游泳培训，有关报名事项如下。' },
    { heading: '一、培训对象', level: 2 },
    { text: '本市中小学在籍、年龄7至14周岁、不会游泳的学生。已参加过往年公益游泳培训并取得结业证书的，不再报名。' },
    { heading: '二、培训场馆和名额', level: 2 },
    {
      table: [
        ['培训场馆', '地址', '期次', '每期名额'],
        ['浦渚市游泳馆', '新圩区莲浦路9号', '第一期、第二期、第三期', '120人'],
        ['汊口区全民健身中心游泳馆', '汊口区江埠路210号', '第一期、第二期', '80人'],
        ['沙埭县体育馆游泳池', '沙埭镇文体路5号', '第一期、第二期', '60人'],
      ],
    },
    { heading: '三、培训时间', level: 2 },
    { text: '第一期：7月6日至7月17日；第二期：7月20日至7月31日；第三期：8月3日至8月14日（仅浦渚市游泳馆开设）。每期10次课，每次课90分钟，周一至周五上课。' },
    { heading: '四、费用', level: 2 },
    { text: '培训费全免，并由主办单位统一为学员购买意外伤害保险。学员自备泳衣、泳帽和泳镜。' },
    { heading: '五、报名方式', level: 2 },
    { text: '2026年6月15日10:00起，通过“浦渚体育”微信公众号“公益培训”栏目报名，额满为止。每名学生限报1期、1个场馆。报名成功后，须在开班前向培训场馆提交由学校或者医院出具的健康证明，患有心脏病、癫痫等不宜游泳疾病的学生不得参加。' },
    { heading: '六、安全要求', level: 2 },
    { text: '上课期间家长须按时接送，学员不得单独离开场馆。每10名学员至少配备1名持证教练和1名救生员。' },
    { heading: '七、结业', level: 2 },
    { text: '培训结束时进行考核，能够独立连续游25米的学员，由市体育局颁发结业证书。' },
  ], { title: '浦渚市2026年暑期青少年公益游泳培训报名指南', created: '2026-06-08T09:00:00Z' });
}

const STYLE = `body{font-family:"WenQuanYi Zen Hei",sans-serif;font-size:14px;line-height:1.7;margin:40px;} h1{font-size:20px;text-align:center;} table{border-collapse:collapse;} td,th{border:1px solid #000;padding:4px 8px;}`;

const FISHERS_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>沙埭县关于做好2026年退捕渔民安置保障工作的通知</title>
<style>${STYLE}</style></head>
<body>
<h1>沙埭县农业农村局　沙埭县人力资源和社会保障局<br>关于做好2026年退捕渔民安置保障工作的通知</h1>
<p style="text-align:center">沙农发〔2026〕11号</p>
<p>各乡镇人民政府，县直有关单位：</p>
<p>自2021年1月1日起，本县境内天然水域实行10年禁捕。为保障退捕渔民生活，促进转产就业，现就做好2026年退捕渔民安置保障工作通知如下：</p>
<h3>一、保障对象</h3>
<p>原持有本县内陆渔业捕捞许可证、已交回渔船和网具、纳入县退捕渔民信息库的渔民（以下简称退捕渔民）。</p>
<h3>二、保障措施和标准</h3>
<table>
<tr><th>项目</th><th>标准</th><th>发放方式</th></tr>
<tr><td>过渡期生活补助</td><td>每人每月600元</td><td>按月发放</td></tr>
<tr><td>城乡居民养老保险缴费补贴</td><td>每人每年1000元</td><td>按年发放</td></tr>
<tr><td>职工养老保险缴费补贴</td><td>实际缴费额的50%</td><td>按年发放</td></tr>
<tr><td>技能培训补贴</td><td>每人每年最高3000元</td><td>培训结束后发放</td></tr>
<tr><td>一次性创业补贴</td><td>每户5000元</td><td>一次性发放</td></tr>
</table>
<p>过渡期生活补助发给退捕后未就业、家庭人均收入低于当地低保标准2倍的退捕渔民，最长发放12个月。城乡居民养老保险缴费补贴发给参加城乡居民养老保险、年满16周岁且尚未领取养老金的退捕渔民；职工养老保险缴费补贴发给以灵活就业人员身份参加职工养老保险的退捕渔民。技能培训补贴用于参加县人社局组织的技能培训，培训期间另给予每天50元生活补贴。一次性创业补贴发给首次创办个体工商户或者小微企业、正常经营6个月以上的退捕渔民家庭。</p>
<p>城乡居民养老保险缴费补贴和职工养老保险缴费补贴只能选择一项。已享受上述补助的退捕渔民，同时符合其他社会救助条件的，不影响其申请。</p>
<h3>三、公益性岗位</h3>
<p>县里设置护渔员公益性岗位40个，优先安排年龄较大、就业困难的退捕渔民，岗位补贴每人每月2200元。2027年护渔员招募工作另行公告。</p>
<h3>四、申报程序</h3>
<p>退捕渔民持身份证、户口簿、渔船渔具交回证明和银行卡，向户籍所在地的乡镇农业农村服务中心（沙埭镇、蟹洲镇、潮塘乡）申报，2026年度申报截止时间为2026年12月25日。乡镇审核后在村务公开栏公示7天，公示无异议的报县农业农村局、县人社局复核，补助资金在复核后20个工作日内发放到个人账户。</p>
<h3>五、监督管理</h3>
<p>退捕渔民复捕或者违法捕捞的，停发各项补助，已发放的予以追回。</p>
<p style="text-align:right">沙埭县农业农村局　沙埭县人力资源和社会保障局<br>2026年11月10日</p>
</body></html>`;

async function main(): Promise<void> {
  await swimmingLessons();
  await printPdf(FISHERS_HTML, path.join(DOCS, '09_tuibu_yumin_anzhi_shadai.pdf'));
}

await main();
