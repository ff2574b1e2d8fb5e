// Regenerates the Word and PDF documents of eval/valley/docs from the text below:
//   npx tsx eval/valley/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function homestays(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_minsu_beian_zhinan.docx'), [
    { heading: '嶂溪市乡村民宿开办备案指南' },
    { text: '嶂溪市文化和旅游局　2026年9月1日' },
    { text: '为规范乡村民宿发展，方便群众开办民宿，现将乡村民宿开办备案有关事项说明如下。' },
    { heading: '一、什么是乡村民宿', level: 2 },
    { text: '本指南所称乡村民宿，是指利用农村居民自有住宅或者闲置房屋开办的小型住宿场所，经营用客房不超过14间（套），建筑面积不超过800平方米，建筑层数不超过4层。超过上述规模的，按照旅馆业管理。' },
    { heading: '二、开办条件', level: 2 },
    { text: '（一）房屋权属清楚，经营者为房屋所有人，或者依法租赁房屋、租期5年以上；（二）房屋结构安全，不在地质灾害隐患点威胁范围内；（三）每间客房配备应急照明灯和逃生用呼吸面罩，每层配备不少于2具灭火器，厨房安装可燃气体报警装置；（四）生活污水接入污水管网或者经处理达标后排放。' },
    { heading: '三、备案材料', level: 2 },
    {
      table: [
        ['材料名称', '份数', '说明'],
        ['乡村民宿备案登记表', '1份', '在线填写'],
        ['经营者身份证', '1份', '核验原件'],
        ['房屋权属证明或者租赁合同', '1份', '租赁的须附房屋所有人同意书'],
        ['房屋安全鉴定报告', '1份', '由具有资质的机构出具'],
        ['消防安全自查表', '1份', '附灭火器、应急照明照片'],
      ],
    },
    { heading: '四、办理流程', level: 2 },
    { text: '经营者通过“嶂溪政务服务”APP“民宿开办一件事”专区提交材料，区县文化和旅游部门会同公安、消防、市场监管部门联合核查，自受理之日起5个工作日内完成备案，发放乡村民宿备案凭证。营业执照、特种行业许可证可以同时申请，一次办结。' },
    { heading: '五、收费', level: 2 },
    { text: '备案不收费。' },
    { heading: '六、等级评定奖励', level: 2 },
    { text: '已备案并正常经营1年以上的乡村民宿，可以申请等级评定。评定为甲级、乙级、丙级的，由市文化和旅游局给予一次性奖励：' },
    {
      table: [
        ['等级', '一次性奖励'],
        ['甲级民宿', '5万元'],
        ['乙级民宿', '3万元'],
        ['丙级民宿', '1万元'],
      ],
    },
    { text: '等级评定每年开展一次，2027年评定的申报时间另行通知。已获奖励的民宿升级的，只补发差额部分。' },
    { heading: '七、经营要求', level: 2 },
    { text: '民宿经营者应当如实登记入住旅客的身份信息，并在旅客入住后2小时内上传至公安机关旅馆业治安管理系统。森林防火期内，应当提醒旅客不得在林区用火。' },
  ], { title: '嶂溪市乡村民宿开办备案指南', created: '2026-09-01T09:00:00Z' });
}

const RELOCATION_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>黛峰县关于做好2026年地质灾害避让搬迁工作的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>黛峰县自然资源局　黛峰县财政局<br>关于做好2026年地质灾害避让搬迁工作的通知</h1>
<p style="text-align:center">黛自然资发〔2026〕15号</p>
<p>各乡镇人民政府，县直有关单位：</p>
<p>为从根本上消除地质灾害隐患对山区群众生命财产安全的威胁，经县人民政府同意，现就做好2026年地质灾害避让搬迁工作通知如下：</p>
<h3>一、搬迁对象</h3>
<p>居住在已查明的滑坡、崩塌、泥石流等地质灾害隐患点威胁范围内，经县自然资源局组织专业技术单位认定需要搬迁避让的农户。2026年全县计划搬迁150户。</p>
<h3>二、安置方式和补助标准</h3>
<table>
<tr><th>安置方式</th><th>补助标准</th><th>说明</th></tr>
<tr><td>集中安置</td><td>每人2.5万元</td><td>安置到县城或者中心镇集中安置小区</td></tr>
<tr><td>分散自建</td><td>每户4万元，另每人5000元</td><td>在安全区域选址建房，宅基地由乡镇统筹安排</td></tr>
<tr><td>货币安置</td><td>每人3.5万元</td><td>自行购买商品住房，不再申请宅基地</td></tr>
<tr><td>拆旧复垦奖励</td><td>每户1万元</td><td>搬迁后6个月内拆除旧房</td></tr>
</table>
<h3>三、补助资金拨付</h3>
<p>补助资金分两次拨付：新房主体完工或者签订购房合同后，拨付补助资金的60%；搬迁入住并拆除旧房后，拨付剩余40%和拆旧复垦奖励。补助资金直接拨付到搬迁户本人的社会保障卡。</p>
<h3>四、申请程序</h3>
<p>符合条件的农户向户籍所在地乡镇人民政府提出申请，乡镇初审后在村务公开栏公示5天，公示无异议的报县自然资源局审核，审核结果报县人民政府备案。2026年度申请截止时间为2026年12月31日。</p>
<h3>五、其他事项</h3>
<p>搬迁户的旧宅基地由村集体收回并复垦，复垦后的耕地由原农户继续耕种。搬迁户在原户籍所在村的土地承包经营权等权益保持不变。已纳入搬迁计划的农户，不得在隐患点威胁范围内新建、扩建房屋。2027年搬迁计划另行下达。</p>
<p style="text-align:right">黛峰县自然资源局　黛峰县财政局<br>2026年6月18日</p>
</body></html>`;

async function main(): Promise<void> {
  await homestays();
  await printPdf(RELOCATION_HTML, path.join(DOCS, '04_dizhi_zaihai_banqian_daifeng.pdf'));
}

await main();
