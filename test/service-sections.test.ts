// The answering service on a lexical index of the probes' fourteen documents (policy documents in their
// usual shapes, PDF and Word among them): a document's sections are read together — for the topic the
// question names, and for where the answer comes from when another document's list merely shares a word.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../src/app.js';
import { createMemoryLogger } from '../src/log.js';
import { lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';
import { VENUES_NOTICE } from './support/documents.js';

const PROBES = path.join(REPO_ROOT, 'eval/probes/docs');

// A service guide whose facets sit under headings of their own; the section that says when or where names
// nothing of the programme but its document's title.
const GUIDE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山区退役军人创业补贴申领指南</title></head><body><main>
<h1>青山区退役军人创业补贴申领指南</h1>
<h2>一、补贴对象</h2><p>在本区登记注册并自主创业满6个月的退役军人，可申领退役军人创业补贴。</p>
<h2>二、补贴标准</h2><p>退役军人创业补贴为一次性补贴，每人5000元；带动3人以上就业的，退役军人创业补贴每人8000元。</p>
<h2>三、申领材料</h2><p>身份证、退役证和营业执照原件及复印件各一份。</p>
<h2>四、申领时间</h2><p>每年设两个集中申报期：4月1日至4月30日，10月1日至10月31日。错过的可在下一期申报。</p>
<h2>五、办理地点</h2><p>青山区建设路18号区政务服务中心一楼7号窗口。</p>
<h2>六、办理流程</h2><p>申请人在“青山就业”小程序提交退役军人创业补贴申请，区退役军人事务局自受理之日起15个工作日内完成审核，审核通过的退役军人创业补贴发放至本人社会保障卡。</p>
<h2>七、资金管理</h2><p>退役军人创业补贴资金由区财政列入预算，专款专用。以欺诈手段骗取退役军人创业补贴的，追回补贴资金。</p>
<h2>八、其他事项</h2><p>已享受其他创业补贴的，不重复享受退役军人创业补贴。退役军人创业补贴政策由区退役军人事务局负责解释。</p>
</main></body></html>`;

// A guide whose materials are one numbered line under their heading, and whose validity is a section of its own.
const ID_CARD = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>桐川市居民身份证换领办事指南</title></head><body><main>
<h1>桐川市居民身份证换领办事指南</h1>
<p><b>一、办理地点</b></p><p>户籍所在地派出所户籍窗口，或市政务服务中心公安综合窗口。</p>
<p><b>二、所需材料</b></p><p>1．居民户口簿；2．原居民身份证（换领的交回）；3．现场采集人像和指纹，不需自带照片。</p>
<p><b>三、办理时限</b></p><p>自受理之日起15个工作日内制发。</p>
<p><b>四、有效期限</b></p><p>未满16周岁的，有效期5年；16周岁至25周岁的，有效期10年；26周岁至45周岁的，有效期20年；46周岁以上的，长期有效。</p>
</main></body></html>`;

// A notice whose when and where are sections of their own, under headings that name the facet (三、接种时间); the
// first section's sentence names the programme and a birth date.
const VACCINE = `澄江区2026年老年人免费接种肺炎疫苗的通知

一、接种对象
本区户籍、接种时年满65周岁的老年人（1961年12月31日以前出生），可免费接种肺炎疫苗。

二、疫苗和费用
免费接种23价肺炎球菌多糖疫苗1剂，疫苗和接种服务费由区财政承担，老年人不需支付任何费用。

三、接种时间
2026年11月1日至2027年4月30日。

四、接种地点
全区各社区卫生服务中心预防接种门诊。
`;

let corpus: TempCorpus;
let app: App;

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'service-sections-', seeds: [] });
  for (const name of fs.readdirSync(PROBES)) fs.copyFileSync(path.join(PROBES, name), path.join(corpus.corpusDir, name));
  fs.writeFileSync(path.join(corpus.corpusDir, 'chuangye_butie_zhinan.html'), GUIDE);
  fs.writeFileSync(path.join(corpus.corpusDir, 'wenti_changguan.txt'), VENUES_NOTICE);
  fs.writeFileSync(path.join(corpus.corpusDir, 'shenfenzheng_huanling.html'), ID_CARD);
  fs.writeFileSync(path.join(corpus.corpusDir, 'feiyan_yimiao_tongzhi.txt'), VACCINE);
  app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 });
});

