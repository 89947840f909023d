// Accessibility checks with axe-core in the page under test. axe's source is evaluated through the
// DevTools protocol (page.evaluate), which the app's Content-Security-Policy does not govern, so the
// context keeps its CSP. Rules: WCAG 2.0–2.2 levels A and AA, plus axe's best practices.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, RunOptions } from "axe-core";

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** axe.min.js, read once per run. */
function source(): string {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

export const AXE_TAGS = [
  "wcag2a",
  "wcag2aa",
  "wcag21a",
  "wcag21aa",
  "wcag22a",
  "wcag22aa",
  "best-practice",
] as const;

/** One failed rule, flattened to what a person needs to find and fix it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** CSS selectors of the failing elements, with axe's summary of what is wrong with each. */
  nodes: { target: string; summary: string }[];
}

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** Runs axe on the whole document as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) {
    await page.evaluate(source());
  }
  const results = await page.evaluate(
    (tags) =>
      window.axe!.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    [...AXE_TAGS],
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(" >> "),
      summary: (node.failureSummary ?? "").replace(/\s+/g, " ").trim(),
    })),
  }));
}

/** One readable line per failing element: "rule (impact) target — help: details". */
export function describeViolations(screen: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${screen}: ${violation.id} (${violation.impact ?? "n/a"}) at ${node.target} — ` +
        `${violation.help}. ${node.summary} [${violation.helpUrl}]`,
    ),
  );
}
