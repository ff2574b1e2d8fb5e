// Questions typed the way a chat message is: a space where a comma would be, digits from a full-width keyboard.
// The service on lexical indexes of two dev corpora (eval/civic/docs, eval/webpages/docs), each answer compared
// with the same question written plainly.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../src/app.js';
import { createMemoryLogger } from '../src/log.js';
import { askingClauses } from '../src/answer/question.js';
import { halfWidthAlphanumerics } from '../src/text/normalize.js';
import { lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';

/** The service on a lexical index of `docs`, opened before the enclosing describe's tests and closed after them: asks in lexical mode. */
function serviceOn(docs: string): (question: string) => ReturnType<App['service']['ask']> {
  let opened: { app: App; corpus: TempCorpus } | undefined;
  beforeAll(async () => {
    const corpus = makeTempCorpus({ prefix: 'chat-wording-', seeds: [] });
    const dir = path.join(REPO_ROOT, docs);
    for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(corpus.corpusDir, name));
    opened = { corpus, app: await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 }) };
  }, 120_000);
  afterAll(async () => {
    await opened?.app.close();
    opened?.corpus.remove();
  });
  return (question) => opened!.app.service.ask({ question, channel: 'cli', mode: 'lexical' });
}

describe('a space after a question', () => {
  it('parts what was asked from what the asker adds after it', () => {
    expect(askingClauses('江北区助餐点几点开饭啊 我爸腿脚不好想让人送')).toEqual(['江北区助餐点几点开饭啊']);
    expect(askingClauses('周六开门不 我平时上班只有周末有空去')).toEqual(['周六开门不']);
    // A space that only parts a topic from its asking words is no clause of its own.
    expect(askingClauses('在二级医院住院 医保能报百分之几')).toBeNull();
  });

  const ask = serviceOn('eval/civic/docs');

  it('reads a slip of the pinyin IME with one repair as the word meant (电华 as 电话), from what it asks to what it searches', async () => {
    const slipped = await ask('家里燃气好像漏了 打哪个电华');
    const typed = await ask('家里燃气好像漏了 打哪个电话');
    expect(typed.answer.slice(0, 80)).toContain('0873-8660 9602');
    expect(slipped.answer).toBe(typed.answer);
  });

  it('reads a year asked with a slip of the IME (明粘) as the year, in what it searches too', async () => {
    const slipped = await ask('明粘的居民医保一个人要交多少钱啊');
    const typed = await ask('明年的居民医保一个人要交多少钱啊');
    expect(typed.answer.slice(0, 80)).toContain('400元');
    expect(slipped.answer).toBe(typed.answer);
  });

  it('answers the question, not the words told after it', async () => {
    const r = await ask('江北区助餐点几点开饭啊 我爸腿脚不好想让人送');
    expect(r.abstained).toBe(false);
    expect(r.answer.slice(0, 80)).toContain('11:00—12:30');
  });
});

describe('full-width digits', () => {
  it('are read as the digits they are; everything else stays as typed', () => {
    expect(halfWidthAlphanumerics('我外婆８２岁了，ＡＰＰ　怎么下载？')).toBe('我外婆82岁了，APP 怎么下载？');
  });

  const ask = serviceOn('eval/webpages/docs');

  it('an English slip read as one known word (flor → floor) is read so from what it asks to what it searches', async () => {
    const slipped = await ask("which flor is the international clinic at the First People's Hospital");
    const typed = await ask("which floor is the international clinic at the First People's Hospital");
    expect(typed.answer.slice(0, 80)).toMatch(/5th floor/);
    expect(slipped.answer).toBe(typed.answer);
  });

  it('an age typed in them finds its row as the same age in ASCII does', async () => {
    const wide = await ask('我外婆８２岁了，去桂园社区食堂吃饭能便宜吗');
    const plain = await ask('我外婆82岁了，去桂园社区食堂吃饭能便宜吗');
    expect(plain.answer.slice(0, 80)).toContain('80周岁以上每餐减4元');
    expect(wide.answer).toBe(plain.answer);
  });

  it("another page's deferral that names the asker's word (本年度适龄女生HPV疫苗免费接种工作另行通知) defers nothing the blood-donation guide states", async () => {
    const reply = await ask('女生体重多少才能献血');
    expect(reply.abstained).toBe(false);
    expect(reply.answer).not.toContain('另行通知');
  });
});

describe("an asker's age, asked which benefits there are", () => {
  const ask = serviceOn('eval/policies/docs');

  it('searches the age group the documents name (老年人 for 72), and never answers with another age group\'s benefit', async () => {
    const mother = await ask('我妈72了能领啥补贴吗');
    expect(mother.abstained, mother.answer).toBe(false);
    expect(mother.answer.slice(0, 120)).toContain('老年人');
    expect(mother.answer).not.toContain('婴幼儿');
    const english = await ask('my mum is 85, what allowance can she get?');
    expect(english.abstained, english.answer).toBe(false);
    expect(english.answer).toContain('居家养老服务补贴');
  });
});

describe('everyday nouns the documents call otherwise', () => {
  let opened: { app: App; corpus: TempCorpus } | undefined;
  beforeAll(async () => {
    const corpus = makeTempCorpus({ prefix: 'chat-paraphrase-', seeds: [] });
    fs.writeFileSync(
      path.join(corpus.corpusDir, 'zhongzhi_baoxian.txt'),
      '关于做好2026年度政策性种植业保险工作的通知\n\n2026年度政策性种植业保险品种为小麦、玉米和水稻，每亩保险金额和农户自缴保费如下：\n\n品种 | 每亩保险金额 | 农户每亩自缴\n小麦 | 900元 | 7.2元\n玉米 | 800元 | 6.4元\n',
    );
    fs.writeFileSync(
      path.join(corpus.corpusDir, 'yanhua_tonggao.txt'),
      '关于2027年春节期间烟花爆竹燃放管理的通告\n\n一、禁止燃放区域\n外环路以内（含外环路）全年禁止燃放烟花爆竹。\n\n二、限时燃放区域\n外环路以外的区域，除夕18:00至次日2:00可以燃放。\n',
    );
    opened = { corpus, app: await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 }) };
  }, 120_000);
  afterAll(async () => {
    await opened?.app.close();
    opened?.corpus.remove();
  });
  const ask = (question: string) => opened!.app.service.ask({ question, channel: 'cli', mode: 'lexical' });

  it('reads a noun no document uses as the corpus word CC-CEDICT gives its senses (麦子 → 小麦, 放鞭炮 → 爆竹), written at ingest', async () => {
    const wheat = await ask('今年种的麦子 保险一亩保多少钱');
    expect(wheat.abstained, wheat.answer).toBe(false);
    expect(wheat.answer.split('\n')[0]).toContain('900元');
    const crackers = await ask('住外环里面，过年能放鞭炮不');
    expect(crackers.abstained, crackers.answer).toBe(false);
    expect(crackers.answer.split('\n')[0]).toContain('全年禁止燃放烟花爆竹');
    // A thing neither document names in any word stays missing.
    expect((await ask('过年能放孔明灯不')).abstained).toBe(true);
  });
});