afterAll(async () => {
  await app?.close();
  corpus?.remove();
});

const ask = (question: string) => app.service.ask({ question, channel: 'cli', mode: 'lexical' });

describe("a document's sections read together", () => {
  it('the section a heading names by the facet asked (三、接种时间, 四、接种地点) answers when and where, though it names nothing of the programme', async () => {
    const when = await ask('老人免费肺炎疫苗啥时候能打');
    expect(when.abstained, when.answer).toBe(false);
    expect(when.answer.split('\n')[0]).toContain('2026年11月1日');
    const where = await ask('肺炎疫苗在哪打');
    expect(where.abstained, where.answer).toBe(false);
    expect(where.answer.split('\n')[0]).toContain('社区卫生服务中心');
  });

  it('what to bring for primary-school registration comes from the admission notice, not the legal-aid materials list', async () => {
    // (The admission notice names 小学 in its first section, its materials in the fourth.)
    const r = await ask('小学一年级报名要准备啥');
    expect(r.abstained, r.answer).toBe(false);
    // What to bring leads, as the notice lists it under its heading — not who may enrol (一、招生对象：（一）小学一年级：
    // 2020年9月1日至…), which names more of the question's words.
    const lead = r.answer.split('\n')[0];
    expect(lead).toContain('户口簿');
    expect(lead).toContain('出生医学证明');
    expect(lead).not.toContain('招生对象');
    expect(lead).not.toContain('法律援助');
  });

  it('asked when, the guide section headed so answers, though the sections naming the programme rank first', async () => {
    // (四、申领时间 names nothing of 退役军人创业补贴 but its title, nor do the sections beside it; five others repeat the name.)
    const when = await ask('退役军人创业补贴一年啥时候能报');
    expect(when.abstained, when.answer).toBe(false);
    expect(when.answer.split('\n')[0]).toContain('4月1日');
  });

  it("an item of a list is answered from its own lines; what only its siblings have, it lacks", async () => {
    // (1．游泳馆, 2．乒乓球馆 and 3．健身房 head the lines under them: the gym's 年卡 is not the pool's.)
    const pool = await ask('体育中心游泳馆年卡多少钱');
    expect(pool.abstained, pool.answer).toBe(true);
    const gym = await ask('体育中心健身房年卡多少钱');
    expect(gym.abstained, gym.answer).toBe(false);
    expect(gym.answer.split('\n')[0]).toContain('1500元');
    const student = await ask('体育中心游泳馆学生票多少钱');
    expect(student.abstained, student.answer).toBe(false);
    expect(student.answer.split('\n')[0]).toContain('15元');
    expect(student.answer.split('\n')[0]).not.toContain('年卡');
  });

  it("a section's list answers whole only where its heading is asked or the opening is one of its items", async () => {
    // (二、所需材料's line covers the question as little as the sentence that answers it: 身份证, by the title.)
    const renew = await ask('我妈今年47了，这次换完身份证以后是不是就不用再换了');
    expect(renew.abstained, renew.answer).toBe(false);
    expect(renew.answer.split('\n')[0]).toContain('长期有效');
    expect(renew.answer.split('\n')[0]).not.toContain('户口簿');
    const bring = await ask('换身份证要带啥');
    expect(bring.answer.split('\n')[0]).toContain('户口簿');
  });

  it('a word of the question the relief rule names in another of its articles (急难 for 救急) is not missing', async () => {
    const r = await ask('家里突然出事了没钱生活 能找政府救急吗');
    expect(r.abstained, r.answer).toBe(false);
    expect(r.answer).toContain('临时救助');
  });

  it('English: the price of a thing the price list does not name (copper) is not given by what the list says of every price', async () => {
    const listed = await ask('What is the recycling price for plastic bottles?');
    expect(listed.abstained, listed.answer).toBe(false);
    expect(listed.answer.split('\n')[0]).toContain('2.0');
    const copper = await ask('What is the recycling price for copper?');
    expect(copper.abstained, copper.answer).toBe(true);
    expect(copper.answer).toContain('copper');
  });
});
