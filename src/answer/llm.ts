// Placeholder until the LangChain answerer lands: delegates to the extractive answerer.
import type { Answerer } from '../ports.js';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../log.js';

export interface LlmAnswererDeps {
  config: LlmConfig;
  fallback: Answerer;
  logger: Logger;
}

export function createLlmAnswerer(deps: LlmAnswererDeps): Answerer {
  return deps.fallback;
}
