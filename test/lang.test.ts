import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WeightedTerm } from '../src/ports.js';
import { countScripts, detectLanguage } from '../src/lang/detect.js';
import {
  buildEnglishLexicon,
  createEnglishMapper,
  englishWords,
  loadCedict,
  buildParaphrases,
  compileCedict,
  numbersIn,
  spellsPinyin,
  validateEnglishLexicon,
  withSpellingFixed,
  type CedictEntry,
  type CompiledCedict,
  type EnglishLexicon,
} from '../src/lang/english.js';
import { GLOSSARY_CHINESE_TERMS, PUBLIC_SERVICE_GLOSSARY } from '../src/lang/glossary.js';
import { namesBeforePlaceNouns, romanisedVocabulary, unknownEnglishPlaces } from '../src/lang/places.js';
import { stemEnglish } from '../src/text/stem.js';

const SEEDS = path.resolve(import.meta.dirname, '..', 'seeds');
const terms = (found: WeightedTerm[], origin?: string) => found.filter((t) => !origin || t.origin === origin).map((t) => t.term);

/** The seeds tokenised as the index does: the real corpus vocabulary. */
function seedVocabulary(): Set<string> {
  const jieba = Jieba.withDict(dict);
  const vocabulary = new Set<string>();
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    for (const token of jieba.cutForSearch(readFileSync(path.join(SEEDS, file), 'utf8'), true)) vocabulary.add(token);
  }
  return vocabulary;
}

let cedict: CedictEntry[];
/** CC-CEDICT compiled once (what each lexicon is built from: compiling takes seconds). */
let compiled: CompiledCedict;
let vocabulary: Set<string>;
let lexicon: EnglishLexicon;

beforeAll(async () => {
  cedict = await loadCedict();
  compiled = compileCedict(cedict);
  vocabulary = seedVocabulary();
  lexicon = buildEnglishLexicon(vocabulary, compiled);
});

describe('detectLanguage', () => {
  it('reads Chinese questions as zh', () => {
    expect(detectLanguage('高龄津贴怎么申请？')).toBe('zh');
    expect(detectLanguage('稷王社区有多少名居民')).toBe('zh');
  });

  it('reads English questions as en', () => {
    expect(detectLanguage('How do I apply for the old-age allowance?')).toBe('en');
    expect(detectLanguage('ＨＯＷ ｍａｎｙ residents?')).toBe('en');
  });

  it('reads a mixed question as zh when the Chinese carries as much as the English', () => {
    expect(detectLanguage('how to apply 高龄津贴')).toBe('zh');
    expect(detectLanguage('高龄津贴 application')).toBe('zh');
  });

  it('reads a long English question that quotes one Chinese name as en, so its words still get mapped', () => {
    expect(detectLanguage('Where is the service station of 稷王社区 and when is it open for residents?')).toBe('en');
  });

  it('falls back to zh when there are no letters at all (empty, emoji, digits, punctuation)', () => {
    for (const text of ['', '   ', '👍🙂🎉', '2025？', '!!!', '\u0000\u200b']) expect(detectLanguage(text)).toBe('zh');
  });

  it('counts Han characters against letters of any other script', () => {
    expect(countScripts('abc 中文 ДД 1 2 👍')).toEqual({ han: 2, otherLetters: 5 });
    expect(detectLanguage('Привет, как дела')).toBe('en');
  });
});

describe('PUBLIC_SERVICE_GLOSSARY', () => {
  it('has at least 150 entries, each with English phrasings and Chinese terms', () => {
    expect(PUBLIC_SERVICE_GLOSSARY.length).toBeGreaterThanOrEqual(150);
    for (const entry of PUBLIC_SERVICE_GLOSSARY) {
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.zh.length).toBeGreaterThan(0);
      for (const en of entry.en) expect(en).toMatch(/^[a-z0-9' -]+$/);
    }
  });

  it('exports its Chinese terms once each, for the segmenter dictionary', () => {
    expect(GLOSSARY_CHINESE_TERMS).toContain('高龄津贴');
    expect(GLOSSARY_CHINESE_TERMS).toContain('充电桩');
    expect(new Set(GLOSSARY_CHINESE_TERMS).size).toBe(GLOSSARY_CHINESE_TERMS.length);
    for (const entry of PUBLIC_SERVICE_GLOSSARY) for (const zh of entry.zh) expect(GLOSSARY_CHINESE_TERMS).toContain(zh);
  });

  it('lists each English phrasing once, so no phrase has two competing meanings', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const entry of PUBLIC_SERVICE_GLOSSARY) {
      for (const en of entry.en) {
        const key = englishWords(en.replace(/-/g, ' ')).join(' ');
        if (seen.has(key)) duplicates.push(key);
        seen.set(key, entry.zh.join('|'));
      }
    }
    expect(duplicates).toEqual([]);
  });
});

