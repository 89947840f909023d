// The web app's speed, measured in real Chromium against the built PWA on the Hosting emulator
// (run inside the emulators by web.ts). Prints numbers; nothing here passes or fails:
//  1. Lighthouse 12 (mobile, simulated throttling) on the landing page, cold.
//  2. The signed-in home with an empty HTTP cache and no service worker: which scripts were
//     downloaded before its shell (top navigation and heading) was on screen, in gzip bytes of
//     the built files, and what came after.
//  3. Lighthouse on the signed-in home (a returning person: session and service worker kept).
//  4. A spark: submit → the callable's request starts, and each idea's arrival on the wire →
//     its card on screen.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import lighthouse from "lighthouse";
import { chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "../emulators/prepare.js";
import { seedDemoData } from "../seed/seed.js";
import { DEMO_USERS } from "../seed/demoData.js";

// Page-side code runs in the browser; tsconfig.tools.json has no DOM lib.
declare const window: Record<string, unknown> & { performance: { now(): number } };
declare const performance: {
  now(): number;
  getEntriesByType(type: string): { name: string; startTime: number; responseEnd: number }[];
};
declare const navigator: {
  serviceWorker: {
    getRegistrations(): Promise<{ unregister(): Promise<boolean> }[]>;
    ready: Promise<unknown>;
    controller: unknown;
  };
};

const baseUrl = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:5002").replace(/\/+$/, "");
const distDir = path.join(REPO_ROOT, "web", "dist");
const DEBUG_PORT = 9333;
const SHELL_BUDGET_KB = 200;
/** `--skip landing,spark`: leave parts out (quicker loops on one number). */
const skipArg = process.argv.indexOf("--skip");
const skip = new Set(skipArg >= 0 ? (process.argv[skipArg + 1] ?? "").split(",") : []);
/** `--runs N`: Lighthouse runs per page (scores vary from run to run; each run is printed). */
const runsArg = process.argv.indexOf("--runs");
const RUNS = Math.max(1, Number(runsArg >= 0 ? process.argv[runsArg + 1] : 1) || 1);
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

function gzipBytes(url: string): number {
  const file = path.join(distDir, new URL(url).pathname);
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

type AuditItem = Record<string, unknown>;

function topItems(
  audit: { details?: { type?: string; items?: unknown } } | undefined,
  describe: (item: AuditItem) => string,
): string[] {
  const items = audit?.details && "items" in audit.details ? audit.details.items : [];
  return (Array.isArray(items) ? (items as AuditItem[]) : []).slice(0, 6).map(describe);
}

async function runLighthouse(url: string, keepStorage: boolean) {
  const result = await lighthouse(url, {
    port: DEBUG_PORT,
    output: "json",
    logLevel: "error",
    disableStorageReset: keepStorage,
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => categories[id]?.score ?? null;
  const ms = (id: string) => round(audits[id]?.numericValue ?? Number.NaN);
  const failing = Object.values(audits)
    .filter(
      (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary",
    )
    .map((audit) => audit.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    fcpMs: ms("first-contentful-paint"),
    lcpMs: ms("largest-contentful-paint"),
    tbtMs: ms("total-blocking-time"),
    cls: round(audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN, 3),
    failingAudits: failing,
    // What to look at when a score drops: main-thread time by script, console errors.
    scriptingMsByScript: topItems(audits["bootup-time"], (item) => {
      const url = String(item.url ?? "");
      return `${url.slice(url.lastIndexOf("/") + 1)} ${round(Number(item.scripting ?? 0))}`;
    }),
    longTasks: topItems(audits["long-tasks"], (item) => {
      const url = String(item.url ?? "");
      return `${url.slice(url.lastIndexOf("/") + 1)} ${round(Number(item.duration ?? 0))}`;
    }),
    layoutShifts: topItems(audits["layout-shifts"], (item) => {
      const node = item.node as { selector?: string } | undefined;
      return `${node?.selector ?? "?"} ${round(Number(item.score ?? 0), 3)}`;
    }),
    consoleErrors: topItems(audits["errors-in-console"], (item) =>
      String(item.description ?? "").slice(0, 160),
    ),
  };
}

// Page-side scripts are plain JavaScript strings: tsx would wrap named functions in helpers the
// page does not have.

/** Records (in the page) when the signed-in shell's navigation and heading are both on screen. */
const WATCH_SHELL = `
  new MutationObserver(() => {
    if (window.shellAt !== undefined) return;
    const nav = document.querySelector("nav[aria-label='Main']");
    const heading = document.querySelector("main h1");
    if (nav && heading && heading.textContent) window.shellAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

async function shellDownload(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await registration.unregister();
    }
  });
  await cdp.send("Network.clearBrowserCache");
  await page.goto(`${baseUrl}/`);
  await page.waitForFunction(() => window.shellAt !== undefined, undefined, { timeout: 30_000 });
  await page
    .getByTestId("home-recent-list")
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForTimeout(1_500);
  const { shellAt, scripts } = await page.evaluate(() => ({
    shellAt: window.shellAt as number,
    scripts: performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith(".js"))
      .map(({ name, startTime, responseEnd }) => ({ name, startTime, responseEnd })),
  }));
  const before = scripts.filter((script) => script.responseEnd <= shellAt);
  const after = scripts.filter((script) => script.responseEnd > shellAt);
  const kb = (list: typeof scripts) =>
    round(list.reduce((sum, s) => sum + gzipBytes(s.name), 0) / 1024, 1);
  const name = (url: string) => new URL(url).pathname.replace("/assets/", "");
  return {
    shellOnScreenMs: round(shellAt),
    jsBeforeShellKbGzip: kb(before),
    budgetKb: SHELL_BUDGET_KB,
    filesBeforeShell: before.map((s) => `${name(s.name)} ${round(gzipBytes(s.name) / 1024, 1)}`),
    jsAfterShellKbGzip: kb(after),
    filesAfterShell: after.map((s) => name(s.name)),
  };
}

/** Records each layout shift's moved nodes (in the page), for finding what a CLS score is made of. */
const WATCH_SHIFTS = `
  window.layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const describe = (node) =>
        !node || !node.tagName
          ? "?"
          : node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") +
            (typeof node.className === "string" && node.className
              ? "." + node.className.trim().split(/\\s+/).join(".")
              : "");
      window.layoutShifts.push({
        at: Math.round(entry.startTime),
        value: Math.round(entry.value * 1000) / 1000,
        moved: (entry.sources || []).map(
          (s) =>
            describe(s.node) + " y " + Math.round(s.previousRect.y) + "→" +
            Math.round(s.currentRect.y) + " h " + Math.round(s.previousRect.height) + "→" +
            Math.round(s.currentRect.height),
        ),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

/**
 * The signed-in home reloaded on a phone-sized page with the CPU slowed 4× (as Lighthouse
 * simulates): each layout shift, when, and which nodes moved where.
 */
async function layoutShifts(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  try {
    await page.goto(`${baseUrl}/`);
    await page.waitForTimeout(6_000);
    const shifts = await page.evaluate(
      () => window.layoutShifts as { at: number; value: number; moved: string[] }[],
    );
    return {
      cls: round(
        shifts.reduce((sum, shift) => sum + shift.value, 0),
        3,
      ),
      shifts: shifts.map((shift) => `${shift.at} ms ${shift.value}: ${shift.moved.join("; ")}`),
    };
  } finally {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
}

/** Wraps stream reads (in the page) to note when each idea chunk arrives, and when cards show. */
const WATCH_IDEAS = `
  const send = window.fetch;
  window.fetch = function (input, init) {
    const url = new URL(typeof input === "string" ? input : input.url || String(input), location.href);
    if (url.pathname.endsWith("/spark") && window.sparkRequestAt === undefined) {
      window.sparkRequestAt = performance.now();
    }
    return send.call(this, input, init);
  };
  window.ideaArrivals = [];
  window.ideaCards = [];
  const decoder = new TextDecoder();
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = async function () {
    const result = await read.call(this);
    if (result.value instanceof Uint8Array) {
      const text = decoder.decode(result.value, { stream: true });
      const found = (text.match(/"type":"idea"/g) || []).length;
      for (let i = 0; i < found; i += 1) window.ideaArrivals.push(performance.now());
    }
    return result;
  };
  new MutationObserver(() => {
    const count = document.querySelectorAll("[data-testid='idea-card']").length;
    while (window.ideaCards.length < count) window.ideaCards.push(performance.now());
  }).observe(document, { childList: true, subtree: true });
`;

async function sparkTiming(page: Page) {
  await page.goto(`${baseUrl}/spark`);
  await page.getByTestId("spark-form").waitFor();
  await page
    .getByTestId("topic-input")
    .fill("A bake sale that raises money for the school library");
  await page.getByTestId("count-input").fill("5");
  const submittedAt = await page.evaluate(() => window.performance.now());
  await page.getByTestId("spark-submit").click();
  await page.waitForFunction(() => (window.ideaCards as number[]).length >= 5, undefined, {
    timeout: 60_000,
  });
  const { arrivals, cards, callStart } = await page.evaluate(() => ({
    arrivals: window.ideaArrivals as number[],
    cards: window.ideaCards as number[],
    callStart: (window.sparkRequestAt as number | undefined) ?? Number.NaN,
  }));
  const lags = cards.map((at, index) => at - (arrivals[index] ?? Number.NaN));
  return {
    submitToRequestMs: round(callStart - submittedAt, 1),
    ideaChunkToCardMs: lags.map((lag) => round(lag, 1)),
    worstIdeaLagMs: round(Math.max(...lags), 1),
  };
}

/** Prints a measurement as indented "name: value" lines. */
function report(values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    console.log(`  ${name}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** RUNS Lighthouse runs of one page, each printed, then the medians (Lighthouse's advice). */
async function lighthouseRuns(
  title: string,
  measure: () => ReturnType<typeof runLighthouse>,
): Promise<void> {
  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`${title}, run ${run} of ${RUNS}:`);
    const result = await measure();
    report(result);
    results.push(result);
  }
  if (RUNS === 1) return;
  console.log(`${title}, median of ${RUNS} runs:`);
  report({
    performance: median(results.map((r) => r.performance ?? 0)),
    tbtMs: median(results.map((r) => r.tbtMs)),
    lcpMs: median(results.map((r) => r.lcpMs)),
    cls: median(results.map((r) => r.cls)),
    performanceByRun: results.map((r) => r.performance),
  });
}

async function main(): Promise<void> {
  await seedDemoData();
  const demo = DEMO_USERS.find((user) => !user.admin);
  if (!demo) throw new Error("no demo account");
  // A persistent profile is the browser's default context, the one Lighthouse opens its tab in,
  // so the two share the session.
  const profileDir = await mkdtemp(path.join(tmpdir(), "ideaspark-bench-web-"));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (!skip.has("landing")) {
      await lighthouseRuns("landing /welcome (Lighthouse mobile, cold)", () =>
        runLighthouse(`${baseUrl}/welcome?utm_source=bench`, false),
      );
    }

    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${baseUrl}/signin`);
    await page.getByTestId("email-input").fill(demo.email);
    await page.getByTestId("password-input").fill(demo.password);
    await page.getByTestId("signin-submit").click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.addInitScript(WATCH_SHELL);
    console.log("signed-in home, empty HTTP cache, no service worker:");
    report(await shellDownload(page));

    // A returning person: the service worker the measurement above removed is back, in control
    // and done precaching before Lighthouse looks (else the first run measures its install).
    await page.goto(`${baseUrl}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForTimeout(3_000);
    await lighthouseRuns("signed-in home (Lighthouse mobile, returning person)", () =>
      runLighthouse(`${baseUrl}/`, true),
    );

    await page.addInitScript(WATCH_SHIFTS);
    for (let run = 1; run <= RUNS; run++) {
      console.log(`signed-in home's layout shifts (CPU 4× slower), run ${run} of ${RUNS}:`);
      report(await layoutShifts(page));
    }

    if (!skip.has("spark")) {
      await page.addInitScript(WATCH_IDEAS);
      console.log("spark (local model server, paced):");
      report(await sparkTiming(page));
    }
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

await main();
