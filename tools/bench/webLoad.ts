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
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
  documentElement: unknown;
};
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
};
declare const performance: {
  now(): number;
  getEntriesByType(type: string): { name: string; startTime: number; responseEnd: number }[];
};
declare const navigator: {
  serviceWorker: { getRegistrations(): Promise<{ unregister(): Promise<boolean> }[]> };
};

const baseUrl = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:5002").replace(/\/+$/, "");
const distDir = path.join(REPO_ROOT, "web", "dist");
const DEBUG_PORT = 9333;
const SHELL_BUDGET_KB = 200;
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

function gzipBytes(url: string): number {
  const file = path.join(distDir, new URL(url).pathname);
  return gzipSync(readFileSync(file), { level: 9 }).length;
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
  };
}

/** Records (in the page) when the signed-in shell's navigation and heading are both on screen. */
function watchShell(): void {
  const seen = () =>
    document.querySelector("nav[aria-label='Main']") !== null &&
    (document.querySelector("main h1")?.textContent ?? "") !== "";
  const observer = new MutationObserver(() => {
    if (window.shellAt === undefined && seen()) window.shellAt = window.performance.now();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

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

/** Wraps stream reads (in the page) to note when each idea chunk arrives, and when cards show. */
function watchIdeas(): void {
  const arrivals: number[] = [];
  const cards: number[] = [];
  window.ideaArrivals = arrivals;
  window.ideaCards = cards;
  const decoder = new TextDecoder();
  const proto = ReadableStreamDefaultReader.prototype as { read: () => Promise<unknown> };
  const read = proto.read;
  proto.read = async function (this: unknown) {
    const result = (await read.call(this)) as { value?: unknown };
    if (result.value instanceof Uint8Array) {
      const text = decoder.decode(result.value, { stream: true });
      const found = text.match(/"type":"idea"/g)?.length ?? 0;
      for (let i = 0; i < found; i += 1) arrivals.push(window.performance.now());
    }
    return result;
  };
  const observer = new MutationObserver(() => {
    const count = document.querySelectorAll("[data-testid='idea-card']").length;
    while (cards.length < count) cards.push(window.performance.now());
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
declare const TextDecoder: new () => { decode(v: unknown, o: { stream: boolean }): string };
declare const ReadableStreamDefaultReader: { prototype: unknown };

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
    callStart:
      performance.getEntriesByType("resource").find((entry) => entry.name.includes("/spark"))
        ?.startTime ?? Number.NaN,
  }));
  const lags = cards.map((at, index) => at - (arrivals[index] ?? Number.NaN));
  return {
    submitToRequestMs: round(callStart - submittedAt, 1),
    ideaChunkToCardMs: lags.map((lag) => round(lag, 1)),
    worstIdeaLagMs: round(Math.max(...lags), 1),
  };
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
    console.log("landing /welcome (Lighthouse mobile, cold):");
    console.log(JSON.stringify(await runLighthouse(`${baseUrl}/welcome?utm_source=bench`, false)));

    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${baseUrl}/signin`);
    await page.getByTestId("email-input").fill(demo.email);
    await page.getByTestId("password-input").fill(demo.password);
    await page.getByTestId("signin-submit").click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.addInitScript(watchShell);
    console.log("signed-in home, empty HTTP cache, no service worker:");
    console.log(JSON.stringify(await shellDownload(page)));

    console.log("signed-in home (Lighthouse mobile, returning person):");
    console.log(JSON.stringify(await runLighthouse(`${baseUrl}/`, true)));

    await page.addInitScript(watchIdeas);
    console.log("spark (local model server, paced):");
    console.log(JSON.stringify(await sparkTiming(page)));
  } finally {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

await main();