describe('English mapper: glossary', () => {
  const mapper = () => createEnglishMapper({ names: [], lexicon });

  it("maps what recycling points buy to the materials their price lists name (aluminium cans → 易拉罐), British spelling too", () => {
    for (const question of ['What is the recycling price for aluminium cans?', 'how much for aluminum cans']) {
      const glossary = mapper().expand(question).filter((t) => t.origin === 'glossary').map((t) => t.term);
      expect(glossary, question).toContain('易拉罐');
    }
    expect(mapper().expand('do they take old clothes').filter((t) => t.origin === 'glossary').map((t) => t.term)).toContain('旧衣物');
  });

  it("maps a loan's and a notice's terms: interest rate → 利率, loan term → 贷款期限, publicity period → 公示期, one-off → 一次性", () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms("what's the interest rate for a provident fund loan")).toContain('利率');
    expect(terms('how long is the loan term at most')).toContain('贷款期限');
    expect(terms('how long is the publicity period')).toContain('公示期');
    expect(terms('how much is the one-off start-up subsidy')).toContain('一次性');
    expect(terms('what is the down payment for a second home')).toContain('首付款');
    expect(terms('when is the child subsidy paid')).toContain('发放');
    expect(terms('where is the real estate registration office')).toContain('不动产登记');
  });

  it('maps a parcel and express delivery to the notices\' 快件, 快递 (每单补贴1元 of the parcel subsidy)', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('how much is the parcel subsidy in xinzhou?')).toContain('快件');
    expect(terms('is there money back for every parcel i send out')).toContain('快递');
    expect(terms('express delivery subsidy')).toContain('快件');
  });

  it('maps the holidays by their English names (Chinese New Year → 春节, winter holiday → 寒假, National Day → 国庆)', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('is there a free bus home for chinese new year 2027')).toContain('春节');
    expect(terms('Lunar New Year bus tickets')).toContain('春节');
    expect(terms('winter holiday care for kids')).toContain('寒假');
    expect(terms('is the office open during the national day holiday')).toContain('国庆');
    expect(terms("is it open on new year's day")).toContain('元旦');
    // (Written with a hyphen too: one phrasing, mid autumn festival.)
    expect(terms('office hours over the mid-autumn festival')).toContain('中秋');
  });

  it('maps opening hours to 办公时间, and not "when does" (when a subsidy is paid is no office\'s hours)', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('what are the office hours of the service hall')).toContain('办公时间');
    expect(terms('When does the rooftop solar subsidy get paid out?')).not.toContain('办公时间');
    expect(terms('When does the heating season start this year?')).not.toContain('办公时间');
  });

  it('maps the kinds of leave a notice grants: maternity leave → 产假, paternity leave → 陪产假, parental leave → 育儿假, marriage leave → 婚假', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('my wife is pregnant, how many days maternity leave does she get here?')).toContain('产假');
    expect(terms('how long is paternity leave')).toContain('陪产假');
    expect(terms('is there parental leave for a 2 year old')).toContain('育儿假');
    expect(terms('how many days of marriage leave')).toContain('婚假');
  });

  it('maps a couple to the notices\' 夫妻 (夫妻双方均缴存…), and a spouse to 配偶', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('what is the max loan if husband and wife both pay?')).toEqual(expect.arrayContaining(['夫妻', '夫妻双方']));
    expect(terms('How much can a married couple borrow')).toContain('夫妻');
    expect(terms('can my spouse get a residence permit')).toContain('配偶');
  });

  it("adds an English word's other spelling or everyday name (center → centre, normal → ordinary, kid → child), counting for the word as typed", () => {
    const variants = (q: string) => mapper().expand(q).filter((t) => t.origin === 'variant').map((t) => `${t.source}→${t.term}`);
    expect(variants('where is the community health center')).toContain('center→centre');
    expect(variants('I only have a normal residence permit')).toEqual(expect.arrayContaining(['normal→ordinary', 'normal→regular']));
    expect(variants('when will we know which school my kid got')).toContain('kid→child');
    // A child's fever is the page's temperature; a tourist its visitor; a bike its bicycle.
    expect(variants('my kid has a 38 degree fever, will they still vaccinate him')).toContain('fever→temperature');
    expect(variants('can tourists rent the public bikes')).toEqual(expect.arrayContaining(['tourists→visitors', 'bikes→bicycles']));
    expect(variants('how much is the bus fare')).toEqual([]);
    // A verb and the noun of its act, where the stemmer leaves them apart.
    expect(variants('when must the bill be paid')).toEqual(expect.arrayContaining(['paid→payment']));
    expect(variants('do i need to register my dog')).toContain('register→registration');
  });

  it('maps what foreign residents ask for by its notices\' names: a dentist → 口腔, a driving licence → 驾驶证, a bank account, a SIM card, registering a marriage', () => {
    const terms = (q: string) => mapper().expand(q).filter((t) => t.origin === 'glossary').map((t) => t.term);
    expect(terms('where can i get a dental cleaning with english speaking dentist')).toContain('口腔');
    expect(terms('Can I drive here with my international driving permit?')).toContain('驾驶证');
    expect(terms('how do i open a bank account as a foreigner')).toContain('银行账户');
    expect(terms('where to buy a sim card')).toContain('电话卡');
    expect(terms('how do i register my marriage with my chinese girlfriend')).toContain('结婚登记');
  });

  it('maps the eldercare subsidy to the Chinese programme names with full weight', () => {
    const found = mapper().expand('how do I get the eldercare subsidy');
    const glossary = found.filter((t) => t.origin === 'glossary');
    expect(glossary.map((t) => t.term).some((t) => t === '高龄津贴' || t === '养老补贴')).toBe(true);
    expect(glossary.every((t) => t.weight === 1)).toBe(true);
  });

  it('prefers the longest phrase over its parts', () => {
    const found = terms(mapper().expand('Medical insurance reimbursement for outpatients'), 'glossary');
    expect(found).toContain('医保报销');
    expect(found).toContain('门诊');
  });

  it('matches plurals, -ing/-ed forms, capitals and hyphens', () => {
    const m = mapper();
    expect(terms(m.expand('Are there any Job Fairs this month?'))).toContain('招聘会');
    expect(terms(m.expand('where are the charging piles for E-Bikes'))).toEqual(expect.arrayContaining(['充电桩', '电动自行车']));
    expect(terms(m.expand('How were disputes mediated?'))).toContain('调解');
    expect(terms(m.expand('minimum living allowance or dibao'))).toContain('低保');
    expect(terms(m.expand("what do the residents' committee and the volunteers do"))).toEqual(expect.arrayContaining(['居委会', '志愿者']));
    // Delivery riders and their rest stations, glasses and eye checks: words a resident uses, CC-CEDICT gives otherwise
    // (rider → 旅客, glasses → 玻璃 of "glass", eye → 醒目).
    expect(terms(m.expand('im a delivery guy, how many rest stations are there'))).toEqual(expect.arrayContaining(['骑手', '驿站']));
    expect(terms(m.expand('which glasses shop did the eye checks for the children'))).toEqual(expect.arrayContaining(['眼镜店', '视力检查']));
  });

  it('reads a misspelt word as the known word a keystroke or two away, never a romanised name or a corpus word', () => {
    const m = mapper();
    const found = m.expand('how do I get the eldercare allowence');
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ term: 'allowance', origin: 'spelling', source: 'allowence' })]));
    expect(found.filter((t) => t.origin === 'glossary').map((t) => t.term).some((t) => t === '高龄津贴' || t === '养老补贴')).toBe(true);
    // Contractions typed without the apostrophe are function words, not typos (hasnt is not "haunt").
    expect(m.expand('my employer hasnt registered me').filter((t) => t.origin === 'spelling')).toEqual([]);
    expect(m.expand('cremation in shanghai').some((t) => t.origin === 'spelling' && t.source === 'shanghai')).toBe(false);
    // A word of English is no slip, however close to a word the corpus knows ("reduction" is not "reaction", "died"
    // not "deed", "metre" — another spelling of meter — not "metro").
    expect(m.expand('what was the max reduction of funeral fees when grandpa died').filter((t) => t.origin === 'spelling')).toEqual([]);
    expect(m.expand('how far is it in metre').filter((t) => t.origin === 'spelling')).toEqual([]);
    // A slip that an initial and a final would spell (fi + en) is no romanised name: only real syllables are (shanghai).
    const fines = createEnglishMapper({ names: [], lexicon: { ...lexicon, entries: { ...lexicon.entries, fine: [['罚款', 0.5]] } }, corpusWord: (w) => w === 'fine' });
    expect(fines.expand('what is the fien for a car that missed its inspection')).toEqual(expect.arrayContaining([expect.objectContaining({ term: 'fine', origin: 'spelling', source: 'fien' })]));
    expect(spellsPinyin('fien')).toBe(false);
    expect(['shanghai', 'gongjiaoka', 'tuixiujin', 'zhezhou'].every(spellsPinyin)).toBe(true);
    const withCorpusWord = createEnglishMapper({ names: [], lexicon, corpusWord: (w) => w === 'allowence' });
    expect(withCorpusWord.expand('the eldercare allowence').filter((t) => t.origin === 'spelling')).toEqual([]);
  });

  it('reads four-letter slips and the words of glossary phrases, a tie settled by the word the glossary or documents use', () => {
    // (floor and flour are both a keystroke from flor: the documents say floor.)
    const m = createEnglishMapper({ names: [], lexicon: { ...lexicon, entries: { ...lexicon.entries, flour: [['面粉', 0.5]], floor: [['楼层', 0.5]] } }, corpusWord: (w) => w === 'floor' });
    const spelt = (q: string) => m.expand(q).filter((t) => t.origin === 'spelling').map((t) => `${t.source}→${t.term}`);
    expect(spelt('which flor is the clinic on')).toEqual(['flor→floor']);
    expect(spelt('what is the phone numbr of the library')).toEqual(['numbr→number']);
    // (A word ending in a consonant and er is no pinyin run: er stands alone in pinyin.)
    expect(spelt('what is the phone nuber of the library')).toEqual(['nuber→number']);
    // The question as meant: each corrected word written as the word, the rest as typed.
    expect(withSpellingFixed('Which Flor is the clinic on?', m.expand('Which Flor is the clinic on?'))).toBe('Which floor is the clinic on?');
    expect(withSpellingFixed('which floor is it', m.expand('which floor is it'))).toBe('which floor is it');
    // …and, where neither is, by the one the slip begins with whole: a past tense typed short keeps its verb.
    const d = createEnglishMapper({ names: [], lexicon: { ...lexicon, entries: { ...lexicon.entries, deliver: [['配送', 0.5]], delivery: [['快递', 0.5]] } } });
    expect(d.expand('can she get it deliverd').filter((t) => t.origin === 'spelling').map((t) => `${t.source}→${t.term}`)).toEqual(['deliverd→deliver']);
  });
});

