// The evaluator's report: ONE self-contained HTML file (inline CSS and SVG, no scripts, no external
// resources) that opens offline. Every piece of question, answer and source text is HTML-escaped;
// gold strings are highlighted with <mark> using the same normalised matching as the metrics.
import type { RetrievalMode } from '../src/ports.js';
import { findGoldSpans, isFailure, overallAndLanguages, type EvalResult, type Metrics, type ModeSummary, type Summary } from './metrics.js';

export interface ReportInput {
  summary: Summary;
  results: readonly EvalResult[];
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text with every gold string occurrence wrapped in <mark>. */
export function highlightGold(text: string, golds: readonly string[]): string {
  const spans = golds.length ? findGoldSpans(text, golds) : [];
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += escapeHtml(text.slice(at, s.start)) + '<mark>' + escapeHtml(text.slice(s.start, s.end)) + '</mark>';
    at = s.end;
  }
  return out + escapeHtml(text.slice(at));
}

const MODE_COLORS: Record<string, string> = { hybrid: '#4e79a7', lexical: '#f28e2b', dense: '#59a14f' };
const color = (mode: string, i: number) => MODE_COLORS[mode] ?? ['#76b7b2', '#e15759', '#b07aa1'][i % 3];

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const fmtMs = (v: number | null) => (v === null ? '–' : `${Math.round(v)}`);

function okModes(summary: Summary): [RetrievalMode, ModeSummary][] {
  return (Object.entries(summary.modes) as [RetrievalMode, Summary['modes'][RetrievalMode]][])
    .filter((e): e is [RetrievalMode, ModeSummary] => e[1]?.status === 'ok');
}

// ---------- summary table ----------

function metricCells(m: Metrics): string {
  return [
    String(m.n), String(m.answerable), String(m.unanswerable),
    fmt(m.hit_at_1), fmt(m.hit_at_5), fmt(m.mrr_at_10), fmt(m.doc_hit_at_5), fmt(m.baseline_doc_hit_at_5), fmt(m.bm25_doc_hit_at_5),
    fmt(m.answer_accuracy), fmt(m.fact_in_first_80),
    fmt(m.abstention_recall), fmt(m.false_abstain_rate), fmt(m.safe_rate),
    fmtMs(m.latency_ms.p50), fmtMs(m.latency_ms.p95), String(m.errors),
  ].map((c) => `<td class="num">${escapeHtml(c)}</td>`).join('');
}

// Soft hyphens (\u00ad): long headers may break there, so the table fits 1400 px.
const SUMMARY_HEAD = ['mode', 'group', 'n', 'answer\u00adable', 'un\u00adanswer\u00adable', 'hit@1', 'hit@5', 'MRR@10', 'doc hit@5', 'MiniSearch doc hit@5', 'BM25 chunks doc hit@5', 'answer acc.', 'fact in first 80', 'abstention recall', 'false abstain', 'safe', 'p50 ms', 'p95 ms', 'errors'];

/** Which models each mode that ran used (embedding for dense and hybrid; the cross-encoder when RERANK_MODEL ran). */
function modelsLine(summary: Summary): string {
  const parts = Object.entries(summary.modes).flatMap(([mode, m]) =>
    m?.status === 'ok' && (m.embedding_model || m.rerank_model)
      ? [`${escapeHtml(mode)}: ${[m.embedding_model ? `embedding <code>${escapeHtml(m.embedding_model)}</code>` : '', m.rerank_model ? `reranked by <code>${escapeHtml(m.rerank_model)}</code>` : ''].filter(Boolean).join(', ')}`]
      : [],
  );
  return parts.length ? `<p class="meta">models: ${parts.join(' · ')}</p>` : '';
}

