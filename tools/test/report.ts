// Turns each stage's outcome into counts and the one plain summary line CI reads.
import { existsSync, readFileSync } from "node:fs";
import path, { basename } from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** What failed, one line each (printed above the summary so a log's tail names it). */
  failures?: string[];
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0, failures: [] });

export function addTally(into: Tally, more: Tally): Tally {
  into.passed += more.passed;
  into.failed += more.failed;
  into.skipped += more.skipped;
  into.failures = [...(into.failures ?? []), ...(more.failures ?? [])];
  return into;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** The first line of a failure message, without colour codes, short enough for a log's tail. */
function firstLine(message: string | undefined): string {
  const line =
    stripVTControlCharacters(message ?? "")
      .split("\n")[0]
      ?.trim() ?? "";
  return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}

/**
 * Counts from a Vitest JSON report. A run that exited non-zero without a failed test (a file
 * that failed to load, a missing report) still counts as one failure, so nothing passes silently.
 */
export function tallyFromVitest(reportPath: string, exitCode: number): Tally {
  const name = basename(reportPath, ".json");
  if (!existsSync(reportPath)) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [`${name}: no report (exit ${exitCode})`],
    };
  }
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as VitestJson;
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const test of failedTests) {
      const why = firstLine(test.failureMessages?.[0]);
      failures.push(`${name}: ${where} > ${test.fullName}${why ? `\n      ${why}` : ""}`);
    }
    if (file.status === "failed" && failedTests.length === 0) {
      failures.push(`${name}: ${where} failed to run: ${(file.message ?? "").split("\n")[0]}`);
    }
  }
  const tally = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
  if (tally.failed === 0 && (exitCode !== 0 || report.numFailedTestSuites > 0)) {
    tally.failed = 1;
    if (failures.length === 0) {
      failures.push(`${name}: Vitest exited ${exitCode} with no failed test (an unhandled error?)`);
    }
  }
  return tally;
}

/** The failure lines, or nothing when all passed. */
export function failureLines(tally: Tally): string[] {
  const lines = tally.failures ?? [];
  return lines.length === 0 ? [] : ["Failed:", ...lines.map((line) => `  ✗ ${line}`)];
}

export function summaryLine({ passed, failed, skipped }: Tally): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}
