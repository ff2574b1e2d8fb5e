// The answer/abstain threshold of the extractive answerer, calibrated by scripts/calibrate-abstention.ts
// on the calib splits of the dev sets (never the team set or a report split) and versioned as abstention.json.
import json from './abstention.json' with { type: 'json' };
import type { Language } from '../ports.js';

export interface AbstentionRule {
  /** Share of the question's key terms (weighted) the best passage must cover. */
  minCoverage: number;
  /** English: the best passage must be reached by a reliable route (glossary, place name, English word), not CC-CEDICT alone. */
  requireAnchor?: boolean;
}

export interface AbstentionCalibration {
  format: 'abstention/1';
  /** How it was calibrated and the result (for people; not read by the code). */
  trained: Record<string, unknown>;
  rules: Record<Language, AbstentionRule>;
}

/** Checks the JSON at start: a broken file fails with the fix, never mid-question. */
export function validateAbstention(value: unknown): AbstentionCalibration {
  const v = value as Partial<AbstentionCalibration> | null;
  const share = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  const rule = (r: Partial<AbstentionRule> | undefined) => !!r && share(r.minCoverage) && (r.requireAnchor === undefined || typeof r.requireAnchor === 'boolean');
  if (!v || v.format !== 'abstention/1' || !v.rules || !rule(v.rules.zh) || !rule(v.rules.en)) {
    throw new Error('src/answer/abstention.json is not a valid abstention/1 file; restore it from git or re-run `npx tsx scripts/calibrate-abstention.ts`.');
  }
  return v as AbstentionCalibration;
}

export const ABSTENTION: AbstentionCalibration = validateAbstention(json);
