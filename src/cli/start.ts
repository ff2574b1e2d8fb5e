// npm start: runs the adapters whose tokens are configured; with none, the interactive chat.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuntimeConfig } from '../config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { adapters } = loadRuntimeConfig();
const targets: string[] = [];
if (adapters.telegram) targets.push('adapters/telegram/main.ts');
if (adapters.slack) targets.push('adapters/slack/main.ts');
if (!targets.length) targets.push('src/cli/chat.ts');

const tsx = path.join(root, 'node_modules/.bin/tsx');
const children = targets.map((t) => spawn(tsx, [path.join(root, t)], { stdio: 'inherit', cwd: root }));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => children.forEach((c) => c.kill(sig)));
let remaining = children.length;
let worst = 0;
for (const c of children)
  c.on('exit', (code) => {
    worst = Math.max(worst, code ?? 1);
    if (--remaining === 0) process.exit(worst);
  });
