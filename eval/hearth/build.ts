// Regenerates the Word and PDF documents of eval/hearth/docs from the text below, and the split of
// eval/hearth/questions.jsonl from its rule:
//   npx tsx eval/hearth/build.ts           (documents and split)
//   npx tsx eval/hearth/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function rentalRegistrationGuide(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_chuzu_fangwu_dengji_zhinan.docx'), [
    { heading: '出租房屋登记备案办事指南' },
    { text: '柘州市住房和城乡建设局　柘州市公安局　2026年2月' },
    { text: '出租住房的，出租人应当按照本指南办理住房租赁合同登记备案和承租人信息登记。' },
    { heading: '一、办理时限和地点', level: 2 },
    {
      table: [
        ['事项', '办理期限', '办理途径'],
        ['住房租赁合同登记备案', '租赁合同签订之日起30日内', '“柘州通”APP住房租赁专区，或者房屋所在地街道便民服务中心'],
        ['承租人信息登记', '承租人入住之日起3日内', '“柘州通”APP，或者房屋所在地公安派出所'],
        ['境外人员住宿登记', '入住后24小时内', '房屋所在地公安派出所'],
        ['合同变更、续签或者解除', '变更、续签或者解除之日起10日内', '原办理途径'],
      ],
    },
    { heading: '二、申请材料', level: 2 },
    { text: '出租人和承租人的身份证件，不动产权证书，住房租赁合同。委托房地产经纪机构出租的，由经纪机构代为办理，另带委托书。' },
    { heading: '三、办理时限和费用', level: 2 },
    { text: '通过“柘州通”APP办理的，即时办结；在街道便民服务中心办理的，3个工作日内办结。登记备案不收费。' },
    { text: '办理备案后，承租人可以凭《住房租赁登记备案证明》申领居住证、开具门牌证明、提取住房公积金支付房租。' },
    { heading: '四、出租要求', level: 2 },
    { text: '出租住房应当以原设计的房间为最小出租单位，厨房、卫生间、阳台和地下储藏室不得出租供人员居住。每个房间居住的人数不得超过2人，人均使用面积不得低于6平方米。' },
    { heading: '五、法律责任', level: 2 },
    { text: '出租人未按规定办理登记备案的，由住房和城乡建设部门责令限期改正；个人逾期不改正的，处1000元以下罚款；单位逾期不改正的，处1000元以上1万元以下罚款。' },
    { heading: '六、咨询', level: 2 },
    { text: '市住房和城乡建设局房屋租赁管理科，电话：0748-2265 4430。' },
  ], { title: '出租房屋登记备案办事指南', created: '2026-02-16T09:00:00Z' });
}

const PROPERTY_FEE_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整普通住宅前期物业服务收费标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>柘州市发展和改革委员会　柘州市住房和城乡建设局<br>关于调整普通住宅前期物业服务收费标准的通知</h1>
<p style="text-align:center">柘发改价格〔2026〕27号</p>
<p>槿园区、澜桥区发展和改革局、住房和城乡建设局，芦汀县发展和改革局、住房和城乡建设局，各物业服务企业：</p>
<p>为规范物业服务收费行为，维护业主和物业服务企业的合法权益，经市人民政府同意，现就调整本市普通住宅前期物业服务收费标准通知如下：</p>
<h3>一、适用范围</h3>
<p>本通知适用于业主大会成立前，由建设单位选聘物业服务企业提供服务的普通住宅小区（前期物业服务），实行政府指导价。业主大会成立后，物业服务收费由业主大会与物业服务企业协商确定，实行市场调节价。</p>
<h3>二、调整后的标准</h3>
<table>
<tr><th>服务等级</th><th>调整前（元/平方米·月）</th><th>调整后（元/平方米·月）</th></tr>
<tr><td>一级</td><td>0.80</td><td>0.95</td></tr>
<tr><td>二级</td><td>1.10</td><td>1.30</td></tr>
<tr><td>三级</td><td>1.40</td><td>1.65</td></tr>
<tr><td>四级</td><td>1.80</td><td>2.10</td></tr>
<tr><td>五级</td><td>2.30</td><td>2.60</td></tr>
<tr><td>电梯运行维护费（有电梯的另计）</td><td>0.35</td><td>0.40</td></tr>
</table>
<p>以上为最高限价，物业服务企业可以下浮，不得上浮。住宅小区的服务等级，由区、县住房和城乡建设部门根据物业服务企业的服务内容评定。</p>
<h3>三、空置房屋</h3>
<p>房屋交付后业主未入住且未装修的，业主书面告知物业服务企业后，空置期间按照物业服务收费标准的70%交纳。</p>
<h3>四、车位服务费</h3>
<p>车位物业服务费最高标准为：地下车位每个每月60元，地面车位每个每月40元。</p>
<h3>五、执行时间</h3>
<p>本通知自2026年9月1日起执行。执行前已签订的前期物业服务合同，约定的收费标准低于调整后标准的，按照合同约定执行至合同期满；合同期满后不得自行提高标准，应当重新签订合同。</p>
<h3>六、明码标价</h3>
<p>物业服务企业应当在小区显著位置公示服务等级、收费项目、收费标准和投诉电话。对违规收费的，可以拨打12345或者12315反映。</p>
<p>咨询电话：0748-2258 3320（市发展和改革委员会价格管理科）。</p>
<p style="text-align:right">柘州市发展和改革委员会　柘州市住房和城乡建设局<br>2026年8月10日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await rentalRegistrationGuide();
    await printPdf(PROPERTY_FEE_HTML, path.join(DOCS, '04_wuye_fuwu_shoufei_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
