// Regenerates the Word and PDF documents of eval/bazaar/docs from the text below, and the split of
// eval/bazaar/questions.jsonl from its rule:
//   npx tsx eval/bazaar/build.ts           (documents and split)
//   npx tsx eval/bazaar/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function breakfastCarts(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_bianmin_zaocanche_zhaomu.docx'), [
    { heading: '桑埠市2027年便民早餐车经营者招募公告' },
    { text: '桑埠市商务局　桑埠市城市管理局　2026年12月8日' },
    { text: '为方便市民早晨就近买到放心早餐，2027年在琴台区、瓯渚区设置便民早餐车点位36个，统一车辆样式，统一配送早餐，现面向社会招募早餐车经营者。' },
    { heading: '一、首批点位', level: 2 },
    {
      table: [
        ['点位', '所在区', '车位数', '经营时段'],
        ['丝行路地铁站B口', '琴台区', '2', '6:00—9:30'],
        ['茧市街农贸市场北门', '琴台区', '2', '5:30—9:00'],
        ['织锦路市民服务中心', '琴台区', '1', '6:30—9:30'],
        ['渚口路公交枢纽', '瓯渚区', '3', '6:00—9:30'],
        ['瓯渚大道产业园', '瓯渚区', '2', '6:30—10:00'],
        ['渚心公园南门', '瓯渚区', '1', '6:00—9:00'],
      ],
    },
    { text: '其余点位在“i桑埠”APP“便民早餐”栏目公布。' },
    { heading: '二、申请条件', level: 2 },
    { text: '本市户籍或者持有本市居住证；年满18周岁、不超过60周岁；持有有效健康证明；近3年没有食品安全违法记录。每人限申请1辆早餐车。同等条件下，低保家庭成员、持证残疾人和登记失业1年以上的人员优先。' },
    { heading: '三、费用', level: 2 },
    {
      table: [
        ['项目', '标准'],
        ['早餐车租用费', '每月300元（优先对象前6个月免收）'],
        ['点位使用费', '免收'],
        ['经营保证金', '1000元，经营期满无违规的全额退还'],
        ['食品安全责任保险', '由市商务局统一投保'],
      ],
    },
    { heading: '四、报名和评审', level: 2 },
    { text: '报名时间为2027年1月4日至1月22日，可以到点位所在街道办事处报名，也可以在“i桑埠”APP“便民早餐”栏目报名。2027年2月组织评审，评审结果在APP公示5个工作日。2027年3月1日起开始经营，经营期限2年。' },
    { heading: '五、经营规范', level: 2 },
    { text: '早餐车只能销售由定点中央厨房配送的早餐和预包装食品，使用电加热设备，不得使用明火。经营时段结束后30分钟内驶离点位，清理周边垃圾。一年内累计违规3次的，收回早餐车。' },
    { heading: '六、咨询', level: 2 },
    { text: '市商务局商贸服务科，电话：0664-2337 4190（工作日8:30—17:30）。' },
  ], { title: '桑埠市2027年便民早餐车经营者招募公告', created: '2026-12-08T09:00:00Z' });
}

const REPORT_REWARDS_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整市场监管领域违法行为举报奖励标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>桑埠市市场监督管理局　桑埠市财政局<br>关于调整市场监管领域违法行为举报奖励标准的通知</h1>
<p style="text-align:center">桑市监规〔2026〕3号</p>
<p>琴台区、瓯渚区市场监督管理局、财政局，苕岭县市场监督管理局、财政局，市市场监督管理局各处室：</p>
<p>为鼓励社会公众举报市场监管领域违法行为，经市人民政府同意，现就调整举报奖励标准通知如下：</p>
<h3>一、调整内容</h3>
<table>
<tr><th>项目</th><th>调整前</th><th>调整后</th></tr>
<tr><td>一级举报奖励比例</td><td>罚没款的3%</td><td>罚没款的5%</td></tr>
<tr><td>二级举报奖励比例</td><td>罚没款的2%</td><td>罚没款的3%</td></tr>
<tr><td>三级举报奖励比例</td><td>罚没款的1%</td><td>罚没款的2%</td></tr>
<tr><td>单项举报奖励最低金额</td><td>200元</td><td>300元</td></tr>
<tr><td>食品、药品安全举报奖励最低金额</td><td>500元</td><td>1000元</td></tr>
<tr><td>单项举报奖励最高金额</td><td>10万元</td><td>30万元</td></tr>
<tr><td>领取奖励期限</td><td>60个工作日</td><td>90个工作日</td></tr>
</table>
<h3>二、奖励条件</h3>
<p>举报人应当实名举报，提供被举报人的违法事实和线索，举报事项经查证属实并作出行政处罚决定。消费者为维护自身合法权益提出的投诉，不属于举报奖励范围。</p>
<h3>三、内部人员举报</h3>
<p>被举报单位的内部知情人员举报的，奖励金额按照前述标准的2倍计算，最高不超过60万元。</p>
<h3>四、奖励发放</h3>
<p>市场监督管理部门应当自行政处罚决定执行完毕之日起15个工作日内通知举报人。举报人应当在接到通知之日起90个工作日内，凭本人身份证件领取奖励；逾期未领取的，视为放弃。奖励资金由同级财政列支。</p>
<h3>五、执行时间</h3>
<p>本通知自2027年1月1日起执行。2026年12月31日前已作出行政处罚决定的举报事项，按照原标准奖励。</p>
<p>举报电话：12315；咨询电话：0664-2330 5166（市市场监督管理局执法稽查处）。</p>
<p style="text-align:right">桑埠市市场监督管理局　桑埠市财政局<br>2026年11月25日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await breakfastCarts();
    await printPdf(REPORT_REWARDS_HTML, path.join(DOCS, '04_jubao_jiangli_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
