// Runs once before the suite: generates the tiny ONNX models (embedding, cross-encoder) the dense path and the reranker are tested on.
import { makeTinyModel, TINY_MODEL_ROOT } from '../fixtures/tiny-model.js';

export default async function setup(): Promise<void> {
  await makeTinyModel(TINY_MODEL_ROOT);
}
