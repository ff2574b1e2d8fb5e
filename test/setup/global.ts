// Runs once before the suite: generates the tiny BERT-shaped ONNX model the dense path is tested on.
import { makeTinyModel, TINY_MODEL_ROOT } from '../fixtures/tiny-model.js';

export default async function setup(): Promise<void> {
  await makeTinyModel(TINY_MODEL_ROOT);
}
