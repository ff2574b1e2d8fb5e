// Regenerates the Word and PDF documents of eval/ridge/docs from the text below:
//   npx tsx eval/ridge/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function housekeepingTraining(): Promise<void> {
  await writeDocx(path.join(DOCS, '10_jiazheng_peixun_butie_zhinan.docx'), [
    { heading: '崇岭市家政服务职业技能培训和上岗补贴申请指南（2026年）' },
    { text: '崇岭市人力资源和社会保障局　崇岭市商务局　2026年4月' },
    { heading: '一、培训对象', level: 2 },
    { text: '法定劳动年龄内、有从事家政服务意愿的本市户籍城乡劳动者和持有本市居住证的外来务工人员，均可以免费参加家政服务职业技能培训。' },
    { heading: '二、培训项目和补贴标准', level: 2 },
    {
      table: [
        ['培训项目', '培训课时', '培训补贴（拨付培训机构）', '个人负担'],
        ['育婴员', '120课时', '每人1600元', '免费'],
        ['养老护理员', '120课时', '每人1600元', '免费'],
        ['母婴护理员（月嫂）', '160课时', '每人2000元', '免费'],
        ['家务服务员（保洁收纳）', '60课时', '每人800元', '免费'],
      ],
    },
    { text: '参训人员出勤率达到90%以上、考核合格的，取得相应的职业技能等级证书或者培训合格证书。' },
    { text: '脱贫人口和就业困难人员参加培训期间，按每人每天50元给予生活费补贴，最长不超过20天。' },
    { heading: '三、上岗补贴', level: 2 },
    { text: '培训合格后6个月内在本市家政服务企业就业，签订劳动合同并连续缴纳社会保险满6个月的，给予一次性上岗补贴1000元。' },
    { text: '家政服务企业吸纳就业补贴的具体标准另行公布。' },
    { heading: '四、报名方式', level: 2 },
    { text: '通过“崇岭人社”APP“家政培训”栏目报名，也可以直接到定点培训机构报名。每期培训班不超过30人，满员即开班。' },
    { heading: '五、申请上岗补贴的材料', level: 2 },
    { text: '身份证、培训合格证书、劳动合同和社会保障卡。' },
    { heading: '六、办理时限', level: 2 },
    { text: '上岗补贴自受理之日起15个工作日内审核完毕，审核通过的发放到本人社会保障卡。' },
    { heading: '七、办理地点', level: 2 },
    { text: '崇岭市公共就业服务中心（峰南区云岭大道88号市民服务中心3楼），各县（区）公共就业服务机构。' },
  ], { title: '崇岭市家政服务职业技能培训和上岗补贴申请指南（2026年）', created: '2026-04-08T09:00:00Z' });
}

const NUTRITION_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>岩泉县2026年秋季学期农村义务教育学生营养改善计划实施通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>岩泉县教育局　岩泉县财政局<br>关于做好2026年秋季学期农村义务教育学生营养改善计划实施工作的通知</h1>
<p style="text-align:center">岩教发〔2026〕15号</p>
<p>各乡镇中心学校、县直各中小学：</p>
<p>为改善农村学生营养健康状况，现将2026年秋季学期农村义务教育学生营养改善计划实施工作有关事项通知如下：</p>
<h3>一、实施范围</h3>
<p>全县乡镇及以下义务教育学校（含教学点）的全体在籍学生。县城学校不在实施范围内。</p>
<h3>二、补助标准</h3>
<p>国家膳食补助标准为每生每天5元，县财政另行配套每生每天1元，合计每生每天6元，全年按在校时间200天计算。</p>
<h3>三、供餐方式</h3>
<table>
<tr><th>学校类型</th><th>供餐方式</th><th>说明</th></tr>
<tr><td>有食堂的学校</td><td>食堂供餐</td><td>提供完整午餐，每周公布带量食谱</td></tr>
<tr><td>无食堂的教学点</td><td>课间加餐</td><td>每天提供1袋牛奶和1个鸡蛋</td></tr>
</table>
<p>膳食补助全部用于为学生提供食品，不得以现金形式直接发放给学生和家长，不得向学生收取任何费用。</p>
<h3>四、家庭经济困难寄宿生生活补助</h3>
<table>
<tr><th>学段</th><th>补助标准</th></tr>
<tr><td>小学</td><td>每生每年1000元</td></tr>
<tr><td>初中</td><td>每生每年1250元</td></tr>
</table>
<p>寄宿生生活补助按春季、秋季两个学期各发放一半，由学校于每学期开学后2个月内发放到学生资助卡。</p>
<h3>五、食品安全</h3>
<p>学校负责人每天陪餐，实行食材留样48小时。学生有食物过敏的，家长应当书面告知班主任，学校应当调整餐食。</p>
<h3>六、家长监督</h3>
<p>各学校应当成立家长委员会膳食监督小组，每月至少开展1次家长陪餐活动。</p>
<p style="text-align:right">岩泉县教育局　岩泉县财政局<br>2026年8月25日</p>
</body></html>`;

async function main(): Promise<void> {
  await housekeepingTraining();
  await printPdf(NUTRITION_HTML, path.join(DOCS, '09_xuesheng_yingyangcan_yanquan.pdf'));
}

await main();
