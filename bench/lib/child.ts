// Runs bench/worker.ts in a fresh Node process (tsx loader, --expose-gc) and returns its result.
// A worker that fails or runs out of time gives an error result instead of stopping the bench.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKER = path.join(REPO_ROOT, 'bench', 'worker.ts');

export type WorkerResult<T> = { ok: true; value: T; wallMs: number } | { ok: false; error: string; wallMs: number };

export function runWorker<T>(task: string, args: Record<string, string | number>, timeoutMs: number): Promise<WorkerResult<T>> {
  const argv = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', WORKER, task];
  for (const [k, v] of Object.entries(args)) argv.push(`--${k}`, String(v));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      process.stderr.write(text);
      stderrTail = (stderrTail + text).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Date.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) {
        resolve({ ok: true, value: JSON.parse(line.slice('BENCH_RESULT '.length)) as T, wallMs });
        return;
      }
      const why = signal === 'SIGKILL' ? `killed after ${timeoutMs} ms (time limit, or out of memory)` : `exit code ${code ?? signal}`;
      const last = stderrTail.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, error: `${task} ${JSON.stringify(args)}: ${why}${last ? ` — ${last}` : ''}`, wallMs });
    });
  });
}
