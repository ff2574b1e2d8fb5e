// Regenerates the Word and PDF documents of eval/civic/docs from the text below:
//   npx tsx eval/civic/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function graduateSubsidy(): Promise<void> {
  await writeDocx(path.join(DOCS, '11_biyesheng_rencai_butie_zhinan.docx'), [
    { heading: '澄江市高校毕业生来澄就业创业补贴申领指南' },
    { text: '澄江市人力资源和社会保障局　澄江市人才工作领导小组办公室　2026年2月' },
    { heading: '一、申领对象', level: 2 },
    { text: '2022年1月1日以后毕业的全日制普通高校本科及以上学历毕业生（含留学回国人员），2026年1月1日以后首次在本市企业、事业单位、社会组织就业或在本市创办企业，签订1年以上劳动合同，并在本市连续缴纳社会保险满6个月的，可申领生活补贴和一次性安家费。' },
    { text: '机关和参照公务员法管理单位的在编人员，不享受本指南规定的补贴。' },
    { heading: '二、补贴标准', level: 2 },
    {
      table: [
        ['学历', '生活补贴', '一次性安家费'],
        ['博士研究生', '每人每月3000元', '10万元'],
        ['硕士研究生', '每人每月1500元', '3万元'],
        ['“双一流”建设高校本科', '每人每月1000元', '1万元'],
        ['其他全日制本科', '每人每月600元', '不享受'],
      ],
    },
    { text: '生活补贴自申领之月起按季度发放，最长发放36个月。一次性安家费分3年发放，每年发放三分之一，期间离开本市的停止发放。' },
    { text: '在云溪县就业创业的，生活补贴在上表标准基础上每人每月增加300元。' },
    { text: '博士后进站人员的补贴政策另行制定。' },
    { heading: '三、申领时间', level: 2 },
    { text: '每年设两个集中申报期：3月1日至3月31日，9月1日至9月30日。错过当期的，可在下一个申报期申报，补贴不予追溯。' },
    { heading: '四、申领材料', level: 2 },
    { text: '1．身份证；2．毕业证书和学位证书（留学回国人员另需教育部留学服务中心出具的学历学位认证书）；3．劳动合同或营业执照；4．本人社会保障卡。' },
    { heading: '五、办理流程', level: 2 },
    { text: '个人通过“澄江人社”APP“人才补贴”模块在线申报，用人单位在线确认后，市人才服务中心自受理之日起20个工作日内完成审核，审核结果公示5个工作日，无异议的将补贴发放至本人社会保障卡。' },
    { heading: '六、咨询方式', level: 2 },
    { text: '澄江市人才服务中心（西山区枫桥路9号），咨询电话：0873-8615 6600。' },
  ], { title: '澄江市高校毕业生来澄就业创业补贴申领指南', created: '2026-02-16T09:00:00Z' });
}

const EBIKE_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>云溪县公安局关于开展电动自行车登记上牌工作的通告</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>云溪县公安局关于开展电动自行车登记上牌工作的通告</h1>
<p style="text-align:center">云公通〔2026〕3号</p>
<p>为加强电动自行车道路交通安全管理，保障群众出行安全，根据《澄江市电动自行车管理条例》，自2026年5月1日起在全县开展电动自行车登记上牌工作。现将有关事项通告如下：</p>
<h3>一、登记范围</h3>
<p>在云溪县辖区内销售、使用的电动自行车，应当依法办理登记，取得号牌后方可上道路行驶。</p>
<h3>二、号牌类型</h3>
<table>
<tr><th>车辆情况</th><th>号牌类型</th><th>有效期</th></tr>
<tr><td>符合强制性国家标准的电动自行车</td><td>正式号牌</td><td>长期有效</td></tr>
<tr><td>2019年4月15日前购买的超标电动自行车</td><td>临时号牌</td><td>至2026年12月31日</td></tr>
</table>
<p>2027年1月1日起，临时号牌一律作废，超标电动自行车不得上道路行驶。</p>
<h3>三、登记地点和时间</h3>
<p>云溪县公安局交通管理大队车辆管理所（云溪镇迎宾路45号）；石门镇、青柳乡派出所设登记服务点。</p>
<p>登记时间：每天8:30—12:00，14:00—17:30，节假日照常办理。</p>
<h3>四、所需材料</h3>
<p>车主本人携带身份证、购车发票、产品合格证，将车辆骑行至登记地点查验。委托他人办理的，另需提供委托书和受托人身份证。</p>
<h3>五、收费</h3>
<p>登记上牌不收取任何费用，号牌遗失或损毁的，免费补领。</p>
<h3>六、以旧换新补贴</h3>
<p>交售超标电动自行车并在本县购买新国标电动自行车的，每辆给予500元补贴，活动截至2026年12月31日，补贴资金额满即止。</p>
<h3>七、其他</h3>
<p>驾驶电动自行车应当年满16周岁，驾乘人员应当佩戴安全头盔。未悬挂号牌上道路行驶的，依法处以警告或50元罚款。</p>
<p style="text-align:right">云溪县公安局<br>2026年4月10日</p>
</body></html>`;

async function main(): Promise<void> {
  await graduateSubsidy();
  await printPdf(EBIKE_HTML, path.join(DOCS, '15_diandong_zixingche_shangpai_yunxi.pdf'));
}

await main();
