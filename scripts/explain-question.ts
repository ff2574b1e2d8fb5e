// Shows how the extractive answerer weighs a question against a corpus: its key terms (weight, group,
// flags), which of them the best passage has, and the question-level features.
//   npx tsx scripts/explain-question.ts --corpus DIR "question" ["question" ...]
import { analyseEach } from './analyse-questions.js';
import { createTokenizer } from '../src/text/tokenize.js';

const stock = createTokenizer();

const args = process.argv.slice(2);
const at = args.indexOf('--corpus');
const corpus = at >= 0 ? args.splice(at, 2)[1] : 'seeds';
if (!args.length) {
  console.error('usage: [EXPLAIN_SENTENCES=N] npx tsx scripts/explain-question.ts --corpus DIR "question" ...');
  process.exit(2);
}
try {
  await explain();
} catch (error) {
  // A corpus that cannot be indexed (missing, empty) says why, without a stack trace.
  console.error(`explain-question: ${(error as Error).message}`);
  process.exitCode = 2;
}

async function explain(): Promise<void> {
  await analyseEach(corpus, args.map((question, i) => ({ id: String(i + 1), question, answers: [] })), (q, a, language) => {
    console.log(`\n${q.question}  [${language}]`);
    if (!a) return console.log('  (no analysis)');
    if ('decided' in a) return console.log(`  decided: ${a.decided.abstained ? 'abstain' : 'answer'} — ${a.decided.reasons?.join('; ')}`);
    const best = a.passageTokens[a.bestIndex];
    for (const k of a.keyTerms) {
      const flags = [k.piece && 'piece', k.pieceAlternative && 'pieceAlt', k.unknown && 'unknown', k.scope && 'scope', k.anchor && 'anchor', k.story && 'story'].filter(Boolean).join(',');
      const tag = stock.generalTag(k.term);
      console.log(`  ${best.has(k.term) ? '+' : '-'} ${k.term.padEnd(10)} w=${k.weight.toFixed(2)} group=${k.group} ${flags}${tag ? ` [${tag} ${stock.generalFrequency(k.term)}]` : ''}`);
    }
    a.passages.forEach((p, i) => console.log(`  passage ${i + 1} coverage ${a.coverages[i].toFixed(2)} ${p.chunk.docId}: ${p.chunk.normText.slice(0, 70).replace(/\n/g, ' ')}`));
    const f = a.question;
    console.log(`  best passage: ${a.passages[a.bestIndex].chunk.docId} — ${a.passages[a.bestIndex].chunk.normText.slice(0, 80).replace(/\n/g, ' ')}`);
    console.log(`  ${Object.entries(f).map(([k, v]) => `${k} ${Math.round(Number(v) * 100) / 100}`).join(' ')}`);
    console.log(`  best sentence: ${a.sentences[0]?.text.slice(0, 100)}`);
    if (a.asked) console.log(`  asked figure: ${JSON.stringify(a.asked)}`);
    for (const s of a.sentences.slice(0, Number(process.env.EXPLAIN_SENTENCES ?? 4))) console.log(`    sentence p${s.passageIndex + 1} coverage ${s.coverage.toFixed(2)} fit ${s.fit.toFixed(2)} ev ${s.features.figure.toFixed(2)}${s.otherRow ? " other" : ""}${s.askedRow ? " asked" : ""} figure ${s.figure?.text ?? '-'}: ${s.text.slice(0, 70).replace(/\n/g, ' ')}`);
  });
}
