// Section 2b: ingest at scale. A synthetic corpus of N Chinese notice-like documents (sentences of the
// seed pages recombined with a fixed seed, 100 files a folder) is ingested lexical-only in a fresh
// process: a full build, a re-run after one document changed, and a re-run with nothing changed.
// Reports the times, the changed-one ÷ full ratio, each run's peak RSS and its progress lines.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../lib/child.js';
import { mulberry32 } from '../lib/prng.js';
import type { Workspace } from '../lib/workspace.js';

export interface ScaleIngestRun {
  ms: number;
  documents: number;
  chunks: number;
  added: number;
  updated: number;
  unchanged: number;
  peakRssMb: number;
  progressLines: number;
}

export interface IngestScaleSection {
  documents: number;
  full: ScaleIngestRun;
  changedOne: ScaleIngestRun;
  unchanged: ScaleIngestRun;
  /** changedOne ÷ full wall time (the target is < 5%). */
  changedOneRatio: number;
}

/** Writes `count` documents made of the seeds' sentences; returns the files. */
export function writeSyntheticDocuments(seedsDir: string, dir: string, count: number, seed = 20_240_901): string[] {
  const sentences = readdirSync(seedsDir)
    .filter((n) => n.endsWith('.txt'))
    .flatMap((n) => readFileSync(path.join(seedsDir, n), 'utf8').split(/(?<=[。！？])/u))
    .map((s) => s.replace(/\s+/g, '').trim())
    .filter((s) => s.length >= 8 && /[。！？]$/.test(s));
  const random = mulberry32(seed);
  const pick = () => sentences[Math.floor(random() * sentences.length)];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 3) }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join(''));
    const title = `第${i + 1}号社区服务通知：${pick().slice(0, 12).replace(/[，。！？、]/g, '')}`;
    const file = path.join(folder, `notice-${i}.txt`);
    writeFileSync(file, `${title}\n\n${paragraphs.join('\n\n')}\n`);
    files.push(file);
  }
  return files;
}

function runChild(args: string[], timeoutMs: number): Promise<ScaleIngestRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', 'ingest-child.ts'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as ScaleIngestRun);
      else reject(new Error(`ingest child exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

export async function runIngestScaleSection(ws: Workspace, documents: number, say: (s: string) => void): Promise<IngestScaleSection> {
  const corpus = path.join(ws.dir, `scale-corpus-${documents}`);
  const index = path.join(ws.dir, `scale-index-${documents}`);
  say(`ingest at scale: writing ${documents} documents`);
  const files = writeSyntheticDocuments(ws.seedsDir, corpus, documents);
  const args = ['--index', index, '--corpus', corpus];
  const limit = 60 * 60 * 1000;
  say(`ingest at scale: full build of ${documents} documents`);
  const full = await runChild([...args, '--rebuild'], limit);
  // Files written before the build are recognised by size and time; the changed one is read again.
  appendFileSync(files[Math.floor(files.length / 2)], '\n社区服务中心调整了办公时间，工作日上午九点开门。\n');
  say('ingest at scale: one document changed');
  const changedOne = await runChild(args, limit);
  say('ingest at scale: nothing changed');
  const unchanged = await runChild(args, limit);
  return { documents, full, changedOne, unchanged, changedOneRatio: changedOne.ms / full.ms };
}
