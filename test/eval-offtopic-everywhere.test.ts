// eval/offtopic-everywhere.ts: every set's calib off-topic questions, asked of every pooled corpus, summed per language.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, localCorpora, offTopicQuestions, summarise } from '../eval/offtopic-everywhere.js';

const root = path.resolve(__dirname, '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'offtopic-everywhere-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('eval/offtopic-everywhere', () => {
  it('gathers only calib off-topic questions, once each, named by their set, from the off-topic set and the sets\' own', () => {
    const questions = offTopicQuestions(root);
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of questions) {
      expect(q.split).toBe('calib');
      expect(q.unanswerable).toBe(true);
      expect(q.tags).toEqual(['off-topic']);
      expect(q.doc).toBeNull();
    }
    const sets = new Set(ids.map((id) => id.split(':')[0]));
    expect(sets.has('offtopic')).toBe(true);
    expect(sets.size).toBeGreaterThanOrEqual(10);
    // (The report halves stay out: every calib off-topic line of one set's file is there, and none of its others.)
    const file = readFileSync(path.join(root, 'eval/bazaar/questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const expected = file.filter((q) => q.split === 'calib' && q.unanswerable && q.tags?.[0] === 'off-topic').map((q) => `bazaar:${q.id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith('bazaar:')).sort()).toEqual(expected.sort());
  });

  it('asks them of the local-service corpora, not of the Wikipedia articles that answer some', () => {
    const corpora = localCorpora();
    expect(corpora).toContain('seeds');
    expect(corpora).toContain('eval/civic/docs');
    expect(corpora.some((c) => c.includes('cmrc2018'))).toBe(false);
    expect(corpora.some((c) => c.includes('policies'))).toBe(false);
  });

  it('sums abstention per corpus and language from each run\'s results', () => {
    const write = (corpus: string, rows: { lang: string; abstention_ok: boolean }[]) => {
      mkdirSync(path.join(out, corpus), { recursive: true });
      writeFileSync(path.join(out, corpus, 'results.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    };
    write('civic', [{ lang: 'zh', abstention_ok: true }, { lang: 'zh', abstention_ok: false }, { lang: 'en', abstention_ok: true }]);
    write('coast', [{ lang: 'zh', abstention_ok: true }, { lang: 'en', abstention_ok: false }]);
    const rows = summarise(out, ['civic', 'coast']);
    expect(rows).toEqual([
      { corpus: 'civic', zh: { abstained: 1, total: 2 }, en: { abstained: 1, total: 1 } },
      { corpus: 'coast', zh: { abstained: 1, total: 1 }, en: { abstained: 0, total: 1 } },
    ]);
    expect(formatTable(rows).split('\n').pop()).toMatch(/^all\s+zh 2\/3 = 0\.667\s+en 1\/2 = 0\.500$/);
    // A corpus whose run wrote no results is marked failed and left out of the totals; the others still count.
    const withFailed = summarise(out, ['civic', 'delta', 'coast']);
    expect(withFailed[1]).toMatchObject({ corpus: 'delta', zh: { total: 0 }, en: { total: 0 } });
    expect(withFailed[1].failed).toContain('results.jsonl');
    const table = formatTable(withFailed).split('\n');
    expect(table[1]).toMatch(/^delta\s+failed: /);
    expect(table.pop()).toMatch(/^all\s+zh 2\/3 = 0\.667\s+en 1\/2 = 0\.500\s+\(1 failed corpus left out\)$/);
  });
});
