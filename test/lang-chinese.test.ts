// Chinese → Chinese alternatives for residents' wording, with the real tokenizer and a real (small) corpus
// vocabulary: curated synonyms, pinyin repair of typed typos, and the everyday words that are never topics.
import { describe, expect, it } from 'vitest';
import { createChineseExpander, withSlipsRepaired } from '../src/lang/chinese.js';
import { englishSlip, homophones, slipped } from '../scripts/perturb-questions.js';
import { isEverydayWord } from '../src/lang/everyday.js';
import { PUBLIC_SERVICE_SYNONYMS } from '../src/lang/synonyms.js';
import { indexTokenizer } from '../src/ingest/pipeline.js';
import { normalizeText } from '../src/text/normalize.js';
import { buildParaphrases, loadCedict } from '../src/lang/english.js';

const DOCS = [
  '符合条件的城乡居民可以申请低保，由户籍所在地乡镇人民政府受理。',
  '社区助理每月领取生活补贴，退休人员的基本养老金按月发放。',
  '持残疾人证的居民可免费办理公交卡。',
  '住房经鉴定为D级危房的，凭居民身份证申请改造补助，名单公示7天；居住证丢失的可以补领。',
  '申请材料：居民身份证、户口簿。收费标准：不收费。逾期未报名的，凭住房租赁合同统筹安排。年度最高支付限额为25万元。',
  '青川市法律援助中心受理经济困难公民的申请，请携带身份证。废旧电池不予收购，补贴免征个人所得税。因意外事件急需应急救助的可申请。',
  '离职后可以申请提取住房公积金，购房的凭购房合同办理。',
  '申请公租房的家庭，租金按市场租金的10%收取。',
  '黄板纸（纸箱）指导价格1.2元/公斤。',
  '2026年以后出生的婴幼儿可申领育儿补贴，生育第三个子女的每年增加1200元。申请需提供户口簿。',
  '未在集中缴费期内缴费的，可以补缴。犬只应当办理养犬登记。',
  '行动不便的可预约送餐上门，配送费每次3元。二孩家庭另行补贴。逾期不改正的，处200元罚款。',
  '西岭区住房保障中心受理申请。',
  '可以委托他人代办，代办人须携带双方身份证。',
  '夫妻双方缴存公积金的，首套住房贷款最高额度100万元。退役军人持优待证免费乘坐公共汽车，其家属可一同前往。',
  '所需资金由市级财政和区级财政按5:5比例分担。居民生活用水按年用水量实行阶梯水价。',
  '电动自行车未悬挂号牌上道路行驶的，处50元罚款。整个采暖期不需要用热的，可以申请暂停用热。个人只需支付自付部分。',
  '报名成功后需交学习保证金100元。企业解除劳动合同的，应当依法支付经济补偿。拖欠工资的用人单位列入失信名单。返乡专车安排大客车100辆。',
  '投亲靠友分散安置的，按每人每天30元给予临时生活救助。在市外用血的，可以凭用血发票报销。婚前医学检查免费。义务兵转改军士的，次月起停发优待金。',
  '个人申请采伐林木须办理许可。禁止在堤防两侧夜间垂钓。家禽损失按每只30元补偿。个体工商户变更经营者无需注销。',
  '采暖用电每千瓦时补贴0.2元，更换分时电能表不收费。办税服务厅办理年度汇算。纳税人的父母年满60周岁的可以扣除。出租人和承租人另有约定的从其约定。',
  '清明节开通祭扫公交专线。计划生育特别扶助金按季度发放。业主委员会每届任期5年。周六、周日9:00—12:00可以装修，法定节假日全天禁止。在外地参保形成的部分向原参保地申请。最低缴费年限为15年，缴满后按月领取。',
  '寒假托管班不收取任何费用。每周六9:00—12:00加开投诉窗口。',
  '学校体育场地和运动场向社会开放，居民凭健身卡入校健身。本市户籍选手不少于半程马拉松名额的30%。年满16周岁可以报名。暑期少儿艺术培训免费。室外健身器材损坏的请报修。',
  '餐饮经营者在店外经营须申报。农村集体聚餐50人以上应当申报。公园二手市场每周六开市。农贸市场商户缺斤短两的，按短缺部分赔偿。年货大集设展位360个。一年内被有效投诉5次以上的列入重点监管名单。健身、美容美发经营者发售预付卡。',
  '出租汽车驾驶员应当协助乘客将行李放入后备厢。小型汽车每2年到检验机构检验一次，外省市号牌的车辆可以直接检验。发生事故后应当及时撤离现场。驾驶证有效期满前90日内换证，年满70周岁的每年体检。共享泊位120个。投诉的，10个工作日内答复处理结果。',
];
const tokenizer = indexTokenizer([]);