describe('English mapper: CC-CEDICT restricted to the corpus vocabulary', () => {
  it('loads CC-CEDICT with its glosses', () => {
    expect(cedict.length).toBeGreaterThan(100_000);
    const entry = cedict.find((e) => e.simplified === '志愿者');
    expect(entry?.glosses).toContain('volunteer');
  });

  it('maps English gloss words to headwords that occur in the corpus', () => {
    const m = createEnglishMapper({ names: [], lexicon, glossary: [] });
    const found = m.expand('volunteer');
    expect(terms(found, 'cedict')).toContain('志愿者');
    for (const t of found) {
      expect(vocabulary.has(t.term)).toBe(true);
      expect(t.weight).toBeGreaterThanOrEqual(0.3);
      expect(t.weight).toBeLessThanOrEqual(0.7);
    }
  });

  it('a glossary phrase also gets the corpus\'s own CC-CEDICT words for it, under the same concept', () => {
    // The notice says 采暖期 (采暖 = heating in CC-CEDICT) where the glossary has 供暖/暖气.
    const notice = new Set(['采暖', '采暖期', '供热', '补贴']);
    const m = createEnglishMapper({ names: [], vocabulary: (t) => notice.has(t), cedict, glossary: [{ en: ['heating'], zh: ['供暖', '暖气'] }] });
    const found = m.expand('when does heating start');
    expect(terms(found, 'glossary')).toEqual(expect.arrayContaining(['供暖', '暖气']));
    const corpusWord = found.find((t) => t.term === '采暖');
    expect(corpusWord?.origin).toBe('cedict');
    expect(corpusWord?.source).toBe('heating');
    // Without a corpus word for the phrase, only the glossary's terms.
    const none = createEnglishMapper({ names: [], vocabulary: () => false, cedict, glossary: [{ en: ['heating'], zh: ['供暖', '暖气'] }] });
    expect(none.expand('heating').map((t) => t.origin)).toEqual(['glossary', 'glossary']);
  });

  it('marks words for common things the corpus never mentions as absent (football → 足球), never words it covers', () => {
    const small = new Set(['补贴', '居民', '得分']);
    const lex = buildEnglishLexicon(small, compiled);
    expect(lex.absent?.football).toBe('足球');
    // One character is a thing too (cat → 猫), when that is the whole sense.
    expect(lex.absent?.cat).toBe('猫');
    expect(lex.absent?.subsidy).toBeUndefined();
    // So are names (Australia) and words newer than jieba's dictionary (bitcoin, iPhone) that are a whole sense.
    expect(lex.absent?.australia).toMatch(/^澳/);
    expect(lex.absent?.bitcoin).toMatch(/币$/);
    expect(lex.absent?.iphone).toBeDefined();
    const found = createEnglishMapper({ names: [], lexicon: lex, glossary: [] }).expand('who won the football match');
    expect(found.find((t) => t.origin === 'absent')).toMatchObject({ term: '足球', source: 'football' });
    // With 足球 in the corpus it is an ordinary translation.
    const withFootball = createEnglishMapper({ names: [], lexicon: buildEnglishLexicon(new Set([...small, '足球']), compiled), glossary: [] }).expand('football');
    expect(withFootball.map((t) => [t.term, t.origin])).toContainEqual(['足球', 'cedict']);
  });

  it('never maps a word to a headword whose sense negates it (good → 不佳 "not good")', () => {
    const lex = buildEnglishLexicon(new Set(['不佳', '良好', '居民']), compiled);
    expect((lex.entries.good ?? []).map(([term]) => term)).toContain('良好');
    expect((lex.entries.good ?? []).map(([term]) => term)).not.toContain('不佳');
  });

  it('marks a phrase CC-CEDICT names by a headword the corpus lacks as absent (work permit → 工作证), while its words still map', () => {
    const small = new Set(['工作', '许可', '居民']);
    const lex = buildEnglishLexicon(small, compiled);
    expect(lex.absentPhrases?.['work permit']).toBe('工作证');
    const found = createEnglishMapper({ names: [], lexicon: lex, glossary: [] }).expand('how do I apply for a work permit');
    expect(found.find((t) => t.origin === 'absent' && t.source === 'work permit')).toMatchObject({ term: '工作证' });
    expect(terms(found, 'cedict')).toEqual(expect.arrayContaining(['工作', '许可']));
    // A corpus that uses the headword has the thing; one where the head maps to nothing has no trap to flag.
    expect(buildEnglishLexicon(new Set([...small, '工作证']), compiled).absentPhrases?.['work permit']).toBeUndefined();
    expect(buildEnglishLexicon(new Set(['工作', '居民']), compiled).absentPhrases?.['work permit']).toBeUndefined();
    // Only words written side by side name the thing: "work" and "permit" apart are two things.
    expect(createEnglishMapper({ names: [], lexicon: lex, glossary: [] }).expand('can I work with my permit').some((t) => t.origin === 'absent')).toBe(false);
    // Phrases of time (上个星期 "last week") name no thing.
    expect(buildEnglishLexicon(new Set(['上', '星期', '最后']), compiled).absentPhrases?.['last week']).toBeUndefined();
  });

  it('marks a phrase absent when its head maps and its modifier maps to nothing (night market → 夜市: a market, but not that one)', () => {
    const lex = buildEnglishLexicon(new Set(['市场', '摊位', '居民']), compiled);
    expect(lex.entries.night).toBeUndefined();
    expect(lex.absentPhrases?.['night market']).toBe('夜市');
    const found = createEnglishMapper({ names: [], lexicon: lex, glossary: [] }).expand('how do i get a night market stall');
    expect(found.find((t) => t.origin === 'absent' && t.source === 'night market')).toMatchObject({ term: '夜市' });
    // With 夜市 in the corpus it is the corpus's own word.
    expect(buildEnglishLexicon(new Set(['市场', '摊位', '夜市']), compiled).absentPhrases?.['night market']).toBeUndefined();
  });

  it("lists the English words CC-CEDICT's glosses use everywhere (good, person, year) as everyday, never specific ones", () => {
    const everyday = new Set(lexicon.everyday);
    for (const word of ['good', 'person', 'year']) expect(everyday.has(stemEnglish(word)), word).toBe(true);
    for (const word of ['permit', 'passport', 'kindergarten', 'subsidy', 'movie']) expect(everyday.has(stemEnglish(word)), word).toBe(false);
    // Counted over every entry, whatever the corpus uses: the same list for any vocabulary.
    expect(buildEnglishLexicon(new Set(['补贴']), compiled).everyday).toEqual(lexicon.everyday);
  });

  it("gives a Chinese noun the corpus lacks the corpus words of its whole sense (麦子 → 小麦) or its long form (国标 → 国家标准), never a sense too many share", () => {
    const paraphrases = buildParaphrases((t) => ['小麦', '爆竹', '国家标准', '居民'].includes(t), compiled);
    expect(paraphrases['麦子']).toEqual(['小麦']);
    expect(paraphrases['鞭炮']).toEqual(['爆竹']);
    expect(paraphrases['国标']).toEqual(['国家标准']);
    // A corpus word is never paraphrased, and no word maps outside the vocabulary. (Single characters map to
    // characters of the same senses, whatever the corpus: 狗 → 犬, for the words they are part of.)
    expect(paraphrases['小麦']).toBeUndefined();
    const words = Object.entries(paraphrases).filter(([word]) => [...word].length > 1);
    expect(words.flatMap(([, to]) => to).every((t) => ['小麦', '爆竹', '国家标准', '居民'].includes(t))).toBe(true);
    expect(Object.entries(paraphrases).filter(([word]) => [...word].length === 1).every(([, to]) => to.every((t) => [...t].length === 1))).toBe(true);
    // Only the same senses, all of them: 津贴 ("allowance") is not 补贴 ("to subsidize; subsidy; allowance").
    expect(buildParaphrases((t) => t === '补贴', compiled)['津贴']).toBeUndefined();
    expect(buildParaphrases((t) => t === '付费', compiled)['出钱']).toEqual(['付费']);
    // A sense five corpus words share ("to pay") stands for none of them.
    const paying = ['甲付', '乙付', '丙付', '丁付', '戊付'];
    const many = buildParaphrases((t) => paying.includes(t), [...cedict, ...paying.map((simplified) => ({ simplified, pinyin: 'fu4', glosses: ['to pay'] }))]);
    expect(many['出钱']).toBeUndefined();
    expect(buildParaphrases((t) => paying.slice(0, 4).includes(t), [...cedict, ...paying.map((simplified) => ({ simplified, pinyin: 'fu4', glosses: ['to pay'] }))])['出钱']).toEqual(['丁付', '丙付', '乙付', '甲付'].sort());
  });

  it('never returns a term outside the vocabulary', () => {
    const small = new Set(['补贴', '乒乓球']);
    const m = createEnglishMapper({ names: [], vocabulary: (t) => small.has(t), cedict, glossary: [] });
    const found = m.expand('subsidy allowance table tennis desk furniture government hospital');
    expect(terms(found, 'cedict').sort()).toEqual(['乒乓球', '补贴']);
    // No Chinese term to search for; a word for a thing the corpus lacks comes back marked absent, for the answerer
    // (and its other English forms, subsidise of subsidy, are English words, for English pages).
    const none = createEnglishMapper({ names: [], vocabulary: () => false, cedict, glossary: [] }).expand('subsidy');
    expect(none.filter((t) => t.origin !== 'absent' && t.origin !== 'variant')).toEqual([]);
    expect(none.filter((t) => t.origin === 'variant').every((t) => /^[a-z]+$/.test(t.term))).toBe(true);
  });

  it('caps the terms per English word and skips stop-words and question words', () => {
    const m = createEnglishMapper({ names: [], lexicon, glossary: [], perWord: 2 });
    expect(m.expand('what is the how where who when which would could')).toEqual([]);
    const perWord = m.expand('people');
    expect(perWord.length).toBeGreaterThan(0);
    expect(perWord.length).toBeLessThanOrEqual(2);
  });

  it('gives the same terms from a persisted lexicon as from the live dictionary', () => {
    const stored = validateEnglishLexicon(JSON.parse(JSON.stringify(lexicon)));
    const fromLexicon = createEnglishMapper({ names: [], lexicon: stored });
    const live = createEnglishMapper({ names: [], vocabulary: (t) => vocabulary.has(t), cedict });
    const question = 'Which volunteers helped the elderly residents with the table tennis table?';
    expect(fromLexicon.expand(question)).toEqual(live.expand(question));
    expect(() => validateEnglishLexicon({ format: 'something-else' })).toThrow(/re-run ingest/);
  });
});

