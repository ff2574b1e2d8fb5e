// Regenerates the Word and PDF documents of eval/lantern/docs from the text below, and the split of
// eval/lantern/questions.jsonl from its rule:
//   npx tsx eval/lantern/build.ts           (documents and split)
//   npx tsx eval/lantern/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function sportsSchoolAdmissions(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_yeyu_tixiao_zhaosheng_jianzhang.docx'), [
    { heading: '芷阳市业余体育学校2027年春季招生简章' },
    { text: '芷阳市业余体育学校　2026年12月' },
    { text: '为发现和培养体育后备人才，市业余体育学校2027年春季面向全市招收业余训练学员，学员利用课余时间训练，不影响在校学习。' },
    { heading: '一、招生项目', level: 2 },
    {
      table: [
        ['项目', '招生年龄', '名额', '训练时间', '训练地点'],
        ['田径', '9至12周岁（2014年9月1日至2017年8月31日出生）', '40', '周二、周四16:30—18:00，周六9:00—11:00', '市业余体校田径场'],
        ['乒乓球', '7至10周岁（2016年9月1日至2019年8月31日出生）', '30', '周一、周三、周五16:30—18:00', '市业余体校乒乓球馆'],
        ['武术', '6至10周岁（2016年9月1日至2020年8月31日出生）', '30', '周二、周四16:30—18:00，周日9:00—11:00', '市业余体校武术馆'],
        ['篮球', '10至13周岁（2013年9月1日至2016年8月31日出生）', '24', '周一、周三16:30—18:00，周六14:00—16:00', '市业余体校篮球馆'],
      ],
    },
    { heading: '二、报名条件', level: 2 },
    { text: '本人户籍在本市，或者父母一方持有本市居住证；身体健康，县级以上医院体检合格；热爱体育运动，经家长同意。' },
    { heading: '三、报名和选拔', level: 2 },
    { text: '报名时间为2027年1月4日至1月15日，在“芷阳体育”小程序“体校招生”栏目报名，每人限报1个项目。选拔测试于2027年1月23日（星期六）8:30在市业余体育学校（凫山路66号）进行，测试身体形态、身体素质和专项技能，请穿运动服和运动鞋，带居民身份证或者户口簿。录取名单于2027年2月1日在小程序公布，2027年3月1日开训。' },
    { heading: '四、费用', level: 2 },
    {
      table: [
        ['项目', '标准'],
        ['报名费、训练费', '免收'],
        ['训练服装（2套）', '每套180元，自愿购买'],
        ['学生意外伤害保险', '每人每年100元'],
        ['外出比赛费用', '按照市体育局比赛经费规定执行'],
      ],
    },
    { heading: '五、试训和退出', level: 2 },
    { text: '新学员试训期为3个月。试训期满经考核不适合继续训练的，学校与家长沟通后退出；学员因学业等原因可以随时申请退出。学员每月缺勤超过4次的，视为自动退出。' },
    { heading: '六、咨询', level: 2 },
    { text: '市业余体育学校招生办公室，电话：0648-2118 4350（工作日8:30—17:30）。' },
  ], { title: '芷阳市业余体育学校2027年春季招生简章', created: '2026-12-05T09:00:00Z' });
}

const THEATRE_PRICES_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整“周末剧场”文化惠民演出票价和补贴标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>芷阳市文化广电和旅游局　芷阳市财政局<br>关于调整“周末剧场”文化惠民演出票价和补贴标准的通知</h1>
<p style="text-align:center">芷文旅〔2026〕23号</p>
<p>棠溪区、柘湾区文化和旅游局、财政局，芷阳大剧院、市文化馆、柘湾区影剧院，各演出单位：</p>
<p>为让更多市民看得起、看得上好演出，经市人民政府同意，现就调整“周末剧场”文化惠民演出票价和补贴标准通知如下：</p>
<h3>一、调整内容</h3>
<table>
<tr><th>项目</th><th>调整前</th><th>调整后</th></tr>
<tr><td>惠民票最高票价</td><td>80元</td><td>60元</td></tr>
<tr><td>学生票</td><td>每张30元</td><td>每张20元</td></tr>
<tr><td>惠民票占每场座位的比例</td><td>不低于30%</td><td>不低于50%</td></tr>
<tr><td>每张惠民票财政补贴</td><td>最高40元</td><td>最高60元</td></tr>
<tr><td>每人每场限购</td><td>4张</td><td>2张</td></tr>
<tr><td>全年惠民演出场次</td><td>不少于100场</td><td>不少于150场</td></tr>
</table>
<h3>二、老年人和残疾人免费票</h3>
<p>65周岁以上老年人和持证残疾人免费领取的惠民票，由每场10张增加到每场20张，在“芷阳文化云”APP“免费领票”专区领取。</p>
<h3>三、补贴拨付</h3>
<p>财政补贴按照演出单位实际售出的惠民票张数，每季度结算一次，由市财政局在季度结束后30日内拨付。未按规定比例出售惠民票的，不予补贴。</p>
<h3>四、执行时间</h3>
<p>本通知自2027年1月1日起执行。2026年12月31日前已售出的演出票，按照原标准执行。</p>
<p>岫源县的文化惠民演出票价和补贴标准由岫源县另行制定。</p>
<p>咨询电话：0648-2103 5518（市文化广电和旅游局公共服务科）。</p>
<p style="text-align:right">芷阳市文化广电和旅游局　芷阳市财政局<br>2026年11月30日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await sportsSchoolAdmissions();
    await printPdf(THEATRE_PRICES_HTML, path.join(DOCS, '04_huimin_piaojia_tiaozheng_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
