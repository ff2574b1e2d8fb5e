// The answer/abstain threshold of the extractive answerer, calibrated by scripts/calibrate-abstention.ts
// on the calib splits of the dev sets (never the team set or a report split) and versioned as abstention.json.
import json from './abstention.json' with { type: 'json' };
import type { Language } from '../ports.js';

export interface AbstentionRule {
  /** Share of the question's key terms (weighted) the best passage must cover. */
  minCoverage: number;
  /** A second way in: a lower coverage with much specific evidence matched (null: off). */
  strong: { minStrength: number; minCoverage: number } | null;
}

export interface AbstentionCalibration {
  format: 'abstention/2';
  /** How it was calibrated and the result (for people; not read by the code). */
  trained: Record<string, unknown>;
  rules: Record<Language, AbstentionRule>;
}

/** Checks the JSON at start: a broken file fails with the fix, never mid-question. */
export function validateAbstention(value: unknown): AbstentionCalibration {
  const v = value as Partial<AbstentionCalibration> | null;
  const share = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  const rule = (r: Partial<AbstentionRule> | undefined) =>
    !!r && share(r.minCoverage) && (r.strong === null || (!!r.strong && share(r.strong.minCoverage) && typeof r.strong.minStrength === 'number' && r.strong.minStrength >= 0));
  if (!v || v.format !== 'abstention/2' || !v.rules || !rule(v.rules.zh) || !rule(v.rules.en)) {
    throw new Error('src/answer/abstention.json is not a valid abstention/2 file; restore it from git or re-run `npx tsx scripts/calibrate-abstention.ts`.');
  }
  return v as AbstentionCalibration;
}

export const ABSTENTION: AbstentionCalibration = validateAbstention(json);
