// Makes the two generated documents of eval/webpages/docs: the Word news release (19) and the
// printed PDF guide (24). Run from the repository root: npx tsx eval/webpages/build.ts
// (the PDF needs Debian's headless Chromium, which scripts/system-deps.sh installs).
import path from 'node:path';
import { printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function newsRelease(): Promise<void> {
  await writeDocx(path.join(DOCS, '19_bianmin_fuwu_xinwengao_2026.docx'), [
    { heading: '我市前10个月便民服务交出“暖心账单”' },
    { text: '临溪市政务服务和数据管理局　2026年11月18日' },
    { text: '记者从市政务服务和数据管理局获悉，今年1—10月，我市持续推进“高效办成一件事”，便民服务各项工作稳步推进。' },
    { heading: '政务服务：办件量同比增长12%', level: 2 },
    { text: '市政务服务中心累计受理办件96.4万件，日均办件约3900件，群众满意率99.6%。“周末不打烊”服务共接待群众2.3万人次，24小时自助服务区自助打印证明11.8万份。' },
    { heading: '就业服务：招聘会天天有', level: 2 },
    { text: '全市共举办各类招聘会62场，进场企业3100家次，提供岗位4.7万个，达成就业意向1.12万人。' },
    { heading: '健康服务：义诊走进社区', level: 2 },
    { text: '各级医疗机构开展“健康进社区”义诊148场，服务群众3.6万人次；全市无偿献血2.8万人次，献血量9.1吨。' },
    { heading: '民生服务：家门口的幸福', level: 2 },
    { text: '今年以来，各区新建了一批社区食堂和助餐点，老年人就餐更方便。公交集团新开、优化公交线路9条。前两期数字人民币消费券共核销1.9万笔，带动消费3.2亿元。' },
    { table: [['项目', '1—10月'], ['政务服务办件', '96.4万件'], ['招聘会', '62场'], ['义诊', '148场'], ['无偿献血', '2.8万人次']] },
    { text: '市政务服务和数据管理局表示，下一步将继续推进“一网通办”，让群众办事少跑腿。' },
  ], { title: '我市前10个月便民服务交出“暖心账单”', created: '2026-11-18T09:00:00Z' });
}

const GUIDE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Converting a Foreign Driving Licence in Linxi</title>
<style>body{font-family:sans-serif;font-size:12pt;margin:2cm}h1{font-size:18pt}h2{font-size:14pt;margin-top:1.2em}</style></head><body>
<h1>Converting a Foreign Driving Licence in Linxi</h1>
<p>Linxi Traffic Police Detachment, Vehicle Administration Office — guide for foreign residents, August 2026</p>
<h2>Who can convert</h2>
<p>Foreign nationals holding a valid foreign driving licence and a Chinese residence permit valid for more than 3 months can apply for a Chinese driving licence. International Driving Permits are not recognised in China.</p>
<h2>What to bring</h2>
<p>Your passport and residence permit; your foreign licence and a Chinese translation of it, made by a translation agency or your embassy; a medical certificate from a designated hospital (the check costs about 50 yuan and takes half a day); and three one-inch photos with a white background.</p>
<h2>The theory test</h2>
<p>You take only the theory test (Subject 1). It has 100 questions and can be taken in English. You have 45 minutes and need at least 90 points to pass. The test fee is 50 yuan and the licence fee is 10 yuan. If you fail, you can book a second attempt free of charge, and you may take the test up to 5 times.</p>
<p>Once you pass, the licence is printed the same day.</p>
<h2>Where</h2>
<p>Linxi Vehicle Administration Office, 99 Xincheng Road, Nanhu District. The test centre is on the 3rd floor.</p>
<h2>Short stays</h2>
<p>Visitors staying less than 3 months can apply for a temporary driving permit, valid for up to 3 months, at the same office or at the airport service point.</p>
</body></html>`;

async function drivingGuide(): Promise<void> {
  await printPdf(GUIDE, path.join(DOCS, '24_driving_licence_conversion_en.pdf'));
}

await newsRelease();
await drivingGuide();
console.log('wrote 19_bianmin_fuwu_xinwengao_2026.docx and 24_driving_licence_conversion_en.pdf');
