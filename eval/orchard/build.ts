// Regenerates the Word and PDF documents of eval/orchard/docs from the text below, and the split of
// eval/orchard/questions.jsonl from its rule:
//   npx tsx eval/orchard/build.ts           (documents and split)
//   npx tsx eval/orchard/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function fireStationCrews(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_weixing_xiaofangzhan_duiyuan_zhaopin.docx'), [
    { heading: '2027年社区微型消防站专职队员招聘公告' },
    { text: '芷汀区应急管理局　蕙浦区应急管理局　蘅州市消防救援支队　2026年12月3日' },
    { text: '为提升社区火灾“打早灭小”能力，2027年芷汀区、蕙浦区在5个街道微型消防站面向社会招聘专职队员12名，现将有关事项公告如下。' },
    { heading: '一、招聘岗位', level: 2 },
    {
      table: [
        ['站点', '所在区', '招聘人数', '驻站地址'],
        ['兰皋街道微型消防站', '芷汀区', '3', '兰皋路56号'],
        ['椒丘街道微型消防站', '芷汀区', '2', '椒丘街40号'],
        ['芷汀路街道微型消防站', '芷汀区', '2', '芷汀路138号'],
        ['蕙风街道微型消防站', '蕙浦区', '3', '蕙风路20号'],
        ['桂棹街道微型消防站', '蕙浦区', '2', '桂棹路77号'],
      ],
    },
    { heading: '二、报考条件', level: 2 },
    { text: '具有本市户籍或者持有本市居住证；年满18周岁、不超过40周岁，退役军人和退出消防救援队伍的人员可以放宽到45周岁；高中（中专）以上学历；男性身高165厘米以上，女性身高158厘米以上；身体健康，无色盲。持有C1以上机动车驾驶证的优先。' },
    { heading: '三、薪酬待遇', level: 2 },
    {
      table: [
        ['项目', '标准'],
        ['基本工资', '每月3800元'],
        ['出警补贴', '每次出警50元'],
        ['夜间值班补贴', '每晚30元'],
        ['社会保险', '依法缴纳五险一金'],
        ['体检', '每年免费体检1次'],
      ],
    },
    { text: '队员实行24小时驻站值班，每工作1天休息2天。劳动合同期限3年，试用期3个月。' },
    { heading: '四、报名和考试', level: 2 },
    { text: '报名时间为2027年1月5日至1月15日，可以在“i蘅州”APP“微型消防站招聘”栏目报名，也可以到站点所在街道办事处报名。每人限报1个站点。2027年1月23日进行体能测试，项目为1000米跑、立定跳远和负重登楼（10层）；体能测试合格的参加面试，按照体能测试成绩40%、面试成绩60%计算总成绩，按照总成绩从高到低确定体检人选。拟聘用人员名单在APP公示5个工作日，2027年3月1日起上岗。' },
    { heading: '五、咨询', level: 2 },
    { text: '市消防救援支队社会消防科，电话：0644-3219 1193（工作日8:30—17:30）。' },
  ], { title: '2027年社区微型消防站专职队员招聘公告', created: '2026-12-03T09:00:00Z' });
}

const AMBULANCE_FEES_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整院前急救服务收费标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>蘅州市发展和改革委员会　蘅州市卫生健康委员会　蘅州市医疗保障局<br>关于调整院前急救服务收费标准的通知</h1>
<p style="text-align:center">蘅发改规〔2026〕11号</p>
<p>芷汀区、蕙浦区发展和改革局、卫生健康局、医疗保障分局，荪溪县发展和改革局、卫生健康局、医疗保障局，市急救中心：</p>
<p>为保障院前急救服务持续运行，经市人民政府同意，现就调整院前急救服务收费标准通知如下：</p>
<h3>一、调整内容</h3>
<table>
<tr><th>项目</th><th>调整前</th><th>调整后</th></tr>
<tr><td>救护车运送费（3公里以内）</td><td>30元</td><td>40元</td></tr>
<tr><td>救护车运送费（超过3公里的部分）</td><td>每公里3元</td><td>每公里4元</td></tr>
<tr><td>院前急救出诊费</td><td>每次50元</td><td>每次60元</td></tr>
<tr><td>心电监护费</td><td>每小时20元</td><td>每小时25元</td></tr>
<tr><td>担架搬运费</td><td>每次20元</td><td>取消</td></tr>
<tr><td>空车费（呼叫后取消或者未送医）</td><td>每次30元</td><td>取消</td></tr>
</table>
<h3>二、减免政策</h3>
<p>城乡低保对象、特困供养人员免收救护车运送费和院前急救出诊费。70周岁以上老年人救护车运送费减半收取。</p>
<h3>三、医保支付</h3>
<p>院前急救出诊费、心电监护费和急救中使用的药品、耗材，按照规定纳入基本医疗保险支付范围；救护车运送费由个人负担。</p>
<h3>四、适用范围</h3>
<p>本通知适用于市急救中心及其急救站点提供的院前急救服务。出院、转院等非急救转运服务不适用本通知，实行市场调节价。</p>
<h3>五、先救治后付费</h3>
<p>院前急救实行先救治、后付费，急救机构不得以患者未缴费为由拒绝出车或者延误救治。</p>
<h3>六、执行时间</h3>
<p>本通知自2027年1月1日起执行。2026年12月31日24时前呼叫的，按照原标准收费。</p>
<p>咨询电话：0644-3200 5312（市发展和改革委员会价格管理科）；0644-3212 0120（市急救中心）。</p>
<p style="text-align:right">蘅州市发展和改革委员会　蘅州市卫生健康委员会　蘅州市医疗保障局<br>2026年11月18日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await fireStationCrews();
    await printPdf(AMBULANCE_FEES_HTML, path.join(DOCS, '04_yuanqian_jijiu_shoufei_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
