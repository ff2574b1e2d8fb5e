// Regenerates the Word and PDF documents of eval/county/docs from the text below:
//   npx tsx eval/county/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts). The generated files are committed.
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function trainingSubsidy(): Promise<void> {
  await writeDocx(path.join(DOCS, '12_zhineng_peixun_butie_zhinan.docx'), [
    { heading: '岚山市职业技能培训补贴申领指南' },
    { text: '岚山市人力资源和社会保障局　2026年4月' },
    { heading: '一、补贴对象', level: 2 },
    { text: '具有本市户籍或持有本市居住证的城乡劳动者，包括贫困家庭子女、毕业年度高校毕业生、城乡未继续升学的应届初高中毕业生、农村转移就业劳动者、城镇登记失业人员、退役军人和残疾人，参加本市认定的职业技能培训机构组织的就业技能培训或创业培训，并取得相应证书的，可申领职业技能培训补贴。' },
    { text: '企业在职职工参加岗位技能提升培训、取得职业资格证书或职业技能等级证书的，可申领技能提升补贴。' },
    { heading: '二、补贴标准', level: 2 },
    { text: '职业技能培训补贴按取得证书的等级确定：' },
    {
      table: [
        ['证书类别', '补贴标准'],
        ['专项职业能力证书', '每人800元'],
        ['初级工（五级）', '每人1000元'],
        ['中级工（四级）', '每人1500元'],
        ['高级工（三级）', '每人2000元'],
        ['创业培训合格证书', '每人1200元'],
      ],
    },
    { text: '培训期间，对贫困家庭劳动者、零就业家庭成员另给予每人每天50元的生活费补贴，最长不超过30天。' },
    { text: '企业职工技能提升补贴：取得初级工证书的每人1000元，中级工每人1500元，高级工每人2000元。' },
    { text: '同一职业（工种）同一等级只能享受一次补贴；每人每年享受培训补贴不超过3次。' },
    { heading: '三、申领材料', level: 2 },
    { text: '1．《职业技能培训补贴申请表》；2．身份证；3．职业资格证书、职业技能等级证书或专项职业能力证书；4．本人社会保障卡。' },
    { heading: '四、申领时限和流程', level: 2 },
    { text: '取得证书之日起12个月内，通过“岚山人社”网上办事大厅或到市公共就业人才服务中心窗口提出申请。人社部门自受理之日起20个工作日内完成审核，补贴资金直接发放到申请人社会保障卡银行账户。' },
    { heading: '五、办理地点', level: 2 },
    { text: '岚山市公共就业人才服务中心一楼综合窗口（柳溪街道人民路120号）。' },
    { text: '注：家政服务、养老护理等急需紧缺职业（工种）的补贴标准上浮20%。' },
  ], { title: '岚山市职业技能培训补贴申领指南', created: '2026-04-08T09:00:00Z' });
}

const DANGER_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>花坪镇2026年农村低收入群体等重点对象住房安全保障实施方案</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>花坪镇2026年农村低收入群体等重点对象住房安全保障实施方案</h1>
<p style="text-align:center">花政发〔2026〕8号</p>
<p>为巩固拓展脱贫攻坚成果，保障农村低收入群体等重点对象住房安全，根据《岚山市农村危房改造实施办法》，结合我镇实际，制定本方案。</p>
<h3>一、保障对象</h3>
<p>农村低保户、农村分散供养特困人员、低保边缘家庭、防止返贫监测对象，以及因病因灾因意外事故等刚性支出较大导致基本生活出现严重困难的家庭中，住房经鉴定为C级或D级危房的，纳入农村危房改造保障范围。</p>
<h3>二、改造方式</h3>
<p>C级危房原则上加固改造，D级危房原则上拆除重建。鼓励通过统建农村集体公租房、修缮加固现有闲置公房等方式解决住房安全问题。</p>
<h3>三、补助标准</h3>
<table>
<tr><th>改造方式</th><th>补助标准</th></tr>
<tr><td>D级危房拆除重建</td><td>每户补助3.5万元</td></tr>
<tr><td>C级危房加固改造</td><td>每户补助1.5万元</td></tr>
<tr><td>分散供养特困人员重建</td><td>每户补助4万元</td></tr>
</table>
<h3>四、建设要求</h3>
<p>重建房屋建筑面积原则上1至3人户控制在40至60平方米以内，1人户不低于20平方米，3人以上户人均建筑面积不超过18平方米。重建房屋应当采取抗震措施，户型设计应当满足卧室、厨房、卫生间相对独立。</p>
<h3>五、实施程序</h3>
<p>（一）农户申请：符合条件的农户向村委会提交书面申请及身份证、户口簿；</p>
<p>（二）村级评议：村委会组织评议并在村务公开栏公示，公示期不少于7天；</p>
<p>（三）镇级审核：镇村镇建设办组织开展危房鉴定和审核；</p>
<p>（四）开工建设：审核通过后，农户应在3个月内开工；</p>
<p>（五）竣工验收：改造完成后，由镇组织验收，验收合格后1个月内将补助资金一次性拨付到农户“一卡通”账户。</p>
<h3>六、时间安排</h3>
<p>2026年度改造任务须在2026年10月31日前全部竣工。</p>
<p style="text-align:right">花坪镇人民政府<br>2026年3月6日</p>
</body></html>`;

async function main(): Promise<void> {
  await trainingSubsidy();
  await printPdf(DANGER_HTML, path.join(DOCS, '13_weifang_gaizao_huaping.pdf'));
}

await main();
