// Regenerates the Word and PDF documents of eval/plains/docs from the text below:
//   npx tsx eval/plains/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function autumnStudyAid(): Promise<void> {
  await writeDocx(path.join(DOCS, '10_jinqiu_zhuxue_zhinan.docx'), [
    { heading: '沃原市2026年“金秋助学”活动申请指南' },
    { text: '沃原市总工会　2026年6月' },
    { heading: '一、救助对象', level: 2 },
    { text: '2026年考入全日制普通高等学校的新生，且属于下列情形之一：（一）本市工会建档困难职工的子女；（二）家庭人均月收入低于当地最低生活保障标准1.5倍的农民工会员的子女。' },
    { heading: '二、救助标准', level: 2 },
    {
      table: [
        ['救助对象', '考入本科', '考入专科（高职）'],
        ['建档困难职工子女', '一次性5000元', '一次性3000元'],
        ['困难农民工会员子女', '一次性3000元', '一次性2000元'],
      ],
    },
    { text: '同一学生只能享受一次金秋助学救助。已申请国家助学贷款的，不影响申请金秋助学。' },
    { heading: '三、申请时间', level: 2 },
    { text: '2026年7月20日至8月31日，逾期不再受理。' },
    { heading: '四、申请材料', level: 2 },
    { text: '《金秋助学申请表》、学生录取通知书复印件、学生和父母的身份证、户口簿；农民工会员另需提供工会会员证明和乡镇（街道）出具的家庭收入证明。' },
    { heading: '五、办理流程', level: 2 },
    { text: '职工向所在单位工会提出申请，单位工会初审后报县（区）总工会；县（区）总工会审核后在工会网站公示5个工作日；公示无异议的，救助金于2026年9月30日前发放到学生本人银行卡。' },
    { heading: '六、办理地点', level: 2 },
    { text: '各县（区）总工会职工服务窗口。河湾区、白鹭区的职工也可以到沃原市总工会职工服务中心（河湾区长渠路17号）办理。' },
  ], { title: '沃原市2026年“金秋助学”活动申请指南', created: '2026-06-12T09:00:00Z' });
}

const FAMILY_FARMS_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>苇塘县2026年县级示范家庭农场认定和奖补工作的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>苇塘县农业农村局　苇塘县财政局<br>关于开展2026年县级示范家庭农场认定和奖补工作的通知</h1>
<p style="text-align:center">苇农发〔2026〕9号</p>
<p>各乡镇人民政府，县直有关单位：</p>
<p>为培育发展家庭农场，发挥示范带动作用，现就开展2026年县级示范家庭农场认定和奖补工作通知如下：</p>
<h3>一、申报条件</h3>
<p>（一）已在市场监督管理部门登记为个体工商户或者个人独资企业，并在全国家庭农场名录系统中填报信息；</p>
<p>（二）以家庭成员为主要劳动力，常年雇工人数不超过家庭务农人员数；</p>
<p>（三）从事粮食生产的，经营土地面积在100亩以上、500亩以下；从事蔬菜、瓜果生产的，经营土地面积在30亩以上；</p>
<p>（四）正常经营2年以上，土地流转合同剩余期限不少于5年；</p>
<p>（五）有完整的生产经营记录和收支记录，近3年内未发生重大农产品质量安全事故。</p>
<h3>二、认定名额和奖补标准</h3>
<table>
<tr><th>级别</th><th>2026年名额</th><th>一次性奖补</th></tr>
<tr><td>县级示范家庭农场</td><td>40家</td><td>每家2万元</td></tr>
<tr><td>市级示范家庭农场（从县级示范家庭农场中推荐）</td><td>10家</td><td>每家3万元</td></tr>
</table>
<p>奖补资金主要用于购置农机具、建设烘干晾晒和仓储设施、开展土壤改良等。省级示范家庭农场的推荐工作另行通知。</p>
<h3>三、申报程序</h3>
<p>家庭农场于2026年9月1日至9月30日向所在乡镇农业经营管理站提交申报材料；乡镇初审后报县农业农村局；县农业农村局组织实地核查，拟认定名单在县政府网站公示7天，公示无异议的于2026年11月30日前发文认定。</p>
<h3>四、申报材料</h3>
<p>申报书、营业执照、经营者身份证、土地流转合同、上一年度生产经营收支记录。</p>
<h3>五、动态管理</h3>
<p>县级示范家庭农场每2年复核一次，复核不合格的，取消示范家庭农场称号。弄虚作假骗取奖补资金的，追回资金，3年内不得再次申报。</p>
<p style="text-align:right">苇塘县农业农村局　苇塘县财政局<br>2026年8月20日</p>
</body></html>`;

async function main(): Promise<void> {
  await autumnStudyAid();
  await printPdf(FAMILY_FARMS_HTML, path.join(DOCS, '09_jiating_nongchang_weitang.pdf'));
}

await main();
