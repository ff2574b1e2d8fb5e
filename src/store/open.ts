// Which interaction-store backend a configuration gets: one row per backend, one file per backend.
// SQLite (DB_PATH) is the embedded default; DATABASE_URL=postgres://… puts everything in PostgreSQL and
// opens no SQLite file at all.
import type { CoreConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { InteractionStore } from '../ports.js';
import type { SharedIndex } from './shared-index.js';

export type StoreBackendName = 'sqlite' | 'postgres';

/** The store could not be opened; the message says what to check (it never holds a password). Exit code 4 (src/exit-code.ts). */
export class StoreOpenError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

const BACKENDS: Record<StoreBackendName, (config: CoreConfig, logger: Logger) => Promise<InteractionStore>> = {
  sqlite: async (config, logger) => (await import('./sqlite.js')).openInteractionStore(config.dbPath, logger),
  postgres: async (config, logger) => (await import('./postgres.js')).openPostgresStore(config.databaseUrl!, logger),
};

/** The index shared through PostgreSQL (DATABASE_URL), for replicas; throws StoreOpenError when unusable. */
export async function openSharedIndexFor(config: CoreConfig, logger: Logger): Promise<SharedIndex> {
  try {
    return await (await import('./shared-index.js')).openSharedIndex(config.databaseUrl!, logger);
  } catch (error) {
    throw new StoreOpenError((error as Error).message, { cause: error });
  }
}

export function storeBackendOf(config: CoreConfig): StoreBackendName {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

export async function openStore(config: CoreConfig, logger: Logger): Promise<InteractionStore> {
  const backend = storeBackendOf(config);
  try {
    const store = await BACKENDS[backend](config, logger);
    logger.info('store.opened', { backend });
    return store;
  } catch (error) {
    throw new StoreOpenError((error as Error).message, { cause: error });
  }
}