function summaryTable(summary: Summary, id = 'summary'): string {
  const head = SUMMARY_HEAD;
  const rows: string[] = [];
  for (const [mode, m] of Object.entries(summary.modes)) {
    if (!m) continue;
    if (m.status === 'skipped') {
      rows.push(`<tr class="summary-row skipped"><th scope="row">${escapeHtml(mode)}</th><td colspan="${head.length - 1}">skipped: ${escapeHtml(m.reason)}</td></tr>`);
      continue;
    }
    rows.push(`<tr class="summary-row overall"><th scope="row">${escapeHtml(mode)}</th><td>all</td>${metricCells(m.overall)}</tr>`);
    for (const [lang, lm] of Object.entries(m.by_lang)) rows.push(`<tr class="summary-row"><th scope="row">${escapeHtml(mode)}</th><td>lang = ${escapeHtml(lang)}</td>${metricCells(lm)}</tr>`);
    for (const [tag, tm] of Object.entries(m.by_tag)) rows.push(`<tr class="summary-row by-tag"><th scope="row">${escapeHtml(mode)}</th><td>tag = ${escapeHtml(tag)}</td>${metricCells(tm)}</tr>`);
  }
  return `<div class="scroll"><table id="${escapeHtml(id)}" class="summary"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

// ---------- charts (inline SVG) ----------

/** Every headline metric by its label; charts and tables pick from it. */
const METRICS = {
  'hit@1': (m: Metrics) => m.hit_at_1,
  'hit@5': (m: Metrics) => m.hit_at_5,
  'MRR@10': (m: Metrics) => m.mrr_at_10,
  'doc hit@5': (m: Metrics) => m.doc_hit_at_5,
  'MiniSearch doc hit@5': (m: Metrics) => m.baseline_doc_hit_at_5,
  'BM25 chunks doc hit@5': (m: Metrics) => m.bm25_doc_hit_at_5,
  'answer acc.': (m: Metrics) => m.answer_accuracy,
  'fact in first 80': (m: Metrics) => m.fact_in_first_80,
  'abstention recall': (m: Metrics) => m.abstention_recall,
  'false abstain': (m: Metrics) => m.false_abstain_rate,
} as const;
type MetricLabel = keyof typeof METRICS;
const pickMetrics = (labels: MetricLabel[]): [string, (m: Metrics) => number | null][] => labels.map((l) => [l, METRICS[l]]);

const CHART_METRICS = pickMetrics(['hit@1', 'hit@5', 'MRR@10', 'doc hit@5', 'answer acc.', 'fact in first 80', 'abstention recall', 'false abstain']);

function legend(modes: string[], x: number, y: number): string {
  return modes.map((mode, i) => `<rect x="${x + i * 110}" y="${y}" width="12" height="12" fill="${color(mode, i)}"/><text x="${x + i * 110 + 18}" y="${y + 11}">${escapeHtml(mode)}</text>`).join('');
}

/** Grouped bars: one group per metric, one bar per mode, values 0..1 labelled on top. */
export function modeComparisonChart(summary: Summary): string {
  const modes = okModes(summary);
  if (modes.length === 0) return '<p class="empty">No mode ran, so there is nothing to compare.</p>';
  const W = 860, H = 300, left = 40, top = 30, bottom = 50, plotH = H - top - bottom;
  const groupW = (W - left - 10) / CHART_METRICS.length;
  const barW = Math.min(36, (groupW - 16) / modes.length);
  const parts: string[] = [];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + plotH * (1 - t);
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${y}" y2="${y}" class="grid"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${t.toFixed(2)}</text>`);
  }
  CHART_METRICS.forEach(([label, get], gi) => {
    const gx = left + gi * groupW + (groupW - barW * modes.length) / 2;
    modes.forEach(([mode, m], mi) => {
      const v = get(m.overall);
      const x = gx + mi * barW;
      const h = v === null ? 0 : plotH * Math.max(0, Math.min(1, v));
      parts.push(`<rect class="bar" x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(barW - 3).toFixed(1)}" height="${h.toFixed(1)}" fill="${color(mode, mi)}"><title>${escapeHtml(`${mode} ${label}: ${fmt(v)}`)}</title></rect>`);
      parts.push(`<text class="val" x="${(x + (barW - 3) / 2).toFixed(1)}" y="${(top + plotH - h - 4).toFixed(1)}" text-anchor="middle">${escapeHtml(fmt(v))}</text>`);
    });
    parts.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${H - bottom + 18}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  parts.push(legend(modes.map(([mode]) => mode), left, H - 18));
  return `<svg id="mode-chart" role="img" aria-label="Metrics by retrieval mode" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

/** Latency histogram: shared bins over every answered question, bars side by side per mode. */
export function latencyHistogram(results: readonly EvalResult[], bins = 12): string {
  const byMode = new Map<string, number[]>();
  for (const r of results) if (!r.error) byMode.set(r.mode, [...(byMode.get(r.mode) ?? []), r.latency_ms]);
  const all = [...byMode.values()].flat();
  if (all.length === 0) return '<p class="empty">No latencies recorded.</p>';
  const max = Math.max(...all);
  const width = max > 0 ? max / bins : 1;
  const counts = [...byMode.entries()].map(([mode, values]) => {
    const c = new Array<number>(bins).fill(0);
    for (const v of values) c[Math.min(bins - 1, Math.floor(v / width))]++;
    return [mode, c] as const;
  });
  const peak = Math.max(...counts.flatMap(([, c]) => c));
  const W = 860, H = 260, left = 40, top = 20, bottom = 56, plotH = H - top - bottom;
  const binW = (W - left - 10) / bins;
  const barW = (binW - 4) / counts.length;
  const parts: string[] = [];
  // Integer ticks only: counts of questions.
  for (const tick of [...new Set([0, Math.round(peak / 2), peak])]) {
    const y = top + plotH * (1 - (peak ? tick / peak : 0));
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${y}" y2="${y}" class="grid"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${tick}</text>`);
  }
  counts.forEach(([mode, c], mi) => {
    c.forEach((count, b) => {
      const h = peak ? (plotH * count) / peak : 0;
      const x = left + b * binW + 2 + mi * barW;
      parts.push(`<rect class="bar" x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${Math.max(1, barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${color(mode, mi)}"><title>${escapeHtml(`${mode}: ${count} question(s) in ${Math.round(b * width)}–${Math.round((b + 1) * width)} ms`)}</title></rect>`);
    });
  });
  for (let b = 0; b <= bins; b += 2) parts.push(`<text x="${(left + b * binW).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${Math.round(b * width)}</text>`);
  parts.push(`<text x="${W / 2}" y="${H - bottom + 32}" text-anchor="middle">latency per question (ms)</text>`);
  parts.push(legend(counts.map(([mode]) => mode), left, H - 16));
  return `<svg id="latency-chart" role="img" aria-label="Latency histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

// ---------- reliability ----------

/**
 * How often answers at each confidence level were right: one table row per confidence bin and mode,
 * and bars of accuracy per bin beside the diagonal a well-calibrated service would follow.
 */
export function reliabilityView(summary: Summary): string {
  const modes = okModes(summary).filter(([, m]) => (m.reliability ?? []).length > 0);
  if (modes.length === 0) return '<p class="empty">The service reported no confidence with its answers, so there is no reliability view.</p>';
  const rows = modes.flatMap(([mode, m]) => m.reliability.map((b) =>
    `<tr><th scope="row">${escapeHtml(mode)}</th><td class="num">${b.from.toFixed(1)}–${b.to.toFixed(1)}</td><td class="num">${b.answered}</td><td class="num">${b.right}</td><td class="num">${fmt(b.accuracy)}</td></tr>`));
  const table = `<table class="reliability"><thead><tr><th scope="col">mode</th><th scope="col">confidence</th><th scope="col">answers</th><th scope="col">right</th><th scope="col">share right</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const bins = modes[0][1].reliability.length;
  const W = 520, H = 240, left = 40, top = 16, bottom = 50, plotW = W - left - 10, plotH = H - top - bottom;
  const binW = plotW / bins;
  const barW = (binW - 6) / modes.length;
  const parts: string[] = [];
  for (const t of [0, 0.5, 1]) {
    const y = top + plotH * (1 - t);
    parts.push(`<line x1="${left}" x2="${W - 10}" y1="${y}" y2="${y}" class="grid"/><text x="${left - 6}" y="${y + 4}" text-anchor="end">${t.toFixed(1)}</text>`);
  }
  parts.push(`<line class="diagonal" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top}" stroke="#999" stroke-dasharray="4 3"/>`);
  modes.forEach(([mode, m], mi) => {
    m.reliability.forEach((b, bi) => {
      const v = b.accuracy ?? 0;
      const h = plotH * v;
      const x = left + bi * binW + 3 + mi * barW;
      parts.push(`<rect class="bar" x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${Math.max(1, barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${color(mode, mi)}"><title>${escapeHtml(`${mode}, confidence ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.right} of ${b.answered} right`)}</title></rect>`);
    });
  });
  for (let b = 0; b <= bins; b++) parts.push(`<text x="${(left + b * binW).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${(b / bins).toFixed(1)}</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${H - bottom + 32}" text-anchor="middle">confidence the service reported</text>`);
  parts.push(legend(modes.map(([mode]) => mode), left, H - 14));
  const chart = `<svg class="reliability-chart" role="img" aria-label="Share of answers right per confidence bin" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
  return `<div class="reliability-view">${chart}${table}</div>`;
}

// ---------- per-question table ----------

const MODE_ORDER: Record<string, number> = { hybrid: 0, lexical: 1, dense: 2 };

/** Failures first, then by id and mode, so the evaluator reads what went wrong at the top. */
export function orderResults(results: readonly EvalResult[]): EvalResult[] {
  return [...results].sort((a, b) =>
    Number(isFailure(b)) - Number(isFailure(a)) || a.id.localeCompare(b.id) || (MODE_ORDER[a.mode] ?? 9) - (MODE_ORDER[b.mode] ?? 9));
}

function verdict(r: EvalResult): string {
  if (r.error) return 'error';
  if (!r.safe) return 'unsafe echo';
  if (r.unanswerable) return r.abstained ? 'abstained ✓' : 'answered (should abstain)';
  if (r.abstained) return 'abstained (should answer)';
  if (!r.answer_correct && r.hit_rank === null) return 'wrong, not retrieved';
  if (!r.answer_correct) return `wrong answer (gold at #${r.hit_rank})`;
  if (r.hit_rank === null) return 'right answer, gold not in sources';
  return 'correct ✓';
}

