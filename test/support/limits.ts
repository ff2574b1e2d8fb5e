// How long a test waits for an event (a reply, a log line, a process exit) before it calls it lost.
// A safety net for a hung test, never a speed check: speed is measured by `npm run bench`, where ratios are
// taken inside one run. Set far above what a busy 2-core machine needs (timings there swing 3-10x).
export const PATIENCE_MS = 180_000;

/** The limit a wait helper uses: what the caller asked for, but never less than PATIENCE_MS. */
export const patience = (requestedMs = 0): number => Math.max(requestedMs, PATIENCE_MS);

/** Waits until `condition()` holds (checked every 10 ms), or fails naming `what` after PATIENCE_MS. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${PATIENCE_MS} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
