// bench.json's shape, the issue's targets checked against it, and bench.md (a table per section).
import { ASK_COMPILED, NODE_BASELINE, type AskSection } from './sections/ask.js';
import type { IngestSection } from './sections/ingest.js';
import type { IngestScaleSection } from './sections/ingest-scale.js';
import type { Growth, KeywordScale } from './sections/scale.js';
import type { PeerRatios, PeersSection } from './sections/peers.js';
import type { ReplicaSection } from './sections/replicas.js';
import type { MachineInfo } from './lib/machine.js';
import type { Latency } from './lib/stats.js';

export interface BenchResult {
  meta: { date: string; command: string; quick: boolean; durationMs: number; machine: MachineInfo; corpus: { sentences: number; targetChars: number; queries: number } | null };
  ask: AskSection | null;
  ingest: IngestSection | null;
  /** Absent in results written before this section existed. */
  ingestScale?: IngestScaleSection | null;
  scale: { keyword: KeywordScale | null; vectorSizes: number[] };
  peers: PeersSection | null;
  /** 1 vs 3 replicas behind nginx on PostgreSQL (absent in plans without it). */
  replicas?: ReplicaSection | null;
  targets: Target[];
  errors: string[];
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  /** null when the run did not measure it. */
  pass: boolean | null;
}

