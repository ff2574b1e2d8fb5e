// The learned part of the extractive answerer: "this sentence states the answer", a linear model over
// interpretable sentence features (term coverage, the asked figure's fit, answer type, novelty, rank, ...),
// trained listwise (softmax over each question's candidate sentences) by scripts/train-answer-scorer.ts
// with cross-validation; its weights are the versioned scorer-weights.json.
import weightsJson from './scorer-weights.json' with { type: 'json' };

export interface LogisticModel {
  features: string[];
  weights: number[];
  bias: number;
}

export interface ScorerWeights {
  format: 'answer-scorer/1';
  /** What it was trained on, how, and the cross-validated results (for people; not read by the code). */
  trained: Record<string, unknown>;
  sentence: LogisticModel;
}

export type Features = Record<string, number>;

/** w·x + b over the model's features (a feature the caller did not compute counts 0). */
export function logit(model: LogisticModel, features: Features): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += model.weights[i] * (features[name] ?? 0);
  });
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Checks weights read from JSON: a wrong file fails at start with the fix, never mid-question. */
export function validateScorerWeights(value: unknown): ScorerWeights {
  const v = value as Partial<ScorerWeights> | null;
  const ok = (m: unknown): m is LogisticModel => {
    const x = m as Partial<LogisticModel> | null;
    return !!x && Array.isArray(x.features) && Array.isArray(x.weights) && x.features.length === x.weights.length && x.weights.every(Number.isFinite) && Number.isFinite(x.bias);
  };
  if (!v || v.format !== 'answer-scorer/1' || !ok(v.sentence)) {
    throw new Error('src/answer/scorer-weights.json is not a valid answer-scorer/1 file; restore it from git or re-run `npx tsx scripts/train-answer-scorer.ts`.');
  }
  return v as ScorerWeights;
}

export const SCORER_WEIGHTS: ScorerWeights = validateScorerWeights(weightsJson);
