import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    // Safety nets for a hung test, not speed checks (no test asserts on wall time; speed is `npm run bench`):
    // far above what a busy 2-core machine needs. Waits inside tests use test/support/limits.ts (180 s).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores: native addons (onnxruntime, hnswlib, sqlite) and local servers share them.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/setup/summary-reporter.ts'],
  },
});
