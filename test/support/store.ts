// Test helpers over the store port.
import type { WriteOutcome } from '../../src/ports.js';

/** The new row's id when the write was saved; undefined when it was queued, rejected or the store was closed. */
export function savedId(outcome: WriteOutcome): number | undefined {
  return outcome.status === 'saved' ? outcome.id : undefined;
}
