// Regenerates the Word and PDF documents of eval/compass/docs from the text below, and the split of
// eval/compass/questions.jsonl from its rule:
//   npx tsx eval/compass/build.ts           (documents and split)
//   npx tsx eval/compass/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function newCarRegistrationGuide(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_xinche_shangpai_zhinan.docx'), [
    { heading: '机动车注册登记（新车上牌）办事指南' },
    { text: '榆津市公安局交通警察支队车辆管理所　2026年3月' },
    { text: '新购置的机动车上道路行驶前，所有人应当办理注册登记，领取号牌、行驶证和机动车登记证书。' },
    { heading: '一、办理方式、地点和时限', level: 2 },
    {
      table: [
        ['办理方式', '地点', '办理时限'],
        ['汽车销售企业代办（一站式服务点）', '全市32家汽车销售企业，名单在“交管12123”APP查询', '购车当天上牌'],
        ['车辆管理所柏埠分所查验区', '柏埠路201号', '查验合格后当天办结'],
        ['沙渚区机动车登记服务站', '沙渚大道300号', '查验合格后当天办结'],
      ],
    },
    { heading: '二、申请材料', level: 2 },
    { text: '机动车所有人的居民身份证（外省市户籍的，凭居民身份证即可办理，不再提交居住证）；购车发票；机动车整车出厂合格证明；交强险凭证。车辆购置税完税信息已经联网核查的，不再提交纸质证明。' },
    { heading: '三、选号', level: 2 },
    { text: '可以通过“交管12123”APP互联网选号，系统随机提供50个号码，从中选择1个；也可以按照编码规则自编自选。选定的号码应当在15日内办理注册登记，逾期号码作废。' },
    { heading: '四、收费标准', level: 2 },
    {
      table: [
        ['项目', '收费标准'],
        ['汽车号牌（含新能源汽车号牌）', '每副100元'],
        ['摩托车号牌', '每副35元'],
        ['机动车行驶证', '每本10元'],
        ['机动车登记证书', '每本10元'],
        ['临时行驶车号牌', '每张5元'],
      ],
    },
    { heading: '五、临时号牌', level: 2 },
    { text: '需要临时上道路行驶的，可以在汽车销售企业一站式服务点或者车辆管理所申领临时行驶车号牌，有效期最长不超过15日，一车最多申领3次。' },
    { heading: '六、咨询', level: 2 },
    { text: '市公安局交通警察支队车辆管理所登记科，电话：0686-3110 6622。' },
  ], { title: '机动车注册登记（新车上牌）办事指南', created: '2026-03-12T09:00:00Z' });
}

const TAXI_FARE_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整巡游出租汽车运价的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>榆津市发展和改革委员会　榆津市交通运输局<br>关于调整巡游出租汽车运价的通知</h1>
<p style="text-align:center">榆发改价格〔2026〕31号</p>
<p>柏埠区、沙渚区发展和改革局、交通运输局，各出租汽车企业：</p>
<p>为理顺出租汽车运价关系，保障驾驶员合理收入，经成本监审和价格听证，并报市人民政府同意，现就调整本市城区巡游出租汽车运价通知如下：</p>
<h3>一、运价标准</h3>
<table>
<tr><th>项目</th><th>调整前</th><th>调整后</th></tr>
<tr><td>起步里程</td><td>2.5公里</td><td>3公里</td></tr>
<tr><td>起步价</td><td>8元</td><td>10元</td></tr>
<tr><td>续程单价（起步里程以上至15公里）</td><td>每公里1.8元</td><td>每公里2.0元</td></tr>
<tr><td>远程单价（15公里以上）</td><td>每公里2.7元</td><td>每公里3.0元</td></tr>
<tr><td>低速等候费（时速12公里以下）</td><td>每5分钟1元</td><td>每4分钟1元</td></tr>
<tr><td>燃油附加费</td><td>每运次1元</td><td>取消</td></tr>
</table>
<h3>二、夜间运价</h3>
<p>每日23:00至次日5:00，起步价和续程、远程单价均加收20%。调整前夜间只对续程单价加收20%。</p>
<h3>三、电话约车服务费</h3>
<p>通过电话或者出租车企业APP预约用车的，每单收取约车服务费3元；车辆未按约定时间到达超过10分钟的，免收约车服务费。</p>
<h3>四、其他费用</h3>
<p>乘客途经收费道路、桥梁的通行费由乘客承担。驾驶员不得收取规定以外的任何费用。</p>
<h3>五、执行时间和范围</h3>
<p>本通知自2026年8月1日起执行，适用于柏埠区、沙渚区城区巡游出租汽车。蒿坪县出租汽车运价由蒿坪县另行制定。</p>
<p>出租汽车企业应当在2026年7月31日前完成计价器调整，并在车内张贴新的运价标签。</p>
<p>咨询电话：0686-3100 2231（市发展和改革委员会价格管理科）。</p>
<p style="text-align:right">榆津市发展和改革委员会　榆津市交通运输局<br>2026年7月15日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await newCarRegistrationGuide();
    await printPdf(TAXI_FARE_HTML, path.join(DOCS, '04_chuzuche_yunjia_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