describe('English mapper: romanised names', () => {
  it('matches a pinyin name with its suffix word, written joined or split', () => {
    const m = createEnglishMapper({ names: ['稷山县', '稷王社区'], lexicon });
    for (const q of ['How many people live in Jishan county?', 'ji shan county', 'JISHAN']) {
      expect(terms(m.expand(q), 'pinyin')).toEqual(['稷山县']);
    }
    expect(terms(m.expand('events in Jiwang community'), 'pinyin')).toEqual(['稷王社区']);
  });

  it('maps district, county and apostrophe spellings', () => {
    const m = createEnglishMapper({ names: ['平城区', '平城县', '依安县'], lexicon });
    expect(terms(m.expand('Pingcheng district civil affairs bureau'), 'pinyin')).toEqual(['平城区']);
    expect(terms(m.expand('Pingcheng county'), 'pinyin')).toEqual(['平城县']);
    expect(terms(m.expand("What did Yi'an county do?"), 'pinyin')).toEqual(['依安县']);
  });

  it('needs the suffix word for a one-syllable name, which is too often an English word', () => {
    const m = createEnglishMapper({ names: ['沁县', '安县'], lexicon });
    expect(terms(m.expand('Qin county'), 'pinyin')).toEqual(['沁县']);
    expect(terms(m.expand('is there an elderly canteen in qin'), 'pinyin')).toEqual([]);
  });

  it('never produces a name that is not in the list', () => {
    const names = ['稷山县'];
    const m = createEnglishMapper({ names, lexicon });
    for (const q of ['Pingcheng district', "Yi'an county", 'Beijing city', 'Jiwang community', 'Jishan county']) {
      for (const t of m.expand(q).filter((x) => x.origin === 'pinyin')) expect(names).toContain(t.term);
    }
    expect(terms(m.expand('Pingcheng district'), 'pinyin')).toEqual([]);
  });
});

