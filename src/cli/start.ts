// npm start: runs the adapters whose tokens are configured; with none, the interactive chat.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOpsConfig, loadRuntimeConfig } from '../config.js';

// Compiled (dist/src/cli/start.js, `npm start`): the children run compiled too, with node. Under tsx: with tsx.
const self = fileURLToPath(import.meta.url);
const compiled = self.endsWith('.js');
const base = path.resolve(path.dirname(self), '../..'); // the repository, or dist/
const root = compiled ? path.dirname(base) : base;
const { adapters } = loadRuntimeConfig();
const targets: string[] = [];
if (adapters.telegram) targets.push('adapters/telegram/main.ts');
if (adapters.slack) targets.push('adapters/slack/main.ts');
if (!targets.length) targets.push('src/cli/chat.ts');

const runner = compiled ? process.execPath : path.join(root, 'node_modules/.bin/tsx');
const entry = (t: string) => path.join(base, compiled ? t.replace(/\.ts$/, '.js') : t);
// With OPS_PORT and both adapters, Telegram's ops server takes OPS_PORT and Slack's OPS_PORT + 1.
const ops = loadOpsConfig();
const envFor = (i: number) => (ops.port && i > 0 ? { ...process.env, OPS_PORT: String(ops.port + i) } : process.env);
const children = targets.map((t, i) => spawn(runner, [entry(t)], { stdio: 'inherit', cwd: root, env: envFor(i) }));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => children.forEach((c) => c.kill(sig)));
let remaining = children.length;
let worst = 0;
for (const c of children)
  c.on('exit', (code) => {
    worst = Math.max(worst, code ?? 1);
    if (--remaining === 0) process.exit(worst);
  });
