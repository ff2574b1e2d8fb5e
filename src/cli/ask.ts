// npm run ask -- [--json] [--mode hybrid|lexical|dense] [--k N] [--conversation ID] "question"
import { openApp } from '../app.js';
import type { RetrievalMode } from '../ports.js';
import { cliLogger, parseCli, runMain, UsageError } from './args.js';
import { renderPlain } from './render.js';

export const ASK_USAGE = `Usage: npm run ask -- [options] "question"

Answers one question from the indexed documents, with numbered sources.

Options:
  --json               print exactly one JSON object (the contract the eval harness uses)
  --mode MODE          hybrid (default), lexical or dense
  --k N                number of sources (default RETRIEVAL_K, 5)
  --conversation ID    keep context across calls (follow-up questions)
  --sources            list every retrieved source, not only the cited ones
  -h, --help           show this help

Environment: see .env.example (INDEX_DIR, EMBEDDING_MODEL, RERANK_MODEL, LLM_MODEL, ...).
Example: npm run ask -- --json "露天巷的巷道有多长？"`;

runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      json: { type: 'boolean' },
      mode: { type: 'string' },
      k: { type: 'string' },
      conversation: { type: 'string' },
      sources: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    ASK_USAGE,
  );
  if (values.help) {
    process.stdout.write(ASK_USAGE + '\n');
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError(`No question given.\n\n${ASK_USAGE}`);
  const mode = values.mode as RetrievalMode | undefined;
  if (mode && !['hybrid', 'lexical', 'dense'].includes(mode)) throw new UsageError(`--mode must be hybrid, lexical or dense (got "${mode}").`);
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50)) throw new UsageError(`--k must be an integer from 1 to 50 (got "${values.k}").`);

  const app = await openApp({ logger: cliLogger() });
  try {
    for (const w of app.warnings) process.stderr.write(`Note: ${w}\n`);
    const { interaction_id: _logRow, ...response } = await app.service.ask({ question, mode, k, conversationId: values.conversation, channel: 'cli' });
    process.stdout.write((values.json ? JSON.stringify(response) : renderPlain(response, { showAll: values.sources })) + '\n');
  } finally {
    await app.close();
  }
  return 0;
});
