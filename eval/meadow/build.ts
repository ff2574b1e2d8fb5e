// Regenerates the Word and PDF documents of eval/meadow/docs from the text below, and the split of
// eval/meadow/questions.jsonl from its rule:
//   npx tsx eval/meadow/build.ts           (documents and split)
//   npx tsx eval/meadow/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function villageAnimalHealthWorkers(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_cunji_fangyiyuan_zhaopin_shuyuan.docx'), [
    { heading: '2027年黍原县村级动物防疫员招聘公告' },
    { text: '黍原县农业农村局　黍原县人力资源和社会保障局　2026年12月9日' },
    { text: '为加强基层动物防疫队伍建设，做好强制免疫、疫情报告和病死畜禽收集等工作，黍原县面向社会公开招聘村级动物防疫员12名，服务期2年。现将有关事项公告如下。' },
    { heading: '一、招聘岗位', level: 2 },
    {
      table: [
        ['乡镇', '招聘人数', '服务范围'],
        ['菽塘镇', '3', '镇内9个行政村'],
        ['秫坡镇', '4', '镇内12个行政村'],
        ['穑田乡', '5', '乡内15个行政村'],
      ],
    },
    { heading: '二、报名条件', level: 2 },
    { text: '具有黍原县户籍；年满18周岁、不超过50周岁，畜牧兽医专业毕业的可以放宽到55周岁；高中（中专）以上学历；身体健康，能熟练使用智能手机填报免疫档案。持有摩托车或者C1以上机动车驾驶证的优先。' },
    { heading: '三、报酬待遇', level: 2 },
    {
      table: [
        ['项目', '标准'],
        ['基础报酬', '每月2600元'],
        ['免疫工作补助', '按实际免疫数量计发，猪每头0.5元，牛、羊每头（只）1元，家禽每羽0.02元'],
        ['交通补贴', '每月200元'],
        ['意外伤害保险', '由县农业农村局统一购买'],
        ['年度考核奖', '考核优秀的每人3000元'],
      ],
    },
    { heading: '四、报名和考试', level: 2 },
    { text: '报名时间为2027年1月6日至1月12日，本人带身份证、学历证书和近期一寸照片2张，到报考乡镇的农业综合服务中心现场报名，不接受代报名。每人限报1个乡镇。2027年1月17日进行笔试，内容为畜牧兽医基础知识和动物防疫法律常识；笔试合格的参加面试，按照笔试成绩60%、面试成绩40%计算总成绩，按照总成绩从高到低以1:1的比例确定体检和考察人选。拟聘用人员名单公示5个工作日，2027年3月1日起上岗。' },
    { heading: '五、咨询', level: 2 },
    { text: '黍原县农业农村局畜牧兽医股，电话：0845-5812 7126（工作日8:30—17:30）。' },
  ], { title: '2027年黍原县村级动物防疫员招聘公告', created: '2026-12-09T09:00:00Z' });
}

const CUSTOM_FARMING_SUBSIDY_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整农业生产托管服务补助标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>稔州市农业农村局　稔州市财政局<br>关于调整农业生产托管服务补助标准的通知</h1>
<p style="text-align:center">稔农发〔2026〕19号</p>
<p>禾畴区、荞岭区农业农村局、财政局，黍原县农业农村局、财政局：</p>
<p>为进一步发展农业生产托管服务，减轻小农户生产成本，经研究，现就调整农业生产托管服务补助标准通知如下：</p>
<h3>一、补助标准</h3>
<table>
<tr><th>服务环节</th><th>调整前</th><th>调整后</th></tr>
<tr><td>机耕（旋耕、深翻）</td><td>每亩20元</td><td>每亩25元</td></tr>
<tr><td>机插秧、机播</td><td>每亩30元</td><td>每亩35元</td></tr>
<tr><td>统防统治（病虫害专业化防治）</td><td>每亩每次8元</td><td>每亩每次10元</td></tr>
<tr><td>机收</td><td>每亩25元</td><td>每亩30元</td></tr>
<tr><td>粮食烘干</td><td>每吨40元</td><td>每吨50元</td></tr>
<tr><td>全程托管（耕、种、防、收四个环节）</td><td>无</td><td>另加每亩10元</td></tr>
</table>
<p>统防统治每年补助不超过3次。</p>
<h3>二、补助对象和方式</h3>
<p>补助资金发给在“稔农帮”APP登记的服务组织。服务组织按照服务价格扣除补助后的金额向农户收费，并在服务合同和结算单上注明补助金额。</p>
<h3>三、补助限额</h3>
<p>单个服务组织每年补助总额不超过50万元（调整前为30万元）。服务组织服务经营面积50亩以下小农户的面积，不得低于其服务总面积的60%。</p>
<h3>四、核验</h3>
<p>乡镇农技站对服务面积的抽查比例不低于10%。虚报服务面积的，追回补助资金，3年内不得申请补助。</p>
<h3>五、执行时间</h3>
<p>本通知自2027年1月1日起执行，以作业完成时间为准：2026年12月31日前完成作业的，按照原标准补助。</p>
<p>咨询电话：0845-2310 5523（市农业农村局农业社会化服务科）；0845-2310 6201（市财政局农业农村科）。</p>
<p style="text-align:right">稔州市农业农村局　稔州市财政局<br>2026年11月20日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await villageAnimalHealthWorkers();
    await printPdf(CUSTOM_FARMING_SUBSIDY_HTML, path.join(DOCS, '04_tuoguan_buzhu_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
