// Turns each stage's outcome into counts and the one plain summary line CI reads.
import { existsSync, readFileSync } from "node:fs";

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0 });

export function addTally(into: Tally, more: Tally): Tally {
  into.passed += more.passed;
  into.failed += more.failed;
  into.skipped += more.skipped;
  return into;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
}

/**
 * Counts from a Vitest JSON report. A run that exited non-zero without a failed test (a file
 * that failed to load, a missing report) still counts as one failure, so nothing passes silently.
 */
export function tallyFromVitest(reportPath: string, exitCode: number): Tally {
  if (!existsSync(reportPath)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as VitestJson;
  const tally = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  if (tally.failed === 0 && (exitCode !== 0 || report.numFailedTestSuites > 0)) tally.failed = 1;
  return tally;
}

export function summaryLine({ passed, failed, skipped }: Tally): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}
