// Regenerates the Word and PDF documents of eval/brook/docs from the text below, and the split of
// eval/brook/questions.jsonl from its rule:
//   npx tsx eval/brook/build.ts           (documents and split)
//   npx tsx eval/brook/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function shelterStaff(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_shourong_zhongxin_zhaopin.docx'), [
    { heading: '2027年汭州市流浪动物收容中心编外工作人员招聘公告' },
    { text: '汭州市城市管理局　2026年12月11日' },
    { text: '因工作需要，汭州市流浪动物收容中心面向社会公开招聘编外工作人员9名，签订劳动合同，合同期3年，试用期2个月。现将有关事项公告如下。' },
    { heading: '一、招聘岗位', level: 2 },
    {
      table: [
        ['岗位', '人数', '主要职责', '条件'],
        ['动物饲养员', '5', '犬猫喂养、清洁消毒、领养日接待', '年满18周岁、不超过50周岁，初中以上学历'],
        ['兽医助理', '2', '健康检查、免疫、驱虫、协助绝育手术', '动物医学、畜牧兽医等专业大专以上学历，不超过40周岁'],
        ['收容车驾驶员', '2', '接收走失犬只、夜间值班', '不超过50周岁，持C1以上驾驶证3年以上'],
      ],
    },
    { heading: '二、薪酬待遇', level: 2 },
    {
      table: [
        ['项目', '标准'],
        ['动物饲养员', '每月3600元'],
        ['兽医助理', '每月4800元，取得执业助理兽医师资格的每月另加500元'],
        ['收容车驾驶员', '每月4200元，夜间值班每次补贴80元'],
        ['社会保险', '按规定缴纳五险一金'],
      ],
    },
    { heading: '三、报名和考试', level: 2 },
    { text: '报名时间为2027年1月5日至1月9日，本人携带身份证、学历证书和近期一寸照片2张，到汭州市流浪动物收容中心（芊渚区菰塘路9号）现场报名。每人限报1个岗位。2027年1月16日进行实操考核，饲养员和驾驶员考核动物安全接触，兽医助理考核免疫和基础检查；实操考核合格的参加面试，按照实操成绩50%、面试成绩50%计算总成绩。拟聘用人员名单在汭州市城市管理局网站公示7个工作日。' },
    { text: '收容中心实行轮班制，节假日需轮流值班。对犬毛、猫毛过敏的请慎重报考。' },
    { heading: '四、咨询', level: 2 },
    { text: '汭州市流浪动物收容中心综合科，电话：0956-3360 7701（工作日9:00—17:00）。' },
  ], { title: '2027年汭州市流浪动物收容中心编外工作人员招聘公告', created: '2026-12-11T09:00:00Z' });
}

const REGISTRATION_FEES_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整犬只登记费和年审费收费标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>汭州市发展和改革委员会　汭州市公安局<br>关于调整犬只登记费和年审费收费标准的通知</h1>
<p style="text-align:center">汭发改价〔2026〕31号</p>
<p>澧棠区、芊渚区发展和改革局，市公安局澧棠分局、芊渚分局：</p>
<p>为配合《汭州市养犬管理办法》的实施，减轻养犬市民负担，经研究，现就调整犬只登记费和年审费收费标准通知如下：</p>
<h3>一、收费标准</h3>
<table>
<tr><th>收费项目</th><th>调整前</th><th>调整后</th></tr>
<tr><td>重点管理区首次登记费</td><td>每只500元</td><td>每只200元</td></tr>
<tr><td>重点管理区年审费</td><td>每只300元</td><td>每只100元</td></tr>
<tr><td>一般管理区首次登记费</td><td>每只100元</td><td>免收</td></tr>
<tr><td>一般管理区年审费</td><td>每只50元</td><td>免收</td></tr>
<tr><td>犬牌补办费</td><td>每个30元</td><td>每个20元</td></tr>
</table>
<p>已绝育犬只的登记费和年审费减半收取（调整前绝育犬只不减收）。导盲犬、扶助犬和最低生活保障家庭饲养的犬只免收。</p>
<h3>二、收费方式</h3>
<p>登记费和年审费由公安机关犬只登记服务点收取，可以现场刷卡、扫码支付，也可以在“汭宠通”APP在线支付，收费单位出具财政票据。任何单位不得在规定标准以外加收芯片费、犬牌制作费等费用。</p>
<h3>三、执行时间</h3>
<p>本通知自2027年1月1日起执行，以缴费时间为准：2026年12月31日前缴费的，按照原标准收取，已缴费用不予退还差额。</p>
<h3>四、监督</h3>
<p>对违规收费的，可以拨打价格举报电话12315或者0956-3202 3315投诉。</p>
<p>咨询电话：0956-3202 8120（市发展和改革委员会价格科）；0956-3201 7730（市公安局治安管理支队）。</p>
<p style="text-align:right">汭州市发展和改革委员会　汭州市公安局<br>2026年11月18日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await shelterStaff();
    await printPdf(REGISTRATION_FEES_HTML, path.join(DOCS, '04_dengji_nianshen_shoufei_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