const ms = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '–' : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const num = (v: number | null | undefined, d = 0): string => (v == null || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const x = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`);
const pct = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`);
const mbs = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '–' : v.toFixed(0));
const bytes = (v: number | null | undefined): string => (v == null ? '–' : v >= 1024 ** 3 ? `${(v / 1024 ** 3).toFixed(2)} GB` : v >= 1024 ** 2 ? `${(v / 1024 ** 2).toFixed(1)} MB` : `${(v / 1024).toFixed(0)} KB`);
const size = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const verdict = (p: boolean | null): string => (p === null ? 'not measured' : p ? '**pass**' : '**miss**');

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function checkTargets(r: BenchResult): Target[] {
  const t: Target[] = [];
  const lexical = r.ask?.modes.find((m) => m.mode === 'lexical');
  t.push({ name: 'ask, lexical, warm, p95', target: '≤ 20 ms', measured: `${ms(lexical?.latency.p95)} ms`, pass: lexical ? lexical.latency.p95 <= 20 : null });
  const nodeBaseline = r.ask?.coldStart.find((c) => c.label === NODE_BASELINE)?.firstAnswer.p50;
  for (const c of r.ask?.coldStart.filter((c) => c.label.startsWith(ASK_COMPILED)) ?? []) {
    const v = c.firstAnswer.p50;
    const which = c.label.replace(`${ASK_COMPILED}, `, '');
    t.push({ name: `cold start to first answer (median), compiled, ${which}`, target: '≤ 1.5 s', measured: `${ms(v)} ms`, pass: Number.isFinite(v) ? v <= 1500 : null });
    const ratio = nodeBaseline ? v / nodeBaseline : NaN;
    t.push({ name: `cold start to first answer vs \`node -e 0\` (medians, same run), compiled, ${which}`, target: '≤ 5×', measured: Number.isFinite(ratio) ? `${ratio.toFixed(1)}× (${ms(v)} vs ${ms(nodeBaseline)} ms)` : '–', pass: Number.isFinite(ratio) ? ratio <= 5 : null });
  }
  const kw = r.scale.keyword?.rows ?? [];
  const k100 = kw.find((row) => row.size === 100_000);
  t.push({ name: 'keyword search at 100k chunks, p95', target: '≤ 5 ms', measured: `${ms(k100?.latency?.p95)} ms`, pass: k100?.latency ? k100.latency.p95 <= 5 : null });
  // Each peer is compared at the largest size both engines finished (100k in the full run).
  const speed = r.peers?.keywordSpeed ?? [];
  const quality = (e: string) => r.peers?.keywordQuality.find((q) => q.engine === e)?.hitAt5;
  const peerNames = [...new Set(speed.filter((s) => s.engine !== 'ours').map((s) => s.engine))];
  for (const name of peerNames) {
    const common = speed.filter((s) => s.engine === name && s.latency && speed.some((o) => o.engine === 'ours' && o.size === s.size && o.latency)).sort((a, b) => b.size - a.size)[0];
    const peer = common ?? speed.find((s) => s.engine === name)!;
    const ours = speed.find((s) => s.engine === 'ours' && s.size === peer.size);
    const qo = quality('ours');
    const qt = quality(name);
    const faster = ours?.latency && peer.latency ? ours.latency.p95 < peer.latency.p95 && ours.latency.p50 < peer.latency.p50 : null;
    const hitOk = qo != null && qt != null ? qo >= qt : null;
    t.push({
      name: `keyword at ${size(peer.size)} faster than ${peer.label ?? peer.engine} (p50 and p95) at ≥ its hit@5`,
      target: 'faster, hit@5 ≥',
      measured: peer.error ? `peer failed: ${peer.error.slice(0, 80)}` : `p95 ${ms(ours?.latency?.p95)} vs ${ms(peer.latency?.p95)} ms; hit@5 ${pct(qo)} vs ${pct(qt)}`,
      pass: faster === null || hitOk === null ? null : faster && hitOk,
    });
  }
  const k1m = kw.find((row) => row.size === 1_000_000);
  t.push({ name: 'keyword index at 1M chunks, serving RSS', target: '≤ 4 GB', measured: `${mbs(k1m?.serveRssMb)} MB serving; build peak ${mbs(k1m?.buildPeakRssMb)} MB`, pass: k1m?.serveRssMb != null ? k1m.serveRssMb <= 4096 : null });
  const v = r.peers?.vector.filter((run) => run.size === 100_000) ?? [];
  const ours = v.find((run) => run.engine === 'ours');
  t.push({ name: 'vector at 100k, recall@10 vs exact', target: '≥ 0.95', measured: ours?.recallAt10 != null ? ours.recallAt10.toFixed(3) : '–', pass: ours?.recallAt10 != null ? ours.recallAt10 >= 0.95 : null });
  const exact = v.find((run) => run.engine === 'exact-js');
  const speedup = ours?.latency && exact?.latency ? exact.latency.p50 / ours.latency.p50 : null;
  t.push({ name: 'vector at 100k, speed vs exact search (JS, MemoryVectorStore-like), p50', target: '≥ 20×', measured: x(speedup), pass: speedup != null ? speedup >= 20 : null });
  const hnswPeers = v.filter((run) => run.engine === 'usearch' && run.latency);
  const fastest = hnswPeers.sort((a, b) => a.latency!.p50 - b.latency!.p50)[0];
  const vsFastest = ours?.latency && fastest?.latency ? ours.latency.p50 / fastest.latency.p50 : null;
  t.push({ name: `vector at 100k, query p50 vs fastest HNSW peer (${fastest?.label ?? 'usearch'})`, target: '≤ 1.5×', measured: x(vsFastest), pass: vsFastest != null ? vsFastest <= 1.5 : null });
  const inc = r.ingest?.unchangedRatio;
  t.push({ name: 'incremental re-ingest, unchanged corpus, vs full build', target: '< 5%', measured: `${pct(inc)} (embedded ${r.ingest?.median.unchanged.embedded ?? '–'})`, pass: inc != null ? inc < 0.05 && r.ingest!.median.unchanged.embedded === 0 : null });
  const is = r.ingestScale;
  t.push({ name: `re-ingest after one document changed, ${is ? size(is.documents) : '10k'}-document corpus, vs full build`, target: '< 5%', measured: `${pct(is?.changedOneRatio)} (${is ? `${ms(is.changedOne.ms / 1000)} s of ${ms(is.full.ms / 1000)} s` : '–'})`, pass: is ? is.changedOneRatio < 0.05 : null });
  t.push({ name: `${is ? size(is.documents) : '10k'}-document ingest: peak RSS, progress lines`, target: 'bounded; progress shown', measured: is ? `${mbs(is.full.peakRssMb)} MB, ${is.full.progressLines} progress lines` : '–', pass: is ? is.full.progressLines > 0 : null });
  return t;
}

