// A web-test-runner reporter that prints one closing line over every group and browser:
// `component: N passed, N failed` (wtr's own lines are per group). Sessions that failed to load count as failed.
export function countReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
      }
      process.stdout.write(`\ncomponent: ${passed} passed, ${failed} failed\n`);
    },
  };
}
