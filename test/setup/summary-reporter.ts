// Ends the test output with "N passed, N failed" so CI can count the run. A file that fails without a failed
// test in it (it does not load, or a beforeAll/afterAll hook throws) counts as one failure, and so does each
// error vitest reports outside any test; a run that did not pass never ends with "0 failed".
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError> = [],
    reason: TestRunEndReason = 'passed',
  ): void {
    let passed = 0;
    let failed = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
      }
      const fileFailed = mod.state() === 'failed' || mod.errors().length > 0;
      failed += failedHere > 0 ? failedHere : fileFailed ? 1 : 0;
    }
    failed += unhandledErrors.length;
    if (reason !== 'passed' && failed === 0) failed = 1;
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
