import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addTally, emptyTally, failureLines, summaryLine, tallyFromVitest } from "./report.js";

function report(body: object): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "report-")), "e2e.json");
  writeFileSync(file, JSON.stringify(body));
  return file;
}

const counts = { numPendingTests: 0, numTodoTests: 0, numTotalTests: 3 };

describe("test report tally", () => {
  it("names each failed test and its error's first line so the end of a log says what failed", () => {
    const file = report({
      ...counts,
      numPassedTests: 2,
      numFailedTests: 1,
      numFailedTestSuites: 1,
      testResults: [
        {
          name: path.join(process.cwd(), "tests/e2e/spark.test.ts"),
          status: "failed",
          assertionResults: [
            { fullName: "spark streams ideas", status: "passed" },
            {
              fullName: "spark shows a refusal",
              status: "failed",
              failureMessages: [
                "\u001b[31mAssertionError: expected 'ok' to be 'refused'\u001b[39m\n    at spark.test.ts:9:1",
              ],
            },
          ],
        },
      ],
    });
    const total = addTally(emptyTally(), tallyFromVitest(file, 1));
    expect(summaryLine(total)).toBe("2 passed, 1 failed");
    expect(failureLines(total)).toEqual([
      "Failed:",
      "  ✗ e2e: tests/e2e/spark.test.ts > spark shows a refusal\n      AssertionError: expected 'ok' to be 'refused'",
    ]);
  });

  it("counts a run that exited non-zero with no failed test as one failure, and says so", () => {
    const file = report({
      ...counts,
      numPassedTests: 3,
      numFailedTests: 0,
      numFailedTestSuites: 0,
    });
    const tally = tallyFromVitest(file, 1);
    expect(tally.failed).toBe(1);
    expect(failureLines(tally)[1]).toContain("e2e: Vitest exited 1 with no failed test");
  });

  it("prints nothing extra when everything passed", () => {
    const file = report({
      ...counts,
      numPassedTests: 3,
      numFailedTests: 0,
      numFailedTestSuites: 0,
    });
    expect(failureLines(tallyFromVitest(file, 0))).toEqual([]);
  });
});
