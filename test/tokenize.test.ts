import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dict as stockDict } from '@node-rs/jieba/dict.js';
import { createTokenizer, isStopword, QUESTION_WORDS, stockWordsTagged } from '../src/text/tokenize.js';
import { dictionaryLines, extractCorpusTerms } from '../src/text/dictionary.js';

const seedDir = path.resolve(__dirname, '../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(seedDir, f), 'utf8').normalize('NFKC'));
const corpusTerms = extractCorpusTerms(seeds);
const plain = createTokenizer();
const local = createTokenizer(corpusTerms);

describe('tokens', () => {
  it('keeps the topic words of a question and drops the question words', () => {
    const t = plain.tokens('高龄津贴怎么申请？');
    expect(t.includes('高龄津贴') || (t.includes('高龄') && t.includes('津贴'))).toBe(true);
    expect(t).toContain('申请');
    expect(t).not.toContain('怎么');
    expect(t).not.toContain('？');
  });

  it('uses search mode, so a long word also yields the words inside it', () => {
    const t = plain.tokens('居住证怎么办理');
    expect(t).toEqual(expect.arrayContaining(['居住证', '居住', '办理']));
  });

  it('keeps numbers, decimals and number+unit together and apart', () => {
    const t = plain.tokens('500米内有公交站吗 生活补助861.72万元 覆盖70%');
    expect(t).toEqual(expect.arrayContaining(['500', '米', '500米', '861.72', '70', '70%']));
    expect(t).not.toContain('吗');
  });

  it('lower-cases Latin, drops English stop words and stems English words (Porter2)', () => {
    const t = plain.tokens('How do I apply for the Elderly SUBSIDY?');
    expect(t).toEqual(['appli', 'elder', 'subsidi']);
    expect(plain.tokens('open on Sundays')).toEqual(plain.tokens('opening Sunday'));
  });

  it('matches an unknown name with or without the corpus dictionary, through character bigrams', () => {
    const question = plain.tokens('稷王在哪里');
    expect(question).toContain('稷王');
    const doc = local.tokens('稷王社区的小板凳议事会');
    expect(doc).toContain('稷王社区');
    expect(doc).toContain('稷王');
  });

  it('does not crash on emoji, RTL marks, control characters, lone surrogates or 100k characters', () => {
    expect(plain.tokens('')).toEqual([]);
    expect(plain.tokens('😀😀 \u200f\u0001\u0000 \ud800')).toEqual([]);
    expect(plain.tokens('居\u200b住证')).toContain('居住证');
    expect(plain.tokens(undefined as unknown as string)).toEqual([]);
    const long = '社会救助申请更便捷。'.repeat(10_000);
    const t = plain.tokens(long);
    expect(t.filter((x) => x === '救助').length).toBe(10_000);
  });

  // Its speed is measured by `npm run bench` (ingest section), not asserted here.
  it('tokenises 10k seed-sized chunks', () => {
    const text = seeds.join('\n');
    const chunks = Array.from({ length: 10_000 }, (_, i) => text.slice((i * 97) % (text.length - 300), ((i * 97) % (text.length - 300)) + 300));
    let n = 0;
    for (const c of chunks) n += local.tokens(c).length;
    expect(n).toBeGreaterThan(10_000 * 50);
  });
});

describe('question words and stop words', () => {
  it('are exported for the answerer and classified by kind', () => {
    expect(QUESTION_WORDS.get('怎么')).toBe('how');
    expect(QUESTION_WORDS.get('哪里')).toBe('where');
    expect(QUESTION_WORDS.get('多少')).toBe('how-much');
    expect(isStopword('的')).toBe(true);
    expect(isStopword('怎么')).toBe(true);
    expect(isStopword('津贴')).toBe(false);
    expect(plain.questionKinds('高龄津贴怎么申请？')).toEqual(['how']);
    expect(plain.questionKinds('社区服务站在哪里，几点开门？')).toEqual(['where', 'when']);
    expect(plain.questionKinds('社会救助政策')).toEqual([]);
  });

  it('words() keeps stop words but drops punctuation', () => {
    expect(plain.words('高龄津贴怎么申请？')).toEqual(['高龄', '津贴', '怎么', '申请']);
  });
});

describe('corpus dictionary', () => {
  it('finds quoted programme names and local place / organisation names in the seeds', () => {
    expect(corpusTerms).toEqual(expect.arrayContaining(['小板凳议事会', '医保小信使', '红色工厂', '稷王社区', '毓秀苑小区', '平城区', '福馨社区']));
  });

  it('stays precise: no clause fragments, no quoted questions, nothing jieba already knows', () => {
    for (const bad of ['高校毕业生成社区', '为稷王社区', '由平城区', '下一期想听什么', '稷山县', '社区']) expect(corpusTerms).not.toContain(bad);
    for (const term of corpusTerms) expect(term).toMatch(/^[\u4e00-\u9fff]{2,12}$/u);
  });

  it("finds a place whose name has a character jieba knows only alone (埭 of 沙埭县, tagged zg), not only common ones", () => {
    expect(extractCorpusTerms(['沙埭县人民政府关于做好退捕渔民安置保障工作的通知'])).toContain('沙埭县');
    // (A status word — z, 静悄悄 — still ends a name's walk.)
    expect(extractCorpusTerms(['静悄悄县城'])).toEqual([]);
  });

  it('finds a recurring place whose name starts with a character jieba reads as an everyday word (新 of 新圩区, 口 of 汊口区), not an old estate or a one-off', () => {
    const twice = ['新圩区人民政府关于夜市的通知', '汊口区和新圩区各设一处', '汊口区退役军人事务局'];
    expect(extractCorpusTerms(twice)).toEqual(expect.arrayContaining(['新圩区', '汊口区']));
    // Seen once, it may be running text: no name.
    expect(extractCorpusTerms(['新圩区人民政府关于夜市的通知'])).not.toContain('新圩区');
    // Two everyday characters (老|旧 before 小区) make no name, however often.
    expect(extractCorpusTerms(['城镇老旧小区改造', '推进城镇老旧小区改造工作'])).toEqual([]);
  });

  it('keeps a quoted name whole once it is added', () => {
    const sentence = '该社区创新推出“小板凳议事会”';
    expect(plain.tokens(sentence)).not.toContain('小板凳议事会');
    expect(createTokenizer(['小板凳议事会']).tokens(sentence)).toContain('小板凳议事会');
  });

  it('writes jieba user-dictionary lines and skips terms that would break the format', () => {
    const lines = dictionaryLines(['稷王社区', '小板凳议事会', '稷王社区', 'a b', '']).trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\S+ \d+ [a-z]+$/);
    expect(dictionaryLines([])).toBe('');
  });
});