describe('English mapper: numbers and robustness', () => {
  it('passes numbers through, thousands separators removed', () => {
    const m = createEnglishMapper({ names: [], lexicon });
    const found = m.expand('In 2025, 2,836 residents and 8.5 percent');
    expect(terms(found, 'number')).toEqual(['2025', '2836', '8.5']);
    expect(numbersIn('１２３ and 4,5')).toEqual(['123', '4', '5']);
  });

  it('returns each term once, best first', () => {
    const m = createEnglishMapper({ names: ['稷山县'], lexicon });
    const found = m.expand('subsidy subsidies allowance in Jishan county Jishan 2025 2025');
    expect(new Set(terms(found)).size).toBe(found.length);
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.weight).toBeGreaterThanOrEqual(found[i]!.weight);
  });

  it('never throws on garbage', () => {
    const m = createEnglishMapper({ names: ['稷山县', '', 'abc', '稷'], lexicon });
    const garbage = ['', '   ', '👍🙂', '\u0000\uffff', "''''", '-', '高龄津贴', 'a'.repeat(100_000), 'ji '.repeat(5000), String.fromCharCode(...Array.from({ length: 300 }, (_, i) => i * 97 % 65535)), null as unknown as string, undefined as unknown as string];
    for (const text of garbage) {
      expect(Array.isArray(m.expand(text))).toBe(true);
      expect(['zh', 'en']).toContain(detectLanguage(text));
    }
    expect(m.expand('高龄津贴')).toEqual([]);
  });
});

