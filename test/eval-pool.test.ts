// eval/pool.ts: the dev corpora pooled into one folder, with every question's gold document renamed to match.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusName, pool, pooledSets } from '../eval/pool.js';

const root = path.resolve(__dirname, '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'pool-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('eval/pool', () => {
  it('copies every document of the pooled sets once, under its set\'s name, and points each gold document at its copy', () => {
    const sets = pooledSets();
    expect(sets.map((s) => s.corpus)).not.toContain('eval/policies/docs');
    const corpora = [...new Set(sets.map((s) => s.corpus))];
    expect(corpora.length).toBeGreaterThanOrEqual(10);
    const { documents, questions } = pool(root, out);
    const files = readdirSync(path.join(out, 'docs'));
    expect(files).toHaveLength(documents);
    expect(documents).toBe(corpora.reduce((n, c) => n + readdirSync(path.join(root, c)).filter((f) => !f.startsWith('.')).length, 0));
    expect(files.every((f) => corpora.some((c) => f.startsWith(`${corpusName(c)}__`)))).toBe(true);
    const lines = readFileSync(path.join(out, 'questions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; doc?: string | null; split?: string });
    expect(lines).toHaveLength(questions);
    expect(new Set(lines.map((q) => q.id)).size).toBe(lines.length);
    const withDoc = lines.filter((q) => q.doc);
    expect(withDoc.length).toBeGreaterThan(1000);
    expect(withDoc.every((q) => existsSync(path.join(out, 'docs', q.doc!)))).toBe(true);
    expect(lines.filter((q) => q.split === 'calib').length).toBeGreaterThan(1000);
  });

  it('names the folder it cannot read when run from elsewhere', () => {
    expect(() => pool(out, path.join(out, 'again'))).toThrow(/seeds/);
  });
});
