// Regenerates the Word and PDF documents of eval/cradle/docs from the text below, and the split of
// eval/cradle/questions.jsonl from its rule:
//   npx tsx eval/cradle/build.ts           (documents and split)
//   npx tsx eval/cradle/build.ts --split   (the split only)
// (the PDF is printed by headless Chromium; see test/support/documents.ts).
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';
import { writeStratifiedSplit } from '../split-rule.js';

const DOCS = path.join(import.meta.dirname, 'docs');
const QUESTIONS = path.join(import.meta.dirname, 'questions.jsonl');

async function antenatalGuide(): Promise<void> {
  await writeDocx(path.join(DOCS, '14_muzi_shouce_chanjian_zhinan.docx'), [
    { heading: '孕产妇建册和免费产前检查办事指南' },
    { text: '棠州市卫生健康委员会　2026年1月' },
    { text: '为保障母婴安全，本市为孕产妇提供免费建立《母子健康手册》和基本产前检查服务。' },
    { heading: '一、服务对象', level: 2 },
    { text: '本市户籍的孕产妇，以及持有本市居住证的非本市户籍孕产妇。' },
    { heading: '二、建册', level: 2 },
    { text: '怀孕后应当在孕13周前，到居住地的社区卫生服务中心或者乡镇卫生院建立《母子健康手册》。建册须带本人身份证；非本市户籍的，另带居住证。手册也可以在“棠州妇幼”微信公众号申领电子版。' },
    { heading: '三、免费产前检查', level: 2 },
    { text: '凭《母子健康手册》在市妇幼保健院、各区人民医院和栗山县人民医院等定点医疗机构享受5次免费基本产前检查：' },
    {
      table: [
        ['次数', '孕周', '主要项目'],
        ['第1次', '孕13周前', '建册检查、血常规、尿常规、肝肾功能、乙肝梅毒艾滋病检测'],
        ['第2次', '孕16至20周', '血清学产前筛查（唐氏筛查）'],
        ['第3次', '孕21至24周', '超声检查（排畸）'],
        ['第4次', '孕24至28周', '妊娠期糖尿病筛查（糖耐量试验）'],
        ['第5次', '孕37至40周', '胎心监护、血常规'],
      ],
    },
    { text: '免费项目以外的检查费用，按规定由医疗保险报销或者个人负担。' },
    { heading: '四、高危孕产妇管理', level: 2 },
    { text: '对孕产妇实行妊娠风险“五色”分级管理（绿、黄、橙、红、紫）。评为橙色及以上的，转到市妇幼保健院或者市人民医院产科进行管理。' },
    { heading: '五、产后服务', level: 2 },
    { text: '产妇出院后7天内和28天内，社区卫生服务中心或者乡镇卫生院各上门访视1次，不收费。产后42天到分娩医院进行母婴健康检查。' },
    { heading: '六、咨询', level: 2 },
    { text: '市妇幼保健院孕产保健科，电话：0736-2268 7100。' },
  ], { title: '孕产妇建册和免费产前检查办事指南', created: '2026-01-10T09:00:00Z' });
}

const FUNERAL_GRANT_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>关于调整企业职工基本养老保险参保人员死亡后丧葬补助金和抚恤金标准的通知</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>棠州市人力资源和社会保障局　棠州市财政局<br>关于调整企业职工基本养老保险参保人员死亡后丧葬补助金和抚恤金标准的通知</h1>
<p style="text-align:center">棠人社发〔2026〕31号</p>
<p>各区、县人力资源社会保障局、财政局，市社会保险服务中心：</p>
<p>为更好保障参保人员遗属的基本生活，经市人民政府同意，现就调整企业职工基本养老保险参保人员因病或者非因工死亡后的丧葬补助金和抚恤金标准通知如下：</p>
<h3>一、适用范围</h3>
<p>参加本市企业职工基本养老保险的在职人员、以个人身份参保的灵活就业人员和按月领取基本养老金的退休人员，因病或者非因工死亡的，执行本通知。因工死亡的，按照工伤保险有关规定执行，不适用本通知。</p>
<h3>二、调整后的标准</h3>
<table>
<tr><th>项目</th><th>调整前标准</th><th>调整后标准</th></tr>
<tr><td>丧葬补助金</td><td>每人5000元</td><td>每人6000元</td></tr>
<tr><td>在职人员一次性抚恤金</td><td>每人20000元</td><td>每人24000元</td></tr>
<tr><td>退休人员一次性抚恤金</td><td>本人生前6个月基本养老金</td><td>本人生前9个月基本养老金</td></tr>
<tr><td>供养直系亲属定期生活补助</td><td>每人每月600元</td><td>每人每月700元</td></tr>
</table>
<h3>三、供养直系亲属定期生活补助</h3>
<p>逝者生前主要供养、无固定收入的直系亲属，符合下列条件之一的，可以按月领取定期生活补助：（一）配偶、父母年满60周岁或者完全丧失劳动能力；（二）子女未满18周岁，或者在全日制学校就读未满22周岁。</p>
<h3>四、执行时间</h3>
<p>本通知自2026年7月1日起执行。2026年7月1日以后死亡的，执行调整后标准；2026年6月30日以前死亡的，执行调整前标准。</p>
<h3>五、申领</h3>
<p>逝者近亲属可以到参保地社会保险服务中心申领，也可以通过“身后一件事”窗口一并申请。逝者死亡后多领取的基本养老金，从丧葬补助金和抚恤金中抵扣。机关事业单位工作人员的有关待遇另行规定。</p>
<p>咨询电话：0736-2256 1200（市社会保险服务中心待遇科）。</p>
<p style="text-align:right">棠州市人力资源和社会保障局　棠州市财政局<br>2026年6月20日</p>
</body></html>`;

async function main(): Promise<void> {
  if (!process.argv.includes('--split')) {
    await antenatalGuide();
    await printPdf(FUNERAL_GRANT_HTML, path.join(DOCS, '04_sangzang_fuxujin_tongzhi.pdf'));
  }
  if (fs.existsSync(QUESTIONS)) writeStratifiedSplit(QUESTIONS);
}

await main();
