// Regenerates the Word and PDF documents of eval/coast/docs from the text below:
//   npx tsx eval/coast/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function seaweedInsurance(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_zicai_yangzhi_baoxian_zhinan.docx'), [
    { heading: '鳌湾市紫菜养殖政策性保险投保指南（2026—2027年养殖季）' },
    { text: '鳌湾市农业农村局　鳌湾市财政局　2026年8月20日' },
    { text: '为降低台风、风暴潮等自然灾害对紫菜养殖的影响，稳定养殖户收入，现将2026—2027年养殖季紫菜养殖政策性保险投保有关事项说明如下。' },
    { heading: '一、投保对象', level: 2 },
    { text: '在本市依法取得水域滩涂养殖证、采用筏式养殖紫菜的养殖户、家庭渔场、合作社和企业。单户投保面积不少于10亩，同一养殖户的紫菜养殖面积须全部投保，不得选择性投保。' },
    { heading: '二、保险责任', level: 2 },
    { text: '保险期间内，因台风、风暴潮、海浪、赤潮或者持续异常高温，造成紫菜苗绳脱落、浮筏损毁或者紫菜烂苗，损失率达到30%以上的，保险公司按约定赔偿。' },
    { heading: '三、保险金额、费率和保费', level: 2 },
    {
      table: [
        ['养殖方式', '每亩保险金额', '保险费率', '每亩保费'],
        ['半浮动筏式', '2000元', '6%', '120元'],
        ['全浮动筏式', '3000元', '6%', '180元'],
      ],
    },
    { heading: '四、保费分担', level: 2 },
    {
      table: [
        ['承担方', '承担比例'],
        ['省级财政', '40%'],
        ['市级财政', '20%'],
        ['区、县财政', '15%'],
        ['养殖户', '25%'],
      ],
    },
    { heading: '五、投保时间和方式', level: 2 },
    { text: '集中投保时间为2026年9月1日至10月31日，保险期间自保费缴纳次日零时起至2027年4月30日24时止。养殖户持身份证、水域滩涂养殖证和养殖面积确认表，到所在乡镇（街道）农业服务中心或者承保保险公司营业网点投保，只需缴纳自己承担的部分保费。' },
    { heading: '六、理赔', level: 2 },
    { text: '发生保险事故后，养殖户应当在48小时内向保险公司报案。保险公司会同乡镇（街道）农业服务中心现场查勘定损，损失率达到80%以上的按全损赔付。赔款在达成赔偿协议后10日内直接支付到养殖户本人账户，不得以现金方式支付。' },
    { heading: '七、其他', level: 2 },
    { text: '海带养殖保险正在开展试点方案论证，试点范围和投保时间另行通知。' },
  ], { title: '鳌湾市紫菜养殖政策性保险投保指南', created: '2026-08-20T09:00:00Z' });
}

const ISLAND_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>珊洲县关于发放2026年度海岛居民生活用水用电补贴的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>珊洲县财政局　珊洲县发展和改革局<br>关于发放2026年度海岛居民生活用水用电补贴的通知</h1>
<p style="text-align:center">珊财发〔2026〕19号</p>
<p>鲸背镇人民政府，县直有关单位：</p>
<p>海岛居民生活用水依靠海水淡化和船运补给，用电依靠海底电缆和岛上柴油发电，生活成本明显高于陆地。为减轻海岛居民生活负担，经县人民政府同意，现就发放2026年度海岛居民生活用水用电补贴通知如下：</p>
<h3>一、补贴对象</h3>
<p>户籍在鲸背镇鲸背岛、小鲸岛，并在岛上实际居住（2026年度在岛居住累计6个月以上）的居民家庭。户籍已迁入海岛但未在岛上实际居住的，不予补贴。</p>
<h3>二、补贴标准</h3>
<table>
<tr><th>补贴项目</th><th>补贴标准</th><th>说明</th></tr>
<tr><td>生活用电补贴</td><td>每户每月30元</td><td>低保户、特困供养户每户每月50元</td></tr>
<tr><td>生活用水补贴</td><td>每人每月8元</td><td>按户籍人口计算</td></tr>
<tr><td>小鲸岛淡化水补贴</td><td>每户每年300元</td><td>仅限小鲸岛居民家庭</td></tr>
</table>
<p>2026年度补贴按12个月计算，一次性发放。</p>
<h3>三、发放程序</h3>
<p>已享受2025年度补贴的家庭无需重新申请，由村（居）委会核对在岛居住情况后造册；2026年新迁入或者新符合条件的家庭，应当于2026年12月10日前到鲸背镇便民服务中心申请。补贴名单在村务公开栏公示3天，公示无异议的，补贴资金于2026年12月25日前打入户主社会保障卡。</p>
<h3>四、其他事项</h3>
<p>虚报在岛居住时间骗取补贴的，追回补贴资金，两年内不得享受海岛居民生活用水用电补贴。2027年度补贴标准另行公布。</p>
<p style="text-align:right">珊洲县财政局　珊洲县发展和改革局<br>2026年11月20日</p>
</body></html>`;

async function main(): Promise<void> {
  await seaweedInsurance();
  await printPdf(ISLAND_HTML, path.join(DOCS, '04_haidao_shuidian_butie_shanzhou.pdf'));
}

await main();
