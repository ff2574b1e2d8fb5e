// Memory readings inside a worker process. Workers run with --expose-gc so a reading after a
// collection shows what is still referenced, not garbage waiting to be collected.
export interface MemoryReading {
  rssMb: number;
  heapMb: number;
  /** Typed arrays and native buffers outside the JS heap. */
  externalMb: number;
}

export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function readMemory(): MemoryReading {
  settle();
  const m = process.memoryUsage();
  const MB = 1024 * 1024;
  return { rssMb: m.rss / MB, heapMb: m.heapUsed / MB, externalMb: (m.external + m.arrayBuffers) / MB };
}

/** Peak resident set of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
