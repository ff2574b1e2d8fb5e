import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: native addons (onnxruntime, hnswlib, sqlite) and local servers share them.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/setup/summary-reporter.ts'],
  },
});
