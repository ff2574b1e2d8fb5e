// Regenerates the Word and PDF documents of eval/frost/docs from the text below, and the split of
// eval/frost/questions.jsonl from its rule:
//   npx tsx eval/frost/build.ts           (documents and split)
//   npx tsx eval/frost/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function offPeakGuide(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_diancainuan_fenggu_zhinan.docx'), [
    { heading: '电采暖用户峰谷分时电价申请办事指南' },
    { text: '国网霜河供电公司　2026年9月' },
    { text: '使用电采暖设备取暖的居民用户，可以申请执行峰谷分时电价，夜间低谷时段用电价格较低，配合蓄热式电暖器、空气源热泵等设备使用，可以明显降低取暖电费。' },
    { heading: '一、适用对象', level: 2 },
    { text: '本市“一户一表”的居民用户，使用空气源热泵、蓄热式电暖器、碳晶电热板等电采暖设备取暖的，包括白桦县农村“煤改电”农户。' },
    { heading: '二、电价标准', level: 2 },
    {
      table: [
        ['时段', '时间', '电价'],
        ['峰段', '6:00至22:00', '每千瓦时0.54元'],
        ['谷段', '22:00至次日6:00', '每千瓦时0.27元'],
      ],
    },
    { text: '采暖季（每年10月15日至次年4月15日）内，电采暖用电量不计入居民阶梯电价的年度累计电量；非采暖季的用电执行居民阶梯电价。' },
    { heading: '三、申请材料', level: 2 },
    { text: '1．户主身份证；2．房屋产权证明或者租赁合同；3．电采暖设备购置发票或者设备照片；4．“煤改电”农户另需提供村民委员会出具的改造证明。租房居住的，还需提供房屋产权人同意的书面证明。' },
    { heading: '四、办理流程', level: 2 },
    { text: '用户提出申请后，供电公司在3个工作日内上门勘查；勘查符合条件的，在受理之日起5个工作日内免费更换分时电能表，自次月1日起执行峰谷分时电价。' },
    { heading: '五、收费', level: 2 },
    { text: '更换分时电能表不收费。用户户内线路需要增容改造的，改造费用由用户承担。' },
    { heading: '六、注意事项', level: 2 },
    { text: '峰谷分时电价申请执行后，一个采暖季内不得变更。电采暖设备应当使用专用线路，并安装独立的漏电保护器，不得私拉乱接。' },
    { heading: '七、办理渠道', level: 2 },
    { text: '各供电营业厅，或者“网上国网”APP“更多服务—峰谷电价”栏目。咨询电话：95598。' },
  ], { title: '电采暖用户峰谷分时电价申请办事指南', created: '2026-09-10T09:00:00Z' });
}

const TIER_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整居民生活用电阶梯电价分档电量的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>霜河市发展和改革委员会　国网霜河供电公司<br>关于调整居民生活用电阶梯电价分档电量的通知</h1>
<p style="text-align:center">霜发改价格〔2026〕27号</p>
<p>各区、县发展和改革部门，各供电营业单位：</p>
<p>为适应居民冬季取暖和家用电器增加带来的用电需求，经市人民政府同意，现就调整本市居民生活用电阶梯电价分档电量有关事项通知如下：</p>
<h3>一、调整分档电量</h3>
<p>自2027年1月1日起，本市“一户一表”居民用户阶梯电价的年度分档电量按下表调整，各档电价标准不变：</p>
<table>
<tr><th>档次</th><th>调整前年用电量</th><th>调整后年用电量</th><th>电价</th></tr>
<tr><td>第一档</td><td>2160千瓦时及以下</td><td>2400千瓦时及以下</td><td>每千瓦时0.51元</td></tr>
<tr><td>第二档</td><td>2161至4200千瓦时</td><td>2401至4800千瓦时</td><td>每千瓦时0.56元</td></tr>
<tr><td>第三档</td><td>4200千瓦时以上</td><td>4800千瓦时以上</td><td>每千瓦时0.81元</td></tr>
</table>
<h3>二、计算周期</h3>
<p>阶梯电量以自然年（1月1日至12月31日）为一个计算周期。年度中间新开户或者销户的，按实际用电月数折算分档电量。</p>
<h3>三、合表用户</h3>
<p>未实行“一户一表”的合表居民用户，不执行阶梯电价，按每千瓦时0.53元的合表电价计费。</p>
<h3>四、困难家庭免费电量</h3>
<p>城乡低保户和特困供养户每户每月免费用电量由10千瓦时提高到15千瓦时，自2027年1月1日起执行，由供电公司根据民政部门提供的名单直接核减，无需申请。</p>
<h3>五、一户多人口</h3>
<p>户籍人口5人及以上的家庭，可以申请增加阶梯电价分档电量基数，办理方式见国网霜河供电公司有关办事指南。</p>
<h3>六、电采暖用户</h3>
<p>使用电采暖设备并执行峰谷分时电价的用户，采暖季电采暖用电量不计入阶梯电量累计。</p>
<p>居民用户对电费有疑问的，可以拨打95598供电服务热线咨询。</p>
<p style="text-align:right">霜河市发展和改革委员会　国网霜河供电公司<br>2026年11月25日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await offPeakGuide();
    await printPdf(TIER_HTML, path.join(DOCS, '04_jieti_dianjia_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
