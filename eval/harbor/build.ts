// Regenerates the Word and PDF documents of eval/harbor/docs from the text below:
//   npx tsx eval/harbor/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function startupLoan(): Promise<void> {
  await writeDocx(path.join(DOCS, '09_chuangye_danbao_daikuan_zhinan.docx'), [
    { heading: '临港市创业担保贷款申请指南' },
    { text: '临港市人力资源和社会保障局　临港市财政局　2026年3月' },
    { heading: '一、申请对象', level: 2 },
    { text: '（一）个人：城镇登记失业人员、就业困难人员、退役军人、毕业5年内的高校毕业生、返乡创业农民工、网络商户，在本市自主创业并取得营业执照的，可以申请创业担保贷款。' },
    { text: '（二）小微企业：当年新招用上述人员达到企业现有在职职工人数15%（超过100人的企业达到8%），并与其签订1年以上劳动合同的，可以申请创业担保贷款。' },
    { heading: '二、贷款额度和期限', level: 2 },
    {
      table: [
        ['借款主体', '最高额度', '贷款期限'],
        ['个人', '30万元', '不超过3年'],
        ['合伙创业', '每人30万元，总额不超过150万元', '不超过3年'],
        ['小微企业', '400万元', '不超过2年'],
      ],
    },
    { heading: '三、贴息和反担保', level: 2 },
    { text: '个人和合伙创业贷款，贷款利率中LPR减150个基点以下部分由借款人承担，剩余部分由财政给予贴息；小微企业贷款按实际贷款利率的50%给予贴息。' },
    { text: '个人首次申请10万元及以下贷款的，免除反担保。按期还款、信用良好的，可以再次申请，累计次数不超过3次。' },
    { heading: '四、申请材料', level: 2 },
    { text: '1．身份证；2．营业执照；3．创业项目计划书；4．符合申请对象的证明材料（如退役证、毕业证书、就业创业证等）；5．小微企业另需提供新招用人员的劳动合同和社保缴费明细。' },
    { heading: '五、办理流程', level: 2 },
    { text: '申请人通过“临港人社”APP提交申请，人社部门5个工作日内完成资格审核，担保机构和经办银行开展担保和贷款审核，自受理之日起20个工作日内完成放款。' },
    { heading: '六、办理地点', level: 2 },
    { text: '临港市创业服务中心（东港区望潮路18号），各县（区）就业服务中心。' },
    { heading: '七、咨询电话', level: 2 },
    { text: '临港市创业服务中心 0875-3185 6012' },
  ], { title: '临港市创业担保贷款申请指南', created: '2026-03-09T09:00:00Z' });
}

const RETROFIT_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>松岭县民政局关于做好2026年特殊困难老年人家庭适老化改造工作的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>松岭县民政局关于做好2026年特殊困难老年人家庭适老化改造工作的通知</h1>
<p style="text-align:center">松民发〔2026〕11号</p>
<p>各乡镇人民政府：</p>
<p>为改善特殊困难老年人居家生活环境，经县人民政府同意，2026年继续在全县实施特殊困难老年人家庭适老化改造。现将有关事项通知如下：</p>
<h3>一、改造对象</h3>
<p>具有松岭县户籍、年满60周岁的特困、低保家庭中的失能、半失能或残疾老年人。全县计划改造150户。</p>
<h3>二、名额分配</h3>
<table>
<tr><th>乡镇</th><th>改造名额</th></tr>
<tr><td>松岭镇</td><td>60户</td></tr>
<tr><td>桃源镇</td><td>50户</td></tr>
<tr><td>梅坞乡</td><td>40户</td></tr>
</table>
<h3>三、改造项目和补助上限</h3>
<table>
<tr><th>改造项目</th><th>补助上限</th></tr>
<tr><td>地面防滑处理</td><td>每户1200元</td></tr>
<tr><td>卫生间、床边扶手</td><td>每户800元</td></tr>
<tr><td>淋浴椅、坐便椅</td><td>每户400元</td></tr>
<tr><td>紧急呼叫器</td><td>每户300元</td></tr>
</table>
<p>每户补助合计最高4500元，所需资金由县级福利彩票公益金和财政资金共同承担，老年人家庭不需承担费用。</p>
<h3>四、时间安排</h3>
<p>2026年5月1日至6月15日，老年人或家属向所在乡镇民政办提出申请；6月30日前完成入户评估；2026年11月30日前完成改造和验收。</p>
<h3>五、工作要求</h3>
<p>各乡镇要建立改造台账，改造前后拍照留存，验收合格后由县民政局统一拨付资金。</p>
<p style="text-align:right">松岭县民政局<br>2026年4月15日</p>
</body></html>`;

async function main(): Promise<void> {
  await startupLoan();
  await printPdf(RETROFIT_HTML, path.join(DOCS, '16_shilaohua_gaizao_songling.pdf'));
}

await main();
