// Regenerates the Word and PDF documents of eval/lakeside/docs from the text below:
//   npx tsx eval/lakeside/build.ts
// (the PDFs are printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function trainingSubsidy(): Promise<void> {
  await writeDocx(path.join(DOCS, '13_zhiye_jineng_peixun_butie.docx'), [
    { heading: '澄湖市职业技能培训补贴申请指南（2026年）' },
    { text: '澄湖市人力资源和社会保障局　澄湖市财政局　2026年3月' },
    { heading: '一、补贴对象', level: 2 },
    { text: '本市户籍城乡劳动者、持有本市居住证的外来务工人员、毕业年度高校毕业生和登记失业人员，在本市定点培训机构参加职业技能培训，并取得职业资格证书、职业技能等级证书或专项职业能力证书的，可以申请职业技能培训补贴。' },
    { heading: '二、补贴标准', level: 2 },
    {
      table: [
        ['培训类别', '补贴标准'],
        ['初级工（五级）', '每人1200元'],
        ['中级工（四级）', '每人1800元'],
        ['高级工（三级）', '每人2500元'],
        ['专项职业能力', '每人800元'],
      ],
    },
    { text: '培训费低于补贴标准的，按实际培训费补贴。' },
    { text: '就业困难人员和零就业家庭成员参加培训期间，按每人每天40元给予生活费补贴，最长不超过30天。' },
    { heading: '三、补贴条件', level: 2 },
    { text: '参训人员出勤率须达到90%以上。每人每年享受职业技能培训补贴不超过3次，同一职业（工种）同一等级不得重复享受。已享受失业保险技能提升补贴的，同一职业同一等级不再享受培训补贴。' },
    { heading: '四、申请方式', level: 2 },
    { text: '（一）机构代办：参训人员同意的，由定点培训机构在培训结业后统一代为申请，补贴直接拨付给培训机构，参训人员不再另交培训费。' },
    { text: '（二）个人申请：个人先行垫付培训费的，应在取得证书之日起6个月内，持身份证、证书、培训费发票和社会保障卡，向就业服务中心申请，补贴发放到本人社会保障卡。' },
    { heading: '五、办理时限', level: 2 },
    { text: '自受理之日起20个工作日内完成审核和拨付。' },
    { heading: '六、办理地点', level: 2 },
    { text: '澄湖市公共就业服务中心（湖滨区明湖大道200号市民服务中心2楼），各县（区）就业服务中心。' },
    { heading: '七、定点培训机构名单', level: 2 },
    { text: '定点培训机构名单和开班计划在“澄湖人社”APP“培训报名”栏目公布，每季度更新一次。' },
  ], { title: '澄湖市职业技能培训补贴申请指南（2026年）', created: '2026-03-16T09:00:00Z' });
}