/** An expander over DOCS and one more document, and what it finds for a question (`source→term:origin`). */
function expanderWith(extra: string) {
  const docs = [...DOCS, extra].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
  const words = [...new Set(docs.flatMap((s) => [...s]))];
  const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words });
  return { words, found: (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`) };
}
const docTokens = DOCS.map((d) => new Set(tokenizer.tokens(normalizeText(d))));
const vocabulary = [...new Set(docTokens.flatMap((s) => [...s]))];
const expander = createChineseExpander({ tokenizer, documentFrequency: (t) => docTokens.filter((s) => s.has(t)).length, vocabulary: () => vocabulary });
const terms = (q: string) => expander.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);


/**
 * A corpus of these sentences: its words, and what an expander over it (with these paraphrases, if any) adds to a
 * question, each read as source→term:origin.
 */
function corpusOf(docs: string[]) {
  const tokens = docs.map((d) => new Set(tokenizer.tokens(normalizeText(d))));
  const words = [...new Set(tokens.flatMap((t) => [...t]))];
  const expansions = (paraphrases?: Record<string, string[]>) => {
    const local = createChineseExpander({ tokenizer, documentFrequency: (t) => tokens.filter((x) => x.has(t)).length, vocabulary: () => words, ...(paraphrases ? { paraphrases: (w: string) => paraphrases[w] } : {}) });
    return (q: string) => local.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
  };
  return { words, expansions };
}

describe('Chinese expander', () => {
  it('repairs pinyin typos to the corpus word with the same pinyin, and counts them for the typed word', () => {
    expect(terms('低包怎么申请？')).toContain('低包→低保:pinyin-repair');
    expect(terms('生活补帖每个月多少')).toContain('补帖→补贴:pinyin-repair');
    // A slip of a resident's own word (压金 for 押金) is what the documents call that word (学习保证金), as a resident's
    // word in pinyin is — beside the question's other words, as every repair must be.
    expect(terms('报名交的压金啥时候退')).toContain('压金→保证金:pinyin-repair');
  });

  it('reads a word typed as bare pinyin in Latin letters as the corpus word it spells', () => {
    expect(terms('dibao怎么申请')).toContain('dibao→低保:pinyin-repair');
    expect(terms('gongjiaoka能免费办吗')).toContain('gongjiaoka→公交卡:pinyin-repair');
    // A name ending as an English -ing word is searched by its stem (xiling as xile): the word as typed is read.
    expect(terms('xiling 公租房申请 收入标准')).toContain('xile→西岭:pinyin-repair');
    expect(terms('wifi怎么连')).toEqual([]); // spells no word of the corpus
    // A resident's word in pinyin (tuixiujin: 退休金) finds what the documents call it.
    expect(terms('tuixiujin每个月几号发')).toContain('tuixiujin→养老金:pinyin-repair');
  });

  it('adds the official word for a resident word from the curated list, only when the documents use it', () => {
    expect(terms('退休金什么时候发')).toContain('退休金→养老金:synonym');
    expect(terms('残疾证能办乘车卡吗')).toEqual(expect.arrayContaining(['残疾证→残疾人证:synonym', '乘车卡→公交卡:synonym']));
    expect(terms('户口在外地能申请吗')).toContain('户口→户籍:synonym');
    expect(terms('房补怎么领')).toEqual([]); // 住房补贴 is in no document here
    // A guide's fields asked in other words: 要带啥 is its 申请材料, 收钱吗 its 收费标准.
    expect(terms('办低保要带啥')).toContain('带啥→材料:synonym');
    expect(terms('办公交卡收钱吗')).toContain('收钱→收费:synonym');
    expect(terms('错过报名时间了怎么办')).toContain('错过→逾期:synonym');
    expect(terms('租房住的能报名吗')).toContain('租房→租赁:synonym');
    expect(terms('医保一年封顶报多少')).toContain('封顶→最高支付限额:synonym');
    // Work in everyday words: the 厂 is an 企业, 开除 a 解除劳动合同, the 黑名单 a 失信名单, a 押金 the notice's 保证金, a 大巴 its 大客车.
    expect(terms('被厂里开除了能赔钱吗')).toEqual(expect.arrayContaining(['厂里→企业:synonym', '开除→解除劳动合同:synonym']));
    expect(terms('公司上了黑名单还能领补贴吗')).toContain('黑名单→失信名单:synonym');
    expect(terms('夜校要交押金吗')).toContain('押金→保证金:synonym');
    expect(terms('返乡大巴安排了几辆')).toContain('大巴→大客车:synonym');
    // Family, body, places and deeds in everyday words: 亲戚家 is 投亲靠友, 腿脚不好 行动不便, a 外地医院 one 市外, a 河堤 a
    // 堤防, 婚检 the 婚前医学检查, 士官 a 军士, 砍树 a 采伐, 夜钓 垂钓, 鸭子 家禽, a 小卖部 an 个体工商户's.
    expect(terms('台风天去亲戚家住有补贴不')).toContain('亲戚家→投亲靠友:synonym');
    expect(terms('我妈腿脚不好能送餐上门吗')).toContain('腿脚不好→行动不便:synonym');
    expect(terms('在外地医院用的血能报吗')).toContain('外地医院→市外:synonym');
    expect(terms('外地户口能申请吗')).not.toContain('外地医院→市外:synonym');
    expect(terms('河堤上能夜钓吗')).toEqual(expect.arrayContaining(['河堤→堤防:synonym', '夜钓→垂钓:synonym']));
    expect(terms('婚检要钱吗')).toContain('婚检→婚前医学检查:synonym');
    expect(terms('孩子转士官了优待金还发吗')).toContain('士官→军士:synonym');
    expect(terms('办砍树的证要钱吗')).toContain('砍树→采伐:synonym');
    expect(terms('野猪咬死了鸭子能赔多少')).toContain('鸭子→家禽:synonym');
    expect(terms('小卖部转给儿子要注销吗')).toContain('小卖部→个体工商户:synonym');
    // Home, bills and taxes: a 度 of electricity is a 千瓦时, the 电表 an 电能表, the 税务大厅 an 办税服务厅, 退税 the 年度汇算, 爸妈 父母.
    expect(terms('用电取暖每度电补几毛')).toContain('度电→千瓦时:synonym');
    expect(terms('换峰谷电表收钱不')).toContain('电表→电能表:synonym');
    expect(terms('税务大厅周六开门不')).toContain('税务大厅→办税服务厅:synonym');
    expect(terms('退税几号开始办')).toContain('退税→年度汇算:synonym');
    expect(terms('个税每个月能扣多少')).toContain('个税→个人所得税:synonym');
    expect(terms('我爸妈能算赡养老人不')).toContain('爸妈→父母:synonym');
    expect(terms('门口的雪是房东扫还是租户扫')).toEqual(expect.arrayContaining(['房东→出租人:synonym', '租户→承租人:synonym']));
    // Life's end and its papers: 扫墓 and 上坟 are the notices' 祭扫, 特扶 the 特别扶助, 外省 外地, 交够 the 缴费年限 asked.
    expect(terms('清明扫墓专线票价多少')).toContain('扫墓→祭扫:synonym');
    expect(terms('上坟要预约吗')).toContain('上坟→祭扫:synonym');
    expect(terms('特扶的钱咋发')).toContain('特扶→特别扶助:synonym');
    expect(terms('在外省交的养老保险能一起领吗')).toContain('外省→外地:synonym');
    expect(terms('养老保险最低得交够多少年')).toEqual(expect.arrayContaining(['交够→缴费年限:synonym', '交够→缴满:synonym']));
    // Cars and taxis: the 司机 is the rules' 驾驶员, 打车 their 出租汽车, the 年检 an 检验, the 车牌 a 号牌, the 后备箱 a 后备厢,
    // a 小车 a 小型汽车, a 剐蹭 an 事故, 挪车 撤离, the 检测站 an 检验机构, 过期 the 期满, 岁数 the 周岁, a 车位 a 泊位.
    expect(terms('打车时候司机不让放后备箱')).toEqual(expect.arrayContaining(['打车→出租汽车:synonym', '司机→驾驶员:synonym', '后备箱→后备厢:synonym']));
    expect(terms('外地车牌的车年检去哪个检测站')).toEqual(expect.arrayContaining(['车牌→号牌:synonym', '年检→检验:synonym', '检测站→检验机构:synonym']));
    expect(terms('小车剐蹭了不挪车罚多少')).toEqual(expect.arrayContaining(['小车→小型汽车:synonym', '剐蹭→事故:synonym', '挪车→撤离:synonym']));
    expect(terms('驾照过期了 多大岁数要体检')).toEqual(expect.arrayContaining(['过期→期满:synonym', '岁数→周岁:synonym']));
    expect(terms('共享车位多少个')).toContain('车位→泊位:synonym');
    // Sport: the school 操场 is the rules' 体育场地, 锻炼 is 健身, the 半马 the 半程马拉松, 本地人 the 本市户籍 residents,
    // the 年龄 asked the 年满 stated, the 暑假 a 暑期, a 扭腰器 one of the 健身器材.
    expect(terms('去学校操场锻炼要办卡吗')).toEqual(expect.arrayContaining(['操场→体育场地:synonym', '锻炼→健身:synonym']));
    expect(terms('今年半马本地人名额占多少')).toEqual(expect.arrayContaining(['半马→半程马拉松:synonym', '本地人→本市户籍:synonym']));
    expect(terms('我15 年龄够不 暑假班收费吗')).toEqual(expect.arrayContaining(['年龄→年满:synonym', '暑假→暑期:synonym']));
    expect(terms('扭腰器坏了找谁')).toContain('扭腰器→健身器材:synonym');
    // Shops and markets: a 健身房 is a 健身 business, a 饭店 one of 餐饮, a village 酒席 the notices' 聚餐 and to 报备 it to 申报
    // it, a 跳蚤市场 a 二手市集 (二手市场), the 菜场's 摊主 a 农贸市场's 商户, 分量 short the rules' 缺斤短两, a fair's 摊位 its 展位, the 黑名单 of
    // prepaid cards their 重点监管名单.
    expect(terms('健身房老被投诉')).toContain('健身房→健身:synonym');
    expect(terms('饭店在外面摆桌子能摆到几点')).toContain('饭店→餐饮:synonym');
    expect(terms('村里办酒席要去报备吗')).toEqual(expect.arrayContaining(['酒席→聚餐:synonym', '报备→申报:synonym']));
    expect(terms('跳蚤市场啥时候开')).toContain('跳蚤市场→二手市场:synonym');
    expect(terms('菜场分量不够 摊主该赔多少')).toEqual(expect.arrayContaining(['菜场→农贸市场:synonym', '分量→缺斤短两:synonym', '摊主→商户:synonym']));
    expect(terms('年货大集一共多少个摊位')).toContain('摊位→展位:synonym');
    expect(terms('投诉几次会上黑名单')).toContain('黑名单→重点监管名单:synonym');
    // The 说法 a complaint is owed (给我个说法) is its 答复 or 处理结果.
    expect(terms('投诉了 最晚多少天得给我个说法')).toContain('说法→答复:synonym');
    // A counted period is "each" in the documents' words (一年 → 每年), but not inside a word of its own: 一年级 is a
    // school grade, 一次性 one-off.
    expect(terms('一年能领多少')).toContain('一年→每年:synonym');
    expect(terms('今年一年级啥时候报名')).not.toContain('一年→每年:synonym');
    expect(terms('一次性补贴多少钱')).not.toContain('一次→每次:synonym');
    expect(terms('一次收多少钱')).toContain('一次→每次:synonym');
    // (A term of office too: 业委会一届干几年 is asked of 每届任期5年.)
    expect(terms('业委会一届干几年')).toContain('一届→每届:synonym');
    // Days off as residents say them are the notices' days: 周末 is 周六、周日, 国庆 a 法定节假日.
    expect(terms('周末邻居装修几点可以开工')).toEqual(expect.arrayContaining(['周末→周六:synonym', '周末→周日:synonym']));
    expect(terms('国庆放假工资咋算')).toContain('国庆→法定节假日:synonym');
    // Someone doing it for the asker is what a guide calls 代办 or 委托.
    expect(terms('我老公帮我去办社保卡行不行')).toEqual(expect.arrayContaining(['帮我去办→代办:synonym', '帮我去办→委托:synonym']));
    expect(terms('儿子能替我办吗')).toContain('替我办→代办:synonym');
    // Spoken words for a couple, a first home, a veteran, the bus, one's family: 两口子, 头一套房, 退伍兵, 公交, 家里人.
    expect(terms('两口子都交公积金，买头一套房最多能贷多少')).toEqual(expect.arrayContaining(['两口子→夫妻:synonym', '头一套→首套:synonym', '套房→住房:synonym']));
    expect(terms('我是退伍兵，坐公交要钱不')).toEqual(expect.arrayContaining(['退伍兵→退役军人:synonym', '公交→公共汽车:synonym']));
    expect(terms('能带家里人吗')).toContain('家里人→家属:synonym');
    // The level of government by its seat (市里, 区里) is the notices' 市级, 区级; tap water (自来水) their 用水.
    expect(terms('高龄津贴的钱市里和区里咋分')).toEqual(expect.arrayContaining(['市里→市级:synonym', '区里→区级:synonym']));
    expect(terms('自来水第一阶梯一年多少方')).toContain('自来水→用水量:synonym');
    // An e-bike's plate hung, the road ridden, heating stopped, what one pays oneself.
    expect(terms('电动车没挂牌上路被查到罚多少')).toEqual(expect.arrayContaining(['挂牌→号牌:synonym', '上路→道路行驶:synonym']));
    expect(terms('家里不用暖气，申请停供要交多少')).toContain('停供→暂停用热:synonym');
    expect(terms('医保报完剩下自己掏的那部分')).toContain('自己掏→自付:synonym');
  });

  it('reads a short form no document uses as the corpus words it shortens, and only those', () => {
    expect(terms('法援中心周六上班吗')).toContain('法援→法律援助:abbreviation');
    expect(terms('废电池能卖吗')).toContain('废电池→废旧电池:abbreviation');
    // A real word the documents lack is no short form (护照), nor is a corpus word itself (低保).
    expect(terms('护照怎么办').filter((t) => t.endsWith(':abbreviation'))).toEqual([]);
    expect(terms('低保怎么申请').filter((t) => t.endsWith(':abbreviation'))).toEqual([]);
  });

  it('reads a noun with the suffix 子 (纸箱子, cut 纸 / 箱子) as the documents\' word without it (纸箱)', () => {
    expect(terms('纸箱子多少钱一公斤')).toContain('纸箱子→纸箱:abbreviation');
    // Not where the documents have no such word (车子: 车 alone is one character), nor a word they use.
    expect(terms('车子能停哪').filter((t) => t.endsWith(':abbreviation'))).toEqual([]);
  });

  it('knows how residents name births and children: 三胎 is a notice\'s 第三个子女, 生娃 its 出生', () => {
    expect(terms('三胎补贴多少钱一年')).toContain('三胎→第三个子女:synonym');
    expect(terms('生娃了有补贴不')).toContain('生娃→出生:synonym');
  });

  it('knows how residents name money matters and what they take along', () => {
    expect(terms('去办要带什么')).toContain('带什么→携带:synonym');
    expect(terms('补贴要交税吗')).toContain('交税→个人所得税:synonym');
    expect(terms('没钱请律师怎么办')).toContain('没钱→经济困难:synonym');
    expect(terms('废电池能卖吗')).toContain('卖→收购:synonym');
    expect(terms('家里出事了能救急吗')).toEqual(expect.arrayContaining(['出事→意外事件:synonym', '救急→应急:synonym']));
    expect(terms('孩子报名要准备啥')).toContain('准备啥→材料:synonym');
    // A guide that lists no 材料 says what to bring as 需提供….
    expect(terms('去办要带什么')).toContain('带什么→提供:synonym');
    // Spoken verbs of withdrawing and approving (取出来, 批下来) and "bought a flat" with its particle.
    expect(terms('离职了公积金能取出来吗')).toContain('取出来→提取:synonym');
    expect(terms('买了房子能提公积金吗')).toContain('买了房→购房:synonym');
  });

  it('repairs a rare word, or a cut the typo broke, to the far more common corpus word with its pinyin', () => {
    expect(terms('D级危方能补多少')).toContain('危方→危房:pinyin-repair');
    expect(terms('身分证过期了怎么办')).toContain('身分证→身份证:pinyin-repair');
    expect(terms('居注证丢了补办多少钱')).toContain('居注证→居住证:pinyin-repair');
    // The cut may leave a rare real word (公祖 of 公祖房, seen twice by jieba) that nothing repairs: the window is tried too.
    expect(terms('公祖房一个月房租多少')).toContain('公祖房→公租房:pinyin-repair');
  });

  it('repairs into no corpus pair that holds a function character: 办不 of 周六能去办不 is 办 asked with 不, not the 班不 of 托管班不收取', () => {
    expect(terms('周六能去办不').filter((t) => t.startsWith('办不→'))).toEqual([]);
  });

  it('repairs a real word to a corpus word that sounds the same, tones and all, only where the documents use that word beside the question\'s others (优待金公式 → 公示; not 公式怎么算)', () => {
    const docs = [...DOCS, '经审核，现将优待金发放名单公示如下，公示期为5个工作日。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const besideAny = (word: string, others: readonly string[]) => docs.some((d) => d.has(word) && others.some((o) => d.has(o)));
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words, besideAny });
    const found = (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(found('优待金公式到哪天结束')).toContain('公式→公示:pinyin-repair');
    // (公式 is far more common than 公示: asked of what the documents never say beside 公示, it is a word of its own.)
    expect(found('公积金贷款额度的公式怎么算')).not.toContain('公式→公示:pinyin-repair');
    // (Nor a word whose tones differ: 截肢 is no slip for 截止.)
    expect(found('截肢了优待金还发吗')).not.toContain('截肢→截止:pinyin-repair');
  });

  it('never reads a numeral with its classifier as a slip (一部 of 推荐一部好看的电影 is no 一步 of the documents\' 进一步)', () => {
    const { words, found } = expanderWith('为进一步做好老年助餐服务，现将有关事项通知如下。');
    expect(words).toContain('一步');
    expect(found('推荐一部好看的电影').filter((t) => t.startsWith('一部→'))).toEqual([]);
    // (A slip still is one: 低包 is 低保.)
    expect(found('推荐一部好看的电影 低包怎么申请')).toContain('低包→低保:pinyin-repair');
  });

  it('never repairs into a rare piece of a longer word the documents use (护人 of 监护人 is no word to read 湖人 of 湖人昨天赢了没 as)', () => {
    const { words, found } = expanderWith('由儿童监护人向户籍所在地镇人民政府提出申请，监护人应当如实填写。');
    expect(words).toContain('护人');
    expect(found('湖人昨天赢了没').filter((t) => t.startsWith('湖人→'))).toEqual([]);
    expect(found('低包怎么申请')).toContain('低包→低保:pinyin-repair');
  });

  it('repairs a word some documents use to the same-sounding word far more of them use beside the question\'s others (a formula page\'s 公式 among lists that are 公示), not a rare word of its own page (新箭 of the fish the question names)', () => {
    const notices = ['低保', '优待金', '临时救助', '公租房', '高龄津贴', '特困供养', '残疾人补贴', '医疗救助', '就业补贴', '取暖补贴'].map((p) => `经审核，现将${p}名单公示如下，公示期为7天。`);
    const texts = [...notices, '长方形面积的计算公式是长乘以宽。', '黑褐新箭雀鲷属于雀鲷科。', ...['小区', '道路', '学校', '公园', '医院', '车站', '广场', '市场', '体育馆', '图书馆'].map((p) => `本市新建${p}一处，属于公益项目。`)];
    const docs = texts.map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((d) => [...d]))];
    const besideAny = (word: string, others: readonly string[]) => docs.some((d) => d.has(word) && others.some((o) => d.has(o)));
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((d) => d.has(t)).length, vocabulary: () => words, besideAny });
    const found = (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(words).toContain('公式');
    expect(found('优待金公式到哪天结束')).toContain('公式→公示:pinyin-repair');
    expect(found('黑褐新箭雀鲷属于什么科').filter((t) => t.startsWith('新箭→'))).toEqual([]);
  });

  it('repairs a noun typed with the other nasal (名宿 míngsù for 民宿 mínsù) to the one corpus noun beside the question\'s words, not a flat-for-curled tongue (租房 is no 住房)', () => {
    const docs = [...DOCS, '乡村民宿经营用客房不超过14间。', '公共租赁住房保障对象按月缴纳租金。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const besideAny = (word: string, others: readonly string[]) => docs.some((d) => d.has(word) && others.some((o) => d.has(o)));
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words, besideAny });
    const found = (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(found('开名宿最多能有几间客房')).toContain('名宿→民宿:pinyin-repair');
    expect(found('公租房怎么申请').filter((t) => t.endsWith('pinyin-repair'))).toEqual([]);
    // (Beside none of the question's words, the sound alone repairs nothing: 名宿 of 体坛名宿 is a veteran.)
    expect(found('体坛名宿租金').filter((t) => t.startsWith('名宿→'))).toEqual([]);
  });

  it('repairs a real word jieba cut out of a slip (大棚车 → 大棚 / 车) where the whole sounds exactly as a corpus word (大篷车), and a place name made of one (罗湾 of 青罗湾)', () => {
    const docs = [...DOCS, '健康大篷车每月到各村巡回医疗一次。', '青螺湾海水浴场未满14周岁的未成年人须由成年监护人陪同下水。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words });
    const found = (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(words).toContain('大篷车');
    expect(found('下雪天大棚车还来吗')).toContain('大棚车→大篷车:pinyin-repair');
    // (A real word around which only other sounds are found stays as typed: 大棚菜 is what greenhouses grow.)
    expect(found('大棚菜补贴多少').filter((t) => t.endsWith('pinyin-repair'))).toEqual([]);
    expect(found('13岁小孩去青罗湾能自己下海吗')).toContain('青罗→青螺:pinyin-repair');
  });

  it('repairs a slip across the cut it broke (低包户 → 低 / 包户: 低包 → 低保), and searches the repair in its official words', () => {
    const docs = [...DOCS, '最低生活保障对象参加居民医保，按每人每年280元给予定额资助。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words });
    const found = own.expand('低包户明年交医保 政府给补多少').map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(found).toContain('低包→低保:pinyin-repair');
    expect(found).toContain('低包→最低生活保障:pinyin-repair');
    // (Not a pair across another cut: 几家店当 is no slip for 家电.)
    expect(terms('稷王社区有几家店当了社区合伙人').filter((t) => t.endsWith('pinyin-repair'))).toEqual([]);
    // (Nor where the character before ends a word of the cut: 农村危房 is 农村 / 危房, not 农村委房, though the documents say
    // 村委 and not 危房.)
    const village = corpusOf([...DOCS, '农村户厕改造由村委统一组织。']).expansions();
    expect(village('农村危房改造补助多少钱').filter((t) => t.endsWith('pinyin-repair'))).toEqual([]);
  });

  it('repairs a slip only into a word found beside the question\'s other words (in a large corpus many words share its pinyin)', () => {
    // An airport article's 跑道 and a war history's 残部 spell 跑到 and 残补 too; neither sits beside 电动车, 上牌 or 每月.
    const docs = [...DOCS, '电动车上牌到县城车管所办理，两项补贴每月10日发放。', '机场的跑道已经延长。', '敌军残部向北溃退。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const options = { tokenizer, documentFrequency: (t: string) => docs.filter((s) => s.has(t)).length, vocabulary: () => words };
    const repairsOf = (expander: ReturnType<typeof createChineseExpander>, q: string) => expander.expand(q).filter((t) => t.origin === 'pinyin-repair').map((t) => `${t.source}→${t.term}`);
    const everywhere = createChineseExpander(options);
    const beside = createChineseExpander({ ...options, besideAny: (word, others) => docs.some((s) => s.has(word) && others.some((o) => s.has(o))) });
    // (Without the context, the slips are "repaired" into words nobody meant…)
    expect(repairsOf(everywhere, '电动车上牌要跑到县城吗')).toContain('跑到→跑道');
    expect(repairsOf(everywhere, '残补每月几号发')).toContain('残补→残部');
    // …with it, they stay as typed, while a repair the question's other words stand beside is kept.
    expect(repairsOf(beside, '电动车上牌要跑到县城吗')).toEqual([]);
    expect(repairsOf(beside, '残补每月几号发')).toEqual([]);
    expect(repairsOf(beside, '低包怎么申请？')).toContain('低包→低保');
    expect(repairsOf(beside, '居注证丢了补办多少钱')).toContain('居注证→居住证');
    // (A question of the slip alone has no context to check: the repair stands.)
    expect(repairsOf(beside, '低包')).toContain('低包→低保');
  });

  it('reads villagers\' words for building, selling or letting a house, the toilet and an insurance by its short name as the rules write them', () => {
    const docs = [...DOCS, '村民建房应当先申请宅基地。户厕改造后粪污由专人清掏。可以更换1次家庭医生团队。老年人意外伤害保险保费为每人每年30元。出卖、出租住宅后，再申请宅基地的，不予批准。'].map((d) => new Set(tokenizer.tokens(normalizeText(d))));
    const words = [...new Set(docs.flatMap((s) => [...s]))];
    const own = createChineseExpander({ tokenizer, documentFrequency: (t) => docs.filter((s) => s.has(t)).length, vocabulary: () => words });
    const found = (q: string) => own.expand(q).map((t) => `${t.source}→${t.term}:${t.origin}`);
    expect(found('盖房子占耕地最多批多少')).toContain('盖房子→建房:synonym');
    expect(found('厕所掏粪一次多少钱')).toEqual(expect.arrayContaining(['厕所→户厕:synonym', '掏粪→清掏:synonym']));
    expect(found('签了家庭医生还能换人不')).toContain('换人→更换:synonym');
    expect(found('老人意外险报案时限')).toContain('意外险→意外伤害保险:synonym');
    expect(found('我把老房子卖给别人了，还能再申请宅基地不')).toContain('卖给→出卖:synonym');
    expect(found('房子租出去了还能申请吗')).toContain('租出去→出租:synonym');
    // (Only where the documents use the official words: the shared corpus above has none of them.)
    expect(terms('盖房子要审批吗').filter((t) => t.startsWith('盖房'))).toEqual([]);
  });

  it('reads a word in its other written form as the documents write it (补交 → 补缴), and residents\' 狗, 送到家 and 老二 as their 犬, 配送 and 二孩', () => {
    expect(terms('今年还能补交吗')).toContain('补交→补缴:variant');
    expect(terms('养狗要办证吗')).toEqual(expect.arrayContaining(['养狗→养犬:synonym', '狗→犬只:synonym', '办证→登记:synonym']));
    expect(terms('饭能送到家不')).toEqual(expect.arrayContaining(['送到家→配送:synonym', '送到家→上门:synonym']));
    expect(terms('家里老二入托有补贴吗')).toContain('老二→二孩:synonym');
    expect(terms('没登记被查到罚多少')).toContain('罚→罚款:synonym');
  });

  it('writes a slip with one repair as the word meant, and leaves the rest as typed', () => {
    const meant = (q: string) => withSlipsRepaired(q, expander.expand(q), tokenizer);
    expect(meant('低包怎么申请？')).toBe('低保怎么申请？');
    expect(meant('危方改造补助公示几天')).toBe('危房改造补助公示几天');
    // A word typed right, and a piece of a longer word the question holds whole (外星 of 外星人), stay.
    expect(meant('低保怎么申请？')).toBe('低保怎么申请？');
    expect(withSlipsRepaired('外星人真的存在吗', [{ term: '外形', weight: 0.8, origin: 'pinyin-repair', source: '外星' }], tokenizer)).toBe('外星人真的存在吗');
    // Two repairs of one slip: which was meant is not known.
    expect(withSlipsRepaired('公击金', [{ term: '公积金', weight: 0.8, origin: 'pinyin-repair', source: '公击金' }, { term: '公基金', weight: 0.8, origin: 'pinyin-repair', source: '公击金' }], tokenizer)).toBe('公击金');
  });

  it('the robustness script (scripts/perturb-questions.ts --style typo) slips at most one character, to a homophone the corpus uses', () => {
    const sounds = homophones(DOCS);
    let seed = 3;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const q of ['低保怎么申请', '公租房租金怎么收', '住房公积金离职后能提取吗']) {
      const typo = slipped(q, sounds, next);
      const changed = [...typo].filter((c, i) => c !== [...q][i]);
      expect(changed.length, typo).toBeLessThanOrEqual(1);
      expect([...typo]).toHaveLength([...q].length);
    }
    expect(slipped('低保怎么申请', new Map([['bao', ['包', '保']]]), () => 0)).toBe('低包怎么申请');
    // English: one word of five letters or more, two letters swapped or one dropped.
    expect(englishSlip('what is the phone number', () => 0)).toBe('what is the pohne number');
    expect(englishSlip('what is the phone number', () => 0.99)).toBe('what is the phone numer');
    expect(englishSlip('how far is it', () => 0)).toBe('how far is it');
  });

  it("reads a noun the documents never use as the corpus words CC-CEDICT gives its sense (麦子 → 小麦, 放鞭炮 → 爆竹 for the whole word typed), never a verb", async () => {
    const docs = ['小麦每亩保险金额900元。', '外环路以内全年禁止燃放烟花爆竹。', '个人只需支付自付部分。'];
    const corpus = corpusOf(docs);
    const paraphrases = buildParaphrases((t) => corpus.words.includes(t), await loadCedict());
    const found = corpus.expansions(paraphrases);
    expect(found('今年收的麦子一亩保多少钱')).toContain('麦子→小麦:paraphrase');
    expect(found('过年能放鞭炮不')).toContain('放鞭炮→爆竹:paraphrase');
    // 出钱 ("to pay", a verb) is how the asker puts it, not a thing the documents call otherwise.
    expect(paraphrases['出钱']).toEqual(['支付']);
    expect(found('楼上装电梯我要出钱吗').filter((t) => t.startsWith('出钱'))).toEqual([]);
    // Without the index's paraphrases (an index built before them) nothing is added.
    expect(corpus.expansions()('麦子一亩保多少钱').filter((t) => t.endsWith(':paraphrase'))).toEqual([]);
  });

  it("reads a word the documents never use with one character replaced by the character CC-CEDICT gives the same senses (母狗 → 母犬, 买房 → 购房), where the documents use that word", async () => {
    const docs = ['本批拟补贴母犬8只、公犬8只。', '首次购房的家庭可以申请购房补贴。', '养犬人应当为犬只办理登记。'];
    const corpus = corpusOf(docs);
    const paraphrases = buildParaphrases((t) => corpus.words.includes(t), await loadCedict());
    expect(paraphrases['狗']).toEqual(['犬']);
    const found = corpus.expansions(paraphrases);
    expect(found('家里母狗做了绝育 能补多少')).toContain('母狗→母犬:variant');
    expect(found('第一次买房有补贴吗')).toContain('买房→购房:variant');
    // Only into a word the documents use: 小狗 → 小犬 is no corpus word.
    expect(found('小狗要登记吗').filter((t) => t.startsWith('小狗'))).toEqual([]);
  });

  it('reads one of a thing counted (一针, 一瓶) as the documents\' each of it (每针, 每瓶) where they price each; not a unit a figure is asked for (一斤)', () => {
    const docs = ['现场狂犬病免疫每针50元。', '回收农药瓶每瓶0.2元。', '废纸每斤0.8元。'];
    const found = corpusOf(docs).expansions();
    expect(found('打狂犬疫苗 一针多少钱')).toContain('一针→每针:synonym');
    expect(found('农药瓶回收一瓶给多少钱')).toContain('一瓶→每瓶:synonym');
    expect(found('废纸一斤多少钱').filter((t) => t.startsWith('一斤'))).toEqual([]);
    // Only where the documents say each of it.
    expect(found('一张多少钱').filter((t) => t.startsWith('一张'))).toEqual([]);
  });

  it('reads a floor said by its building (一楼, 3楼) as the documents\' 一层, 3层 where they use it', () => {
    const docs = ['一层业主不承担建设费用。', '三层 | 分摊比例 15%'];
    const found = corpusOf(docs).expansions();
    expect(found('我住一楼，楼上装电梯我要出钱吗')).toContain('一楼→一层:synonym');
    expect(found('三楼要分摊多少')).toContain('三楼→三层:synonym');
    expect(found('五楼要分摊多少').filter((t) => t.startsWith('五楼'))).toEqual([]);
  });

  it('leaves real words alone: a word the documents lack is a missing topic, not a typo', () => {
    expect(terms('护照怎么办')).toEqual([]); // a dictionary word: no repair, even though no document has it
    expect(terms('低保怎么申请')).toEqual([]); // already the documents' word
  });

  it('never throws, whatever the input', () => {
    for (const q of ['', '？？？', '\u0000\uD800', 'a'.repeat(10_000)]) expect(() => expander.expand(q)).not.toThrow();
  });

  it('the synonym list maps each resident word once, never to itself', () => {
    const residents = PUBLIC_SERVICE_SYNONYMS.map(([r]) => r);
    expect(new Set(residents).size).toBe(residents.length);
    for (const [r, official] of PUBLIC_SERVICE_SYNONYMS) expect(official).not.toContain(r);
  });
});

describe('everyday words', () => {
  it('treats fillers, kinship words and time-of-life chatter as never the topic', () => {
    for (const w of ['儿子', '我妈', '下个月', '考完试', '表弟', '那个', '多不多', '有没有', '听说']) expect(isEverydayWord(w), w).toBe(true);
    // Coming back (多长时间内回来报销) is how the asker gets there, not what is asked about.
    for (const w of ['回来', '回去']) expect(isEverydayWord(w), w).toBe(true);
    // Within what time (多久以内), how a sum is said (1块钱), what should be (最低该有多少度): how it is asked, not what about.
    for (const w of ['以内', '之内', '块钱', '该', '应该']) expect(isEverydayWord(w), w).toBe(true);
    // The northern 俺 (我, 我们): 俺家, 俺们, 俺爹 are the asker's, as 我家 is.
    for (const w of ['俺家', '俺们', '俺爹', '俺娘', '俺爸', '俺妈']) expect(isEverydayWord(w), w).toBe(true);
  });
  it('keeps public-service words and facets', () => {
    for (const w of ['社区', '报名', '低保', '周末', '养老金', '截止']) expect(isEverydayWord(w), w).toBe(false);
  });
});
