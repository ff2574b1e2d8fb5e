// Composition root: builds the answering service and its collaborators from config.
// Front ends (CLI, Telegram, Slack, eval, bench) call openApp() and use app.service / app.store.
import type { AnswerService, InteractionStore } from './ports.js';
import type { CoreConfig, Env } from './config.js';
import type { Logger } from './log.js';

export interface App {
  config: CoreConfig;
  service: AnswerService;
  store: InteractionStore;
  logger: Logger;
  /** Stops taking work, waits for in-flight answers (bounded), flushes and closes stores. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  env?: Env;
  cwd?: string;
  logger?: Logger;
  /** Build the index from the corpus when none exists yet (first run). Default true. */
  autoIngest?: boolean;
}

export async function openApp(_options: OpenAppOptions = {}): Promise<App> {
  throw new Error('openApp: not implemented yet (lead is writing it)');
}
