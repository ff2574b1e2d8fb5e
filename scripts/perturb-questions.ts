// Rewrites every question of a question file the way chat messages are typed, reproducibly:
//   npx tsx scripts/perturb-questions.ts --questions eval/civic/questions.jsonl --split calib --out /tmp/civic-courtesy.jsonl
// then `npm run eval -- --questions /tmp/civic-courtesy.jsonl --corpus eval/civic/docs --out /tmp/courtesy` beside a run
// on the plain file, and `npm run eval:compare -- PLAIN_OUT /tmp/courtesy` lists what the rewriting changed. An answer
// that holds on the plain question should hold on "您好，我想咨询一下…谢谢！" too: a robustness check on any set,
// with no new gold to write (every other field of a line is kept). Styles:
//   courtesy  a greeting or "may I ask" before it, thanks or urgency after it, picked at random (seed)
//   chat      Chinese punctuation typed as spaces and digits from a full-width keyboard (我妈今年８３岁 能领吗);
//             English in lower case without its question mark
//   typo      one character of a Chinese question (not a function character, not the first of a run) swapped for
//             another with the same toneless pinyin, as a pinyin IME slips (电话 → 电华); the homophones are the
//             common characters of --corpus (default: the question file's folder's docs/), most frequent first.
//             An English question: two letters of one word of five or more swapped, or one dropped (number → nubmer)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pinyin } from '../src/lang/pinyin.js';
import { mulberry32 } from '../bench/lib/prng.js';

const OPENINGS_ZH = ['你好，请问一下', '请问', '麻烦问下，', '在吗？想问下', '您好 我想咨询一下 ', '问一下哈，'];
const CLOSINGS_ZH = ['？谢谢！', '，谢谢', '啊？', '呢 急', '？？', '，麻烦告诉我一下', '。谢谢了'];
const OPENINGS_EN = ['Hi, ', 'Hello, quick question: ', 'Excuse me, ', 'hey '];
const CLOSINGS_EN = [' thanks!', ' please', ' ?? thx', '. Thank you.'];

const HELP = `Usage: npx tsx scripts/perturb-questions.ts --questions FILE --out FILE [--style courtesy|chat|typo] [--corpus DIR] [--split NAME] [--seed N]

  --questions FILE  question file (JSONL, the format npm run eval reads)
  --out FILE        where the wrapped questions go (same fields; only "question" changes)
  --style NAME      courtesy (default): wrapped in greetings and thanks; chat: spaces for punctuation, full-width digits;
                    typo: one character swapped for a homophone, as a pinyin IME slips
  --corpus DIR      typo: the documents whose characters are the homophones (default: docs/ beside the question file)
  --split NAME      only the lines whose "split" is NAME
  --seed N          which random wrappings (default 7)`;

export function wrapQuestion(question: string, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const chinese = /[\u4e00-\u9fff]/.test(question);
  return chinese ? pick(OPENINGS_ZH) + question.replace(/[？?]+$/, '') + pick(CLOSINGS_ZH) : pick(OPENINGS_EN) + question.replace(/\?+$/, '') + pick(CLOSINGS_EN);
}

/** Chinese: its punctuation typed as spaces, its digits full-width. English: lower case, no question mark. */
export function chatTyped(question: string): string {
  if (!/[\u4e00-\u9fff]/.test(question)) return question.toLowerCase().replace(/\?+\s*$/, '').trim();
  return question
    .replace(/[，,。？?！!、；;：:]+/g, ' ')
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    .trim();
}

/** Characters no slip replaces: function words and asking words (a slip there changes what is asked, not a word). */
const KEPT = new Set([...'的了吗呢啊吧么是在有和与或就都也还要能会可以我你他她它们这那哪什啥怎多少几个一不没人']);

/** Toneless pinyin → the corpus's characters with it, most frequent first (seen at least 5 times). */
export function homophones(texts: Iterable<string>): Map<string, string[]> {
  const count = new Map<string, number>();
  for (const text of texts) for (const c of text) if (/[\u4e00-\u9fff]/.test(c)) count.set(c, (count.get(c) ?? 0) + 1);
  const out = new Map<string, string[]>();
  for (const [c, n] of count) {
    if (n < 5) continue;
    const key = (pinyin(c, { toneType: 'none', type: 'array' }) as string[])[0];
    if (key) (out.get(key) ?? out.set(key, []).get(key)!).push(c);
  }
  for (const list of out.values()) list.sort((a, b) => count.get(b)! - count.get(a)!);
  return out;
}

/** One character inside a Chinese word swapped for one of its three most frequent homophones; the question as is when none has one. */
export function slipped(question: string, sounds: Map<string, string[]>, next: () => number): string {
  const chars = [...question];
  const at = chars.map((_, i) => i).filter((i) => /[\u4e00-\u9fff]/.test(chars[i]!) && !KEPT.has(chars[i]!) && /[\u4e00-\u9fff]/.test(chars[i - 1] ?? ''));
  for (let tries = 0; tries < 10 && at.length; tries++) {
    const i = at[Math.floor(next() * at.length)]!;
    const key = (pinyin(chars[i]!, { toneType: 'none', type: 'array' }) as string[])[0] ?? '';
    const others = (sounds.get(key) ?? []).filter((c) => c !== chars[i]).slice(0, 3);
    if (!others.length) continue;
    chars[i] = others[Math.floor(next() * others.length)]!;
    return chars.join('');
  }
  return question;
}

/** English: in one word of five letters or more (not a function word), two neighbouring letters swapped or one dropped. */
export function englishSlip(question: string, next: () => number): string {
  const words = [...question.matchAll(/[A-Za-z]{5,}/g)].filter((m) => !/^(what|when|where|which|there|their|about|would|could|should)$/i.test(m[0]));
  if (!words.length) return question;
  const m = words[Math.floor(next() * words.length)]!;
  const w = m[0];
  const i = 1 + Math.floor(next() * (w.length - 3));
  const slip = next() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
  return question.slice(0, m.index) + slip + question.slice(m.index! + w.length);
}

function corpusTexts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusTexts(file));
    else if (/\.(txt|md|html?)$/i.test(entry.name)) out.push(fs.readFileSync(file, 'utf8'));
  }
  return out;
}

function main(): void {
  const { values } = parseArgs({ options: { questions: { type: 'string' }, out: { type: 'string' }, style: { type: 'string', default: 'courtesy' }, corpus: { type: 'string' }, split: { type: 'string' }, seed: { type: 'string', default: '7' }, help: { type: 'boolean' } } });
  if (values.help || !values.questions || !values.out || !['courtesy', 'chat', 'typo'].includes(values.style!)) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const next = mulberry32(Number(values.seed));
  const sounds = values.style === 'typo' ? homophones(corpusTexts(values.corpus ?? path.join(path.dirname(values.questions), 'docs'))) : new Map<string, string[]>();
  const lines = fs.readFileSync(values.questions, 'utf8').split('\n').filter((l) => l.trim());
  const out: string[] = [];
  for (const line of lines) {
    const q = JSON.parse(line) as { question: string; split?: string };
    if (values.split && q.split !== values.split) continue;
    out.push(JSON.stringify({ ...q, question: values.style === 'chat' ? chatTyped(q.question) : values.style === 'typo' ? (/[\u4e00-\u9fff]/.test(q.question) ? slipped(q.question, sounds, next) : englishSlip(q.question, next)) : wrapQuestion(q.question, next) }));
  }
  fs.writeFileSync(values.out, out.join('\n') + '\n');
  console.log(`${out.length} questions rewritten (${values.style}) → ${values.out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