const ENROLMENT_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>云溪县2026年义务教育学校招生工作通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>云溪县教育局关于做好2026年义务教育学校招生工作的通知</h1>
<p style="text-align:center">云教发〔2026〕9号</p>
<p>各乡镇中心学校、县直各中小学：</p>
<p>为做好我县2026年义务教育学校招生工作，保障适龄儿童少年依法接受义务教育，现将有关事项通知如下：</p>
<h3>一、招生对象</h3>
<p>小学一年级招收2019年9月1日至2020年8月31日出生、具有云溪县户籍的适龄儿童。初中七年级招收本县2026年小学毕业生，按学区对口直升。</p>
<h3>二、招生方式</h3>
<p>县城小学实行划片招生，按“户籍与房产一致”优先原则录取。同一套住房每6年只能享受一次县城小学入学学位，学位使用后6年内不再提供同一学校入学学位。</p>
<p>乡镇小学按户籍就近入学，不设入学条件考试。</p>
<h3>三、时间安排</h3>
<table>
<tr><th>阶段</th><th>时间</th></tr>
<tr><td>网上报名</td><td>2026年6月20日至6月30日</td></tr>
<tr><td>材料审核</td><td>2026年7月1日至7月10日</td></tr>
<tr><td>公布录取结果</td><td>2026年7月25日前</td></tr>
<tr><td>新生报到</td><td>2026年8月31日</td></tr>
</table>
<h3>四、报名材料</h3>
<p>儿童及其父母（或其他法定监护人）的户口簿、身份证，居住地不动产权证书或购房合同。新生入学时，学校还将查验预防接种证，未完成免疫规划疫苗接种的，应当及时补种，但不影响入学。</p>
<h3>五、报名方式</h3>
<p>家长登录“云溪教育”微信公众号“义务教育招生”栏目报名。不会网上操作的，可以在报名期间到拟就读学校现场报名。</p>
<h3>六、有关要求</h3>
<p>各学校不得举行任何形式的入学考试或测试，不得以各种竞赛成绩作为招生依据，不得提前招生。</p>
<p>咨询电话：云溪县教育局基础教育股 0868-6580 2211</p>
<p style="text-align:right">云溪县教育局<br>2026年5月20日</p>
</body></html>`;

const HEATING_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>澄湖市2026—2027年采暖期集中供热收费和困难家庭采暖补贴通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>澄湖市发展和改革委员会　澄湖市民政局<br>关于2026—2027年采暖期集中供热收费和困难家庭采暖补贴有关事项的通知</h1>
<p style="text-align:center">澄发改价格〔2026〕21号</p>
<p>各县（区）发展改革局、民政局，各供热企业：</p>
<p>为做好2026—2027年采暖期供热保障工作，现将集中供热收费和困难家庭采暖补贴有关事项通知如下：</p>
<h3>一、采暖期</h3>
<p>本市城区采暖期为2026年11月15日至2027年3月15日，共121天。遇气温异常，经市政府批准可以提前供热或者延长供热。</p>
<h3>二、收费标准</h3>
<table>
<tr><th>用户类别</th><th>计费方式</th><th>收费标准</th></tr>
<tr><td>居民用户</td><td>按建筑面积</td><td>每平方米24元（整个采暖期）</td></tr>
<tr><td>非居民用户</td><td>按建筑面积</td><td>每平方米36元（整个采暖期）</td></tr>
<tr><td>已安装热计量装置的居民用户</td><td>基本热价加计量热价</td><td>每平方米9.6元，加每吉焦40元</td></tr>
</table>
<p>居民用户应当于2026年11月10日前缴纳采暖费，可以通过供热企业营业厅、“湖城通”APP或者银行代扣缴纳。</p>
<h3>三、暂停用热</h3>
<p>居民用户整个采暖期不需要用热的，应当在2026年10月15日前向供热企业申请暂停用热，并按采暖费的20%缴纳管网运行维护费。</p>
<h3>四、室温标准</h3>
<p>供热期间居民室内温度应当不低于18℃。室温不达标的，用户可以拨打供热服务热线0868-6288 9632报修，供热企业应当在24小时内上门检测；确属供热企业责任的，按不达标天数退还采暖费。</p>
<h3>五、困难家庭采暖补贴</h3>
<table>
<tr><th>补贴对象</th><th>补贴标准</th></tr>
<tr><td>城市低保家庭</td><td>每户每个采暖期1200元</td></tr>
<tr><td>城市特困人员</td><td>每人每个采暖期1500元</td></tr>
</table>
<p>低保边缘家庭的采暖补贴标准另行公布。采暖补贴不需要个人申请，由县（区）民政局根据低保、特困人员名册核定，于2026年12月31日前发放到补贴对象的社会保障卡。</p>
<p style="text-align:right">澄湖市发展和改革委员会　澄湖市民政局<br>2026年9月30日</p>
</body></html>`;

async function main(): Promise<void> {
  await trainingSubsidy();
  await printPdf(ENROLMENT_HTML, path.join(DOCS, '15_xinsheng_ruxue_yunxi.pdf'));
  await printPdf(HEATING_HTML, path.join(DOCS, '18_gongnuan_shoufei_cainuan_butie.pdf'));
}

await main();
