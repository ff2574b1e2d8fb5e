// Calibrates the extractive answerer's answer/abstain rule and writes src/answer/abstention.json.
// The rule: answer when the best passage covers at least `minCoverage` of the question's key terms (IDF-
// and specificity-weighted; place names apart) and no hard check fails (topic, figure, facet missing).
// One threshold per language, and for English whether a reliable route must reach the passage. (Tried and
// dropped: a second way in for passages with much specific evidence at lower coverage, a ceiling on the
// weight of names no document contains, and a logistic answerable model over the same features — each did
// no better than the single threshold when a whole set was held out.)
// Calibration data: the "calib" splits only — eval/residents.jsonl over the seeds, eval/notices over its
// documents, eval/cmrc2018 (even-numbered documents), eval/services, eval/county, eval/webpages, eval/district,
// eval/civic, eval/harbor, eval/lakeside, eval/ridge, eval/plains, eval/delta, eval/valley, eval/coast, eval/forge, eval/frost, eval/cradle, eval/hearth, eval/compass, eval/lantern, eval/bazaar, eval/orchard, eval/meadow and eval/brook over their documents, and eval/residents-fresh.jsonl and eval/residents-en.jsonl over the seeds (CALIB_SETS) — never the team set
// eval/questions.jsonl, any "report" split or eval/policies, which stay for reporting. Each set weighs the same; the threshold per language maximises
// balanced accuracy (mean of "answers the answerable" and "abstains on the unanswerable") averaged over
// neighbouring thresholds (±0.02), the middle of the tied best rules.
// Usage: npx tsx scripts/calibrate-abstention.ts [--dry-run] [--verbose] [--curve] [--dump FILE]
//   --curve prints, per language, every threshold's answered / abstained shares and smoothed balanced accuracy.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { answerableBy } from '../src/answer/extractive.js';
import { analyseEach, CALIB_SETS, calibQuestions, type SetQuestion } from './analyse-questions.js';
import type { Features } from '../src/answer/scorer.js';
import type { Language } from '../src/ports.js';
import type { AbstentionRule } from '../src/answer/abstention.js';

const { values: args } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, verbose: { type: 'boolean' }, curve: { type: 'boolean' }, dump: { type: 'string' } } });


interface Sample {
  set: string;
  id: string;
  question: string;
  language: Language;
  answerable: boolean;
  /** null: a hard decision before the rule (no passage, an unknown place, fraud): always abstains. */
  features: Features | null;
}

const SETS = CALIB_SETS;


async function collect(set: string, corpusDir: string, questions: SetQuestion[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  await analyseEach(corpusDir, questions, (q, a, language) => {
    const answerable = !q.unanswerable && q.answers.length > 0;
    samples.push({ set, id: q.id, question: q.question, language, answerable, features: a && !('decided' in a) ? a.question : null });
  });
  return samples;
}

/** Balanced accuracy of a threshold, each set weighing the same (sets without both kinds count what they have). */
function score(samples: Sample[], rule: AbstentionRule): { balanced: number; answered: number; abstained: number } {
  const sets = [...new Set(samples.map((s) => s.set))];
  let answered = 0;
  let abstained = 0;
  let nA = 0;
  let nU = 0;
  for (const set of sets) {
    const mine = samples.filter((s) => s.set === set);
    const A = mine.filter((s) => s.answerable);
    const U = mine.filter((s) => !s.answerable);
    const yes = (s: Sample) => !!s.features && answerableBy(s.features, rule);
    if (A.length) {
      answered += A.filter(yes).length / A.length;
      nA++;
    }
    if (U.length) {
      abstained += U.filter((s) => !yes(s)).length / U.length;
      nU++;
    }
  }
  answered /= nA || 1;
  abstained /= nU || 1;
  return { balanced: (answered + abstained) / 2, answered, abstained };
}

const samples: Sample[] = [];
for (const s of SETS) {
  const questions = calibQuestions(s.questions);
  samples.push(...(await collect(s.set, s.corpus, questions)));
}

if (args.dump) fs.writeFileSync(args.dump, samples.map((s) => JSON.stringify(s)).join('\n'));

// The rule's threshold per language, on a grid of 0.20–0.80 (and for English, whether to require an anchor).
const SMOOTHING = 0.02;
const COVERAGES = Array.from({ length: 61 }, (_, i) => (i + 20) / 100);
const chosen: Record<Language, AbstentionRule> = { zh: { minCoverage: 0 }, en: { minCoverage: 0 } };
const table: Record<string, unknown> = {};
for (const language of ['zh', 'en'] as Language[]) {
  const mine = samples.filter((s) => s.language === language);
  // English also chooses whether the best passage must be reached by a reliable route (requireAnchor).
  const rules: AbstentionRule[] = COVERAGES.flatMap((minCoverage) => (language === 'en' ? [{ minCoverage }, { minCoverage, requireAnchor: true }] : [{ minCoverage }]));
  const raw = rules.map((rule) => ({ rule, ...score(mine, rule) }));
  // Smoothed over neighbouring thresholds (±0.02, same other settings): one question of a small set moves
  // balanced accuracy by several points, and a threshold should not sit on the edge of such a jump.
  const scored = raw.map((s) => {
    const near = raw.filter((o) => o.rule.requireAnchor === s.rule.requireAnchor && Math.abs(o.rule.minCoverage - s.rule.minCoverage) <= SMOOTHING + 1e-9);
    return { ...s, balanced: near.reduce((a, o) => a + o.balanced, 0) / near.length };
  });
  const best = Math.max(...scored.map((s) => s.balanced));
  // Ties: the middle of the plateau, away from its edges.
  const ties = scored.filter((s) => s.balanced >= best - 1e-9);
  const at = ties[Math.floor(ties.length / 2)];
  chosen[language] = at.rule;
  if (args.curve) for (const s of scored) if (!s.rule.requireAnchor && Math.round(s.rule.minCoverage * 100) % 2 === 0) console.log(`  ${language} ${s.rule.minCoverage.toFixed(2)} answers ${(s.answered * 100).toFixed(1)}% abstains ${(s.abstained * 100).toFixed(1)}% balanced (smoothed) ${(s.balanced * 100).toFixed(1)}`);
  table[language] = { questions: mine.length, rule: at.rule, tied: ties.length, answered: round3(at.answered), abstained: round3(at.abstained) };
  if (args.verbose) {
    for (const s of mine) {
      const yes = !!s.features && answerableBy(s.features, at.rule);
      if (yes === s.answerable) continue;
      const f = s.features ? Object.entries(s.features).map(([k, v]) => `${k} ${Math.round(v * 100) / 100}`).join(' ') : 'hard decision';
      console.log(`  ${s.answerable ? 'FALSE-ABSTAIN' : 'ANSWERS-UNANSWERABLE'} ${s.set} ${s.id} ${s.question} | ${f}`);
    }
  }
  console.log(`${language}: ${mine.length} questions; rule ${JSON.stringify(at.rule)} (${ties.length} tied); answers ${(at.answered * 100).toFixed(1)}% of answerable, abstains on ${(at.abstained * 100).toFixed(1)}% of unanswerable`);
}

const out = {
  format: 'abstention/1',
  trained: {
    script: 'scripts/calibrate-abstention.ts',
    data: SETS.map((s) => `${s.questions} (split calib)`),
    objective: 'balanced accuracy per language, sets weighted equally, middle of the best plateau',
    result: table,
  },
  rules: chosen,
};
if (args['dry-run']) console.log(JSON.stringify(out, null, 2));
else {
  fs.writeFileSync(new URL('../src/answer/abstention.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  console.log('wrote src/answer/abstention.json');
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
