// The load test in its CI form (`npm run stress` runs 10k questions): 400 questions, 200 at a time,
// through the real Telegram webhook and Slack HTTP adapters against local API servers on 127.0.0.1,
// with Telegram 429/502, Slack 429, redeliveries and a held SQLite lock injected along the way.
import { describe, expect, it } from 'vitest';
import { runStress } from '../scripts/stress.js';
import { patience } from './support/limits.js';

describe('200 concurrent questions through both adapters, with faults', () => {
  it('loses no reply, duplicates none, renders every one validly, logs every answer, leaks no secret', async () => {
    const summary = await runStress({ questions: 400, concurrency: 200, seed: Number(process.env.ROBUST_SEED ?? 20_240_801), deadlineMs: patience() });
    console.info(`[robust-load] ${JSON.stringify({ ...summary, invalidRenderings: summary.invalidRenderings.length })}`);
    expect(summary.inputsTried).toBe(400);
    expect(summary.faultsInjected.total).toBeGreaterThan(20);
    expect(summary.lostExamples).toEqual([]);
    expect(summary.repliesLost).toBe(0);
    expect(summary.duplicateExamples).toEqual([]);
    expect(summary.invalidRenderings.slice(0, 5)).toEqual([]);
    // Every question that reached the service is in the log once the store recovered.
    expect(summary.answered).toBeGreaterThan(350);
    expect(summary.logged).toBe(summary.answered);
    // One outage, one log line (not one per message).
    expect(summary.storeFailureLines).toBe(1);
    expect(summary.secretsInLogs).toEqual([]);
  });
});