describe('romanisedVocabulary', () => {
  it('spells only the words that may be names, each read as among all the words', () => {
    const all = romanisedVocabulary(['打通', '锦都', '桐安']);
    expect(all).toEqual(expect.arrayContaining(['datong', 'tongan']));
    const names = romanisedVocabulary(['打通', '锦都', '桐安'], (w) => w !== '打通');
    expect(names).not.toContain('datong');
    expect(names).toEqual(all.filter((s) => s !== 'datong'));
    // A name no dictionary has is spelled every way its characters read: 锦都 is jindou as read, and jindu.
    expect(names).toEqual(expect.arrayContaining(['jindou', 'jindu']));
  });

  it('finds the names written before a neighbourhood noun, which the index may hold no token of', () => {
    expect(namesBeforePlaceNouns('她与锦都小区居民商量，渔港村和白沙镇')).toEqual(expect.arrayContaining(['锦都', '渔港', '白沙']));
    expect(namesBeforePlaceNouns('平价电加少量服务费')).toEqual([]);
  });
});

describe('unknownEnglishPlaces', () => {
  const major = (word: string) => word === 'shanghai' || word === 'beijing';
  it('a lower-case word that spells a major city the corpus lacks is an unknown place; other lower-case words are not', () => {
    expect(unknownEnglishPlaces('is there a recycling supermarket like that in shanghai, where', new Set(), () => false, major)).toEqual(['shanghai']);
    // Known to the corpus (an English document's word, a corpus name): no unknown place.
    expect(unknownEnglishPlaces('is there one like that in shanghai', new Set(), (w) => w === 'shanghai', major)).toEqual([]);
    // Lower-case words that spell no major city (a county the stock dictionary knows, English words) say nothing.
    expect(unknownEnglishPlaces('where can i recycle old clothes in my lane', new Set(), () => false, major)).toEqual([]);
  });

  it('a lower-case word spelling any stock place counts where the sentence puts a place: after in / from / at, or before a place noun', () => {
    // 临汾 is no major city: in lower case it is a place only where a place stands.
    expect(unknownEnglishPlaces('how many rest stations are there for delivery riders in linfen', new Set(), () => false, major)).toEqual(['linfen']);
    expect(unknownEnglishPlaces('im from linfen, can i get the subsidy', new Set(), () => false, major)).toEqual(['linfen']);
    expect(unknownEnglishPlaces('is the linfen city office open on sundays', new Set(), () => false, major)).toEqual(['linfen']);
    expect(unknownEnglishPlaces('is the linfen office open on sundays', new Set(), () => false, major)).toEqual([]);
    // A beach, bay or island is named by its place: "sanya beach" is 三亚's, not the corpus's beach.
    expect(unknownEnglishPlaces('sanya beach lifeguards until what time?', new Set(), () => false, major)).toEqual(['sanya']);
    expect(unknownEnglishPlaces('is there a lifeguard on the sanya', new Set(), () => false, major)).toEqual([]);
    // Not a word the corpus has, nor one a dictionary gave an English meaning.
    expect(unknownEnglishPlaces('delivery riders in linfen', new Set(), (w) => w === 'linfen', major)).toEqual([]);
    expect(unknownEnglishPlaces('delivery riders in linfen', new Set(['linfen']), () => false, major)).toEqual([]);
    expect(unknownEnglishPlaces('delivery riders in linfen', new Set(), () => false, major, (w) => w === 'linfen')).toEqual([]);
  });
});
