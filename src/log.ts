// Operator log: one JSON line per event on stderr. Secrets from the environment are redacted
// wherever they appear (messages, error causes, stacks), so a token can never reach a log; personal data
// (phone, ID-card and bank card numbers, e-mail addresses) is masked the same way (src/privacy/mask.ts).
import { loadRuntimeConfig, secretValues } from './config.js';
import { mask } from './privacy/mask.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code, cause: cause ? serialise(cause) : undefined };
  }
  return value;
}

export function createLogger(options: { level?: Level; write?: (line: string) => void; secrets?: string[] } = {}): Logger {
  const min = ORDER[options.level ?? loadRuntimeConfig().logLevel ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const secrets = options.secrets ?? secretValues();
  const emit = (level: Level, event: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    const entries = Object.entries(fields ?? {}).map(([k, v]) => [k, serialise(v)]);
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...Object.fromEntries(entries) });
    // Secrets first (so masking cannot break a secret's match), then residents' personal data.
    write(mask(redact(line, secrets)));
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** A logger that keeps lines in memory, for tests that assert what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({ level: 'debug', write: (l) => lines.push(l) }), { lines });
}
