// Regenerates the Word and PDF documents of eval/district/docs from the text below:
//   npx tsx eval/district/build.ts
// (the PDF is printed by headless Chromium; see test/support/documents.ts). The generated files are committed.
import path from 'node:path';
import { NOTICE_PRINT_STYLE, printPdf, writeDocx } from '../../test/support/documents.js';

const DOCS = path.join(import.meta.dirname, 'docs');

async function flexibleEmployment(): Promise<void> {
  await writeDocx(path.join(DOCS, '13_linghuo_jiuye_shebao_butie.docx'), [
    { heading: '青禾市灵活就业人员社会保险补贴申领指南' },
    { text: '青禾市就业管理服务中心　2026年3月' },
    { heading: '一、补贴对象', level: 2 },
    { text: '在本市以个体身份参加职工基本养老保险、职工基本医疗保险的灵活就业人员，属于下列人员之一的，可以申领灵活就业社会保险补贴：就业困难人员；离校2年内未就业的高校毕业生；脱贫人口和防止返贫监测对象。' },
    { text: '距法定退休年龄不足5年的就业困难人员，可以延长补贴期限至法定退休年龄。' },
    { heading: '二、补贴标准和期限', level: 2 },
    {
      table: [
        ['人员类别', '补贴标准', '补贴期限'],
        ['就业困难人员', '实际缴纳社会保险费的三分之二', '最长不超过3年'],
        ['离校2年内未就业高校毕业生', '实际缴纳社会保险费的三分之二', '最长不超过2年'],
        ['脱贫人口和防止返贫监测对象', '实际缴纳社会保险费的50%', '最长不超过3年'],
      ],
    },
    { text: '补贴以本市上年度全口径城镇单位就业人员平均工资的60%为缴费基数计算，按实际缴费月数计发；每人每月补贴最高不超过800元。' },
    { text: '失业保险费、工伤保险费不在补贴范围内。' },
    { heading: '三、申领材料', level: 2 },
    { text: '1．《灵活就业社会保险补贴申请表》；2．本人身份证或者社会保障卡；3．属于高校毕业生的，提供毕业证书；4．本人银行账户信息。' },
    { heading: '四、申领时间和方式', level: 2 },
    { text: '补贴实行“先缴后补”，每半年申领一次：上半年缴费的在7月申领，下半年缴费的在次年1月申领。申请人可以通过“青禾人社”手机应用线上申领，或者到户籍地、居住地街道（镇）就业保障服务站申领。' },
    { text: '人社部门自受理之日起15个工作日内完成审核，审核通过的补贴资金发放至申请人社会保障卡银行账户。' },
    { heading: '五、注意事项', level: 2 },
    { text: '享受补贴期间实现单位就业的，自就业之月起停止发放；领取失业保险金期间不得同时享受本补贴。' },
    { text: '骗取补贴的，追回已发放资金，并按有关规定处理。' },
  ], { title: '青禾市灵活就业人员社会保险补贴申领指南', created: '2026-03-05T09:00:00Z' });
}

const INJURY_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>工伤认定办事指南</title>
<style>${NOTICE_PRINT_STYLE}</style></head>
<body>
<h1>西岭区工伤认定办事指南</h1>
<p style="text-align:center">西岭区人力资源和社会保障局　2026年1月修订</p>
<h3>一、事项名称</h3>
<p>工伤认定申请</p>
<h3>二、申请条件</h3>
<p>职工在工作时间和工作场所内，因工作原因受到事故伤害；上下班途中受到非本人主要责任的交通事故伤害；患职业病，以及法律法规规定应当认定为工伤或者视同工伤的其他情形。</p>
<h3>三、申请时限</h3>
<p>职工发生事故伤害或者被诊断、鉴定为职业病，所在单位应当自事故伤害发生之日或者被诊断、鉴定为职业病之日起30日内提出工伤认定申请。</p>
<p>用人单位未在规定时限内提出申请的，工伤职工或者其近亲属、工会组织在事故伤害发生之日或者被诊断、鉴定为职业病之日起1年内，可以直接提出工伤认定申请。</p>
<h3>四、申请材料</h3>
<table>
<tr><th>序号</th><th>材料名称</th><th>要求</th></tr>
<tr><td>1</td><td>工伤认定申请表</td><td>原件2份</td></tr>
<tr><td>2</td><td>劳动关系证明（劳动合同、工资单等）</td><td>复印件1份</td></tr>
<tr><td>3</td><td>医疗诊断证明或者职业病诊断证明书</td><td>原件1份</td></tr>
<tr><td>4</td><td>受伤职工身份证</td><td>复印件1份</td></tr>
<tr><td>5</td><td>上下班途中交通事故的，提供交通事故认定书</td><td>复印件1份</td></tr>
</table>
<h3>五、办理流程</h3>
<p>申请→受理（材料完整的，15日内作出受理决定）→调查核实→作出认定决定→送达。</p>
<h3>六、办理时限</h3>
<p>社会保险行政部门应当自受理工伤认定申请之日起60日内作出工伤认定的决定；对事实清楚、权利义务明确的工伤认定申请，应当在15日内作出工伤认定的决定。</p>
<h3>七、办理地点</h3>
<p>西岭区人力资源和社会保障局工伤保险科（西岭区岭南大道208号西岭区人力资源市场三楼312室）。</p>
<h3>八、收费标准</h3>
<p>不收费。</p>
<h3>九、温馨提示</h3>
<p>用人单位未参加工伤保险的，由用人单位按照工伤保险待遇项目和标准支付费用。对工伤认定结论不服的，可以在收到认定决定书之日起60日内申请行政复议，或者在6个月内提起行政诉讼。</p>
<p style="text-align:right">西岭区人力资源和社会保障局<br>2026年1月8日</p>
</body></html>`;

async function main(): Promise<void> {
  await flexibleEmployment();
  await printPdf(INJURY_HTML, path.join(DOCS, '15_xiling_gongshang_rending.pdf'));
}

await main();