function latencyCells(l: Latency | undefined): string[] {
  return [ms(l?.p50), ms(l?.p95), ms(l?.p99)];
}

function growthTable(growth: Growth[]): string {
  return table(['cost', 'growth per 10× chunks'], growth.map((g) => [g.metric, g.per10x == null ? '–' : `${g.per10x.toFixed(1)}× ${g.per10x < 12 ? '(≈ linear or better)' : '(worse than linear)'}`]));
}

function ratioTable(ratios: PeerRatios[], qualityName: string): string {
  return table(
    ['vs peer', 'size', 'build time', 'query p50', 'query p95', 'memory', `${qualityName} (ours − theirs)`],
    ratios.map((r) => [r.peer, size(r.size), x(r.buildTime), x(r.queryP50), x(r.queryP95), x(r.memory), r.qualityDelta == null ? '–' : `${r.qualityDelta >= 0 ? '+' : ''}${(r.qualityDelta * 100).toFixed(1)} pts`]),
  );
}

export function renderMarkdown(r: BenchResult): string {
  const m = r.meta.machine;
  const out: string[] = [];
  out.push(`# Benchmark${r.meta.quick ? ' (quick: smoke sizes, targets apply to the full run)' : ''}`);
  out.push('');
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}, Node ${m.node}`);
  out.push(`- Date: ${r.meta.date}; run took ${(r.meta.durationMs / 60_000).toFixed(1)} min; 1-min load average ${m.loadStart.toFixed(2)} at start, ${m.loadEnd?.toFixed(2) ?? '–'} at end (other work on the machine inflates timings)`);
  out.push(`- Command: \`${r.meta.command}\``);
  if (r.meta.corpus) out.push(`- Synthetic corpora: ${r.meta.corpus.sentences} distinct seed sentences recombined with a fixed-seed PRNG into chunks of ~${r.meta.corpus.targetChars} characters (the seeds' mean); queries: the ${r.meta.corpus.queries} Chinese eval questions as search tokens; k = 10.`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push(table(['target', 'goal', 'measured', 'result'], r.targets.map((t) => [t.name, t.target, t.measured, verdict(t.pass)])));

  if (r.ask) {
    out.push('', '## 1. Answer latency on the seeds', '');
    out.push(`Warm, in process: \`service.ask\` (retrieve + extractive answer + interaction log write) over all ${r.ask.questions} eval questions × ${r.ask.reps}, ${r.ask.chunks} chunks. Dense and hybrid use the generated tiny test model (real ONNX inference through transformers.js, tiny weights).`, '');
    out.push(table(['mode', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'fell back'], r.ask.modes.map((mo) => [mo.mode, mo.latency.n, ...latencyCells(mo.latency), ms(mo.latency.mean), mo.fellBack])));
    out.push('', 'Cold start: a fresh process from spawn to the answer on stdout (baselines: to exit), existing index; median and min of the runs after one uncounted run (fills the OS file cache and tsx\'s compile cache); `npm run ask` runs the compiled row, development the tsx row.', '');
    out.push(table(['process', 'runs', 'median ms', 'min ms', 'max ms', 'failures'], r.ask.coldStart.map((c) => [`${c.label}: \`${c.command}\``, c.firstAnswer.n, ms(c.firstAnswer.p50), ms(c.firstAnswer.min), ms(c.firstAnswer.max), c.failures.length ? c.failures[0].slice(0, 100) : 0])));
  }
  if (r.ingest) {
    const i = r.ingest;
    out.push('', '## 2. Ingest', '');
    out.push(`Seeds (${i.documents} documents), embedding with ${i.model}; median of ${i.full.length} runs each, after one untimed warm-up build.`, '');
    const row = (name: string, run: typeof i.median.full, rel: string) => [name, ms(run.ms), run.chunks, run.embedded, num(run.chunksPerSecond), rel];
    out.push(table(['run', 'ms', 'chunks', 'embedded', 'chunks/s', 'vs full build'], [row('full build (--rebuild)', i.median.full, '100%'), row('re-run, unchanged corpus', i.median.unchanged, pct(i.unchangedRatio)), row('re-run, one document changed', i.median.changedOne, pct(i.changedOneRatio))]));
  }
  const is = r.ingestScale;
  if (is) {
    out.push('', `### Ingest at scale: ${size(is.documents)} documents`, '');
    out.push(`A synthetic corpus of ${is.documents} Chinese notice-like .txt files (the seed pages' sentences recombined, fixed seed, 100 files a folder), lexical-only (no embedding: the hardest case for the ratio, since embedding only grows the full build), each run in a fresh process. The changed document is re-read and re-tokenised; the other documents keep their per-document parts (corpus-dictionary part, place names) and their rows of the previous keyword index.`, '');
    const row = (name: string, run: typeof is.full, rel: string) => [name, ms(run.ms), run.chunks, `${run.added}/${run.updated}/${run.unchanged}`, mbs(run.peakRssMb), run.progressLines, rel];
    out.push(table(['run', 'ms', 'chunks', 'added/updated/unchanged', 'peak RSS MB', 'progress lines', 'vs full build'], [row('full build (--rebuild)', is.full, '100%'), row('one document changed', is.changedOne, pct(is.changedOneRatio)), row('nothing changed', is.unchanged, pct(is.unchanged.ms / is.full.ms))]));
  }
  const kw = r.scale.keyword;
  if (kw) {
    out.push('', '## 3. Scale', '', '### Keyword index (BM25, ours)', '');
    out.push('Build and serve each run in a fresh process. Build peak RSS includes the corpus\'s token arrays held in memory; serving RSS is a process that loaded the saved index and ran the queries.', '');
    out.push(table(['chunks', 'tokens', 'build s', 'save ms', 'on disk', 'build peak RSS MB', 'load ms', 'query p50 ms', 'p95 ms', 'p99 ms', 'serving RSS MB'], kw.rows.map((row) => row.error && !row.buildMs ? [size(row.size), `failed: ${row.error.slice(0, 120)}`, '', '', '', '', '', '', '', '', ''] : [size(row.size), num(row.tokens), ms((row.buildMs ?? NaN) / 1000), ms(row.saveMs), bytes(row.bytes), mbs(row.buildPeakRssMb), ms(row.loadMs), ...latencyCells(row.latency), mbs(row.serveRssMb)])));
    out.push('', growthTable(kw.growth));
  }
  const p = r.peers;
  if (p) {
    const ours = p.vector.filter((v) => v.engine === 'ours');
    out.push('', '### Vector index (HNSW, ours)', '');
    out.push(`384-d unit vectors from a fixed-seed mixture of 1000 Gaussian clusters (clustered like sentence embeddings); ${p.vectorQueries} held-out queries; recall@10 against exact search; M=16, efConstruction=200, ef=128. Memory: RSS growth while building, in a fresh process.`, '');
    out.push(table(['vectors', 'build s', 'query p50 ms', 'p95 ms', 'recall@10', 'memory MB', 'on disk'], ours.map((v) => [size(v.size), ms((v.buildMs ?? NaN) / 1000), ms(v.latency?.p50), ms(v.latency?.p95), v.recallAt10?.toFixed(3) ?? (v.error ? `failed: ${v.error.slice(0, 80)}` : '–'), mbs(v.memoryMb), bytes(v.diskBytes)])));
    out.push('', growthTable(p.vectorGrowth));

    out.push('', '## 4. Peers', '', '### Keyword: quality on the seeds', '');
    out.push(`hit@5 over the answerable eval questions with a gold document (n = ${p.keywordQuality[0]?.n ?? 0}): a top-5 chunk from the gold document contains a gold string. Every engine indexes the same chunks with the same tokens (ours, jieba-based) and searches the same question tokens (no English expansion, so English questions rarely hit for anyone; the service's own hit@5 is higher: see npm run eval).`, '');
    out.push(table(['engine', 'hit@5'], p.keywordQuality.map((q) => [q.label, pct(q.hitAt5)])));
    out.push('', '### Keyword: speed and memory on the synthetic corpora', '');
    out.push('Each engine in a fresh process. Memory: growth of JS heap + buffers over the build (after GC); peak RSS includes the corpus\'s token arrays. Slow engines stop timing after the query budget (n shows how many queries were timed).', '');
    out.push(table(['engine', 'chunks', 'build s', 'n', 'query p50 ms', 'p95 ms', 'p99 ms', 'memory MB', 'peak RSS MB'], p.keywordSpeed.map((s) => s.error ? [s.engine, size(s.size), `failed: ${s.error.slice(0, 120)}`, '', '', '', '', '', ''] : [s.label ?? s.engine, size(s.size), ms((s.buildMs ?? NaN) / 1000), s.latency?.n ?? '–', ...latencyCells(s.latency), mbs(s.memoryMb), mbs(s.peakRssMb)])));
    out.push('', 'Ratios, ours ÷ theirs (below 1× means ours is faster or smaller):', '');
    out.push(ratioTable(p.keywordRatios, 'hit@5'));
    out.push('', '### Vector', '');
    out.push('Memory: the larger of RSS growth and JS heap + buffers growth over the build (native graphs live outside the JS heap); the exact engines keep only the input vectors. "On disk" for the exact engines is the raw float32 file (vectors.f32).', '');
    out.push(table(['engine', 'vectors', 'build s', 'n', 'query p50 ms', 'p95 ms', 'recall@10', 'memory MB', 'on disk'], p.vector.map((v) => v.error ? [v.engine, size(v.size), `failed: ${v.error.slice(0, 120)}`, '', '', '', '', '', ''] : [v.label ?? v.engine, size(v.size), ms((v.buildMs ?? NaN) / 1000), v.latency?.n ?? '–', ms(v.latency?.p50), ms(v.latency?.p95), v.recallAt10?.toFixed(3) ?? '–', mbs(v.memoryMb), bytes(v.diskBytes)])));
    out.push('', 'Ratios, ours ÷ theirs:', '');
    out.push(ratioTable(p.vectorRatios, 'recall@10'));
    if (p.notes.length) out.push('', ...p.notes.map((n) => `- ${n}`));
  }
  if (r.errors.length) out.push('', '## Errors', '', ...r.errors.map((e) => `- ${e}`));
  if (r.replicas) {
    const rp = r.replicas;
    out.push('', '## Replicas: 1 vs 3 behind nginx on PostgreSQL', '');
    out.push(`Telegram webhook replicas (real processes, lexical retrieval) behind Debian's nginx, one PostgreSQL, each update a resident's eval question in its own chat, sent ${rp.runs[0]?.concurrency ?? '–'} at a time; latency is from the POST to the webhook's 2xx (after the reply went to the local Bot API).`, '');
    out.push(table(['replicas', 'updates', 'seconds', 'updates/s', 'p50 ms', 'p95 ms', 'p99 ms'], rp.runs.map((run) => [run.replicas, run.updates, run.seconds.toFixed(1), num(run.throughput, 1), ...latencyCells(run.latency)])));
    out.push('', `3 vs 1 replicas: throughput ${x(rp.throughputRatio)}, p95 ${x(rp.p95Ratio)}.`);
    out.push('', `What this shows on ${rp.cores} core(s): every replica, PostgreSQL, nginx and the load generator share the same cores, so three replicas cannot be three times faster here; the ratio shows what the shared store costs (delivery claims, the log and turns in PostgreSQL) and whether more processes use the spare core. It does not show scaling across machines, where each replica brings its own cores and the limit becomes PostgreSQL's write rate.`);
  }
  return out.join('\n') + '\n';
}