function sourcesDetails(r: EvalResult): string {
  if (r.sources.length === 0) return '<span class="muted">no sources</span>';
  const items = r.sources.map((s) => {
    const golds = s.gold ? r.gold_answers : [];
    return `<li class="source${s.gold ? ' gold' : ''}"><div class="src-head">#${s.rank} · ${escapeHtml(s.title)} — <code>${escapeHtml(s.doc)}</code> · score ${escapeHtml(s.score.toFixed(3))}${r.citations.includes(s.rank) ? ' · <b>cited</b>' : ''}</div><div class="src-text">${highlightGold(s.text, golds)}</div></li>`;
  });
  const count = `${r.sources.length} source${r.sources.length === 1 ? '' : 's'}`;
  const label = r.hit_rank === null ? count : `${count} · gold at #${r.hit_rank}`;
  return `<details><summary>${escapeHtml(label)}</summary><ol class="sources">${items.join('')}</ol></details>`;
}

function questionRow(r: EvalResult): string {
  const fail = isFailure(r);
  const tags = r.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ');
  const gold = r.unanswerable ? '<span class="muted">(unanswerable)</span>' : r.gold_answers.map((g) => `<span class="gold-str">${escapeHtml(g)}</span>`).join(' ');
  const answer = r.error ? `<span class="err">${escapeHtml(r.error)}</span>` : highlightGold(r.answer, r.abstained ? [] : r.gold_answers);
  return `<tr class="q-row ${fail ? 'fail' : 'pass'}" data-id="${escapeHtml(r.id)}" data-mode="${escapeHtml(r.mode)}">`
    + `<td class="verdict">${escapeHtml(verdict(r))}</td>`
    + `<td><code>${escapeHtml(r.id)}</code><br><span class="muted">${escapeHtml(r.mode)} · ${escapeHtml(r.lang)}${r.confidence === null || r.confidence === undefined ? '' : ` · conf ${r.confidence.toFixed(2)}`}</span><br>${tags}</td>`
    + `<td class="question">${escapeHtml(r.question)}</td>`
    + `<td class="answer">${answer}${r.abstained ? ' <span class="badge">abstained</span>' : ''}</td>`
    + `<td>${gold}${r.gold_doc ? `<br><code class="muted">${escapeHtml(r.gold_doc)}</code>` : ''}</td>`
    + `<td class="num">${r.hit_rank ?? '–'}</td>`
    + `<td class="num">${Math.round(r.latency_ms)}</td>`
    + `<td class="sources-cell">${sourcesDetails(r)}</td></tr>`;
}