describe('general frequency and tag (jieba stock dictionary)', () => {
  // Read the dictionary text here, independently of the tokenizer's lookup (binary search, then a full parse).
  const lines = Buffer.from(stockDict).toString('utf8').split('\n').filter(Boolean).map((l) => l.split(' '));

  it('finds every sampled dictionary word with its count and tag, the first and last included, and nothing else', () => {
    const fresh = createTokenizer();
    const sample = [lines[0], lines[lines.length - 1], ...lines.filter((_, i) => i % 1009 === 0)];
    const found = sample.map(([word]) => [word, fresh.generalFrequency(word), fresh.generalTag(word)]);
    expect(found).toEqual(sample.map(([word, count, tag]) => [word, Number(count), tag]));
    for (const missing of ['', '不存在的词语甲', 'zzzz', '社区 助理', '\n']) {
      expect(fresh.generalFrequency(missing)).toBe(0);
      expect(fresh.generalTag(missing)).toBe('');
    }
    // Every word of a tag (parses the whole text): the same answers afterwards.
    const places = stockWordsTagged('ns');
    expect(places.length).toBe(lines.filter((l) => l[2] === 'ns').length);
    expect(sample.map(([word]) => [word, fresh.generalFrequency(word), fresh.generalTag(word)])).toEqual(found);
  });
});
