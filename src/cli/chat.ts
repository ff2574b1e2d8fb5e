// npm run chat: an interactive session in the terminal (follow-up questions keep their context).
import readline from 'node:readline/promises';
import crypto from 'node:crypto';
import { openApp, type App } from '../app.js';
import { cliLogger, parseCli, runMain } from './args.js';
import { quotableText } from '../answer/quotable.js';
import { renderPlain } from './render.js';

export const CHAT_USAGE = `Usage: npm run chat

Ask questions about local public services in Chinese or English; answers come from the
indexed documents with numbered sources. Commands: /sources (all sources of the last answer),
/new (forget the conversation), /quit. The index is built on first run.`;

export async function chat(app: App, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const info = app.service.describe();
  output.write(`本地公共服务问答 · Local services Q&A — ${info.documents} documents, ${info.chunks} passages, ${info.mode} retrieval.\n`);
  output.write('例如：高龄津贴怎么申请？ / e.g. How long is the Lutian alley?  (/sources, /new, /quit)\n');
  const rl = readline.createInterface({ input, output, terminal: false });
  let conversationId = crypto.randomUUID();
  let last: Awaited<ReturnType<App['service']['ask']>> | null = null;
  output.write('> ');
  for await (const line of rl) {
    const q = line.trim();
    if (q === '/quit' || q === '/exit') break;
    if (q === '/new') {
      await app.service.forget(conversationId);
      conversationId = crypto.randomUUID();
      output.write('(new conversation)\n');
    } else if (q === '/sources') {
      // Full passages, less sentences that instruct the reader (answers never quote those either).
      output.write(last ? last.sources.map((s) => `[${s.rank}] ${s.title} — ${s.doc} (score ${s.score})\n${quotableText(s.text)}\n`).join('\n') : '(no answer yet)\n');
    } else if (q) {
      try {
        last = await app.service.ask({ question: q, conversationId, channel: 'cli' });
        output.write(renderPlain(last) + '\n');
      } catch (err) {
        app.logger.error('chat.ask_failed', { error: err });
        output.write('抱歉，出错了，请再试一次。 Sorry, something went wrong; please try again.\n');
      }
    }
    output.write('\n> ');
  }
  rl.close();
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isMain) {
  runMain(async () => {
    const { values } = parseCli(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } }, CHAT_USAGE);
    if (values.help) {
      process.stdout.write(CHAT_USAGE + '\n');
      return 0;
    }
    const app = await openApp({ logger: cliLogger() });
    for (const w of app.warnings) process.stderr.write(`Note: ${w}\n`);
    try {
      await chat(app, process.stdin, process.stdout);
    } finally {
      await app.close();
    }
    return 0;
  });
}