function questionTable(results: readonly EvalResult[]): string {
  const head = ['verdict', 'id', 'question', 'answer', 'gold', 'hit rank', 'ms', 'sources'];
  const cols = ['verdict', 'id', 'q', 'a', 'gold', 'rank', 'ms', 'src'].map((c) => `<col class="c-${c}">`).join('');
  return `<table id="questions"><colgroup>${cols}</colgroup><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${orderResults(results).map(questionRow).join('')}</tbody></table>`;
}

// ---------- page ----------

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta,.muted{color:#666}.empty{color:#666;font-style:italic}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#f3f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.summary tr.overall{background:#eef4fb;font-weight:600}table.summary tr:not(.skipped) td:nth-child(2){white-space:nowrap}table.summary tr.by-tag td,table.summary tr.by-tag th{color:#444;font-size:13px}
table.summary tr.skipped td{color:#8a5a00;background:#fff8e6;white-space:normal;overflow-wrap:anywhere}
.scroll{max-width:100%;overflow-x:auto}table.summary{font-size:13px}table.reliability{width:auto}td.answer,td.question,.src-text{overflow-wrap:anywhere}
tr.q-row.fail{background:#fdf1f1}tr.q-row.fail td.verdict{color:#b00020;font-weight:600}tr.q-row.pass td.verdict{color:#1b7f3b}
#questions{table-layout:fixed}#questions col.c-verdict{width:9%}#questions col.c-id{width:10%}#questions col.c-q{width:17%}#questions col.c-a{width:26%}#questions col.c-gold{width:10%}#questions col.c-rank{width:5%}#questions col.c-ms{width:4%}#questions col.c-src{width:19%}
td.answer{white-space:pre-wrap}
mark{background:#ffe066;padding:0 1px}.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 4px;margin:1px;font-size:12px}
.gold-str{display:inline-block;background:#fff3bf;border-radius:3px;padding:0 4px;margin:1px}.badge{background:#ddd;border-radius:3px;padding:0 4px;font-size:12px}
.err{color:#b00020}ol.sources{padding-left:18px;margin:6px 0}li.source{margin-bottom:6px}li.source.gold .src-head{color:#1b7f3b}
.src-head{font-size:12px;color:#555}.src-text{white-space:pre-wrap;font-size:13px}details summary{cursor:pointer;color:#1f5faa}
svg text{font-size:12px;fill:#333}svg .grid{stroke:#e5e5e5}svg .val{font-size:11px}
.legend-note{font-size:12px;color:#666}
.reliability-view{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}table.set-overview{width:auto}
`;

export function renderReport(input: ReportInput): string {
  const { summary, results } = input;
  const title = input.title ?? 'Answer bot evaluation';
  const failures = results.filter(isFailure).length;
  const problems = summary.question_file_problems;
  const problemList = problems.length
    ? `<details><summary>${problems.length} question-file problem(s)</summary><ul>${problems.map((p) => `<li>line ${p.line}: ${escapeHtml(p.message)}${p.skipped ? ' (skipped)' : ''}</li>`).join('')}</ul></details>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Generated ${escapeHtml(summary.generated_at)} · questions: <code>${escapeHtml(summary.questions_file)}</code> (${summary.questions}) · k = ${summary.k} · ${results.length} results, ${failures} failing</p>
${problemList}
<h2>Summary</h2>
${summary.corpus || summary.baseline ? `<p class="meta">${summary.corpus ? `corpus: <code>${escapeHtml(summary.corpus)}</code>` : ''}${summary.corpus && summary.baseline ? ' · ' : ''}${summary.baseline ? `plain peers: ${escapeHtml(summary.baseline)}` : ''}</p>` : ''}
<p class="legend-note">hit@k, MRR@10, doc hit@5 (the gold document among the top 5 sources), the plain peers' doc hit@5 (MiniSearch over whole documents; BM25 over the bot's chunks), answer accuracy, fact in first 80 (a gold string within the answer's first 80 characters) and false abstain are over answerable questions; abstention recall is over unanswerable ones; safe = the answer does not echo markup or mentions from the question. Latency is the wall-clock time of one ask call.</p>
${modelsLine(summary)}
${summaryTable(summary)}
<h2>Reliability</h2>
<p class="legend-note">Answers (not abstentions) grouped by the confidence the service reported in <code>ask --json</code>; bars show the share that was right, the dashed diagonal what a well-calibrated service would show. An answer to an unanswerable question counts as wrong.</p>
${reliabilityView(summary)}
<h2>Modes compared</h2>
${modeComparisonChart(summary)}
<h2>Latency</h2>
${latencyHistogram(results)}
<h2>Questions (failures first)</h2>
${questionTable(results)}
</body></html>
`;
}

// ---------- several sets in one report (--suite) ----------

export interface SetReport {
  name: string;
  summary: Summary;
  results: readonly EvalResult[];
}

const OVERVIEW = pickMetrics(['hit@5', 'doc hit@5', 'MiniSearch doc hit@5', 'BM25 chunks doc hit@5', 'answer acc.', 'fact in first 80', 'false abstain', 'abstention recall']);

/** One report over several question sets / corpora: an overview row per set and mode, then each set's tables. */
export function renderSuiteReport(sets: readonly SetReport[], title = 'Answer bot evaluation: several sets'): string {
  const overviewRows = sets.flatMap(({ name, summary }) => Object.entries(summary.modes).flatMap(([mode, m]) => {
    if (!m) return [];
    if (m.status === 'skipped') return [`<tr class="skipped"><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(mode)}</td><td colspan="${OVERVIEW.length + 2}">skipped: ${escapeHtml(m.reason)}</td></tr>`];
    return overallAndLanguages(m).map(([group, g]) => {
      const below = g.doc_hit_at_5 !== null && [g.baseline_doc_hit_at_5, g.bm25_doc_hit_at_5].some((peer) => peer !== null && g.doc_hit_at_5! < peer);
      const cls = [group === 'all' ? 'overall' : 'by-lang', below ? 'below-baseline' : ''].filter(Boolean).join(' ');
      return `<tr class="${cls}"><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(mode)}</td><td>${escapeHtml(group)}</td><td class="num">${g.n}</td>${OVERVIEW.map(([, get]) => `<td class="num">${fmt(get(g))}</td>`).join('')}</tr>`;
    });
  }));
  const overview = `<div class="scroll"><table id="overview" class="summary set-overview"><thead><tr><th scope="col">set</th><th scope="col">mode</th><th scope="col">group</th><th scope="col">n</th>${OVERVIEW.map(([h]) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${overviewRows.join('')}</tbody></table></div>`;
  const sections = sets.map(({ name, summary, results }) => `<section class="set" id="set-${escapeHtml(name)}">
<h2>${escapeHtml(name)}</h2>
<p class="meta">questions: <code>${escapeHtml(summary.questions_file)}</code> (${summary.questions})${summary.corpus ? ` · corpus: <code>${escapeHtml(summary.corpus)}</code>` : ''} · ${results.filter(isFailure).length} failing of ${results.length} · per-question details: <a href="${escapeHtml(encodeURIComponent(name))}/report.html">${escapeHtml(name)}/report.html</a></p>
${summaryTable(summary, `summary-${name}`)}
<h3>Reliability</h3>
${reliabilityView(summary)}
</section>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}tr.below-baseline{background:#fdf1f1}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${sets.length} set(s), each on its own index. Rows shaded red: the bot's document-level hit@5 is below a plain peer's (MiniSearch over whole documents, or BM25 over the bot's chunks).</p>
<h2>Overview</h2>
${overview}
${sections.join('\n')}
</body></html>
`;
}
