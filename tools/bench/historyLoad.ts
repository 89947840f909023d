// History at scale, measured in real Chromium (phone viewport) against the built PWA on the
// Hosting emulator (run inside the emulators by history.ts). One person with 2,000 sparks seeded
// with the Admin SDK. Prints numbers; nothing here passes or fails:
//  1. /history opened for the first time (the sparks come from the server): first rows on
//     screen, and the whole list (its label counts all 2,000).
//  2. Reopened (reload, the persistent cache warm), and reopened offline (service worker and
//     cache only): the same two times.
//  3. Search over the 2,000: input event → the list shows the matching sparks.
//  4. Scrolling the whole list, 300 px a frame: frame times (requestAnimationFrame deltas),
//     frames over 50 ms, and the most rows in the DOM at once.
import { parseArgs } from "node:util";
import { createAccount } from "../../tests/support/accounts.js";
import { launchBrowser, type BrowserSession } from "../../tests/e2e/browser.js";
import { AppShell } from "../../tests/e2e/pages/appShell.js";
import { AuthPages } from "../../tests/e2e/pages/authPages.js";
import { OLDEST_WORD, seedManySparks } from "../../tests/e2e/pages/manySparksSeed.js";

const { values } = parseArgs({
  options: { sparks: { type: "string", default: "2000" }, runs: { type: "string", default: "3" } },
});
const SPARKS = Number(values.sparks);
const RUNS = Number(values.runs);
const round = (value: number) => Math.round(value);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

/**
 * Installed before any page script: records (performance.now, from navigation start) when the
 * first spark row appears and when the list's label first counts every spark.
 */
function watchRows(total: number) {
  const marks: { firstRow?: number; allRows?: number } = {};
  (window as unknown as { historyMarks: typeof marks }).historyMarks = marks;
  const check = () => {
    if (marks.firstRow === undefined && document.querySelector('[data-testid="spark-item"]')) {
      marks.firstRow = performance.now();
    }
    const label = document
      .querySelector('[data-testid="history-list"]')
      ?.getAttribute("aria-label");
    if (marks.allRows === undefined && label?.startsWith(`${total} sparks`)) {
      marks.allRows = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-label"],
  });
}

async function openTimes(session: BrowserSession, open: () => Promise<unknown>) {
  await open();
  const handle = await session.page.waitForFunction(
    () => {
      const marks = (
        window as unknown as { historyMarks?: { firstRow?: number; allRows?: number } }
      ).historyMarks;
      return marks?.allRows !== undefined ? marks : null;
    },
    null,
    { timeout: 60_000 },
  );
  const marks = (await handle.jsonValue()) as { firstRow: number; allRows: number };
  return { firstRow: marks.firstRow, allRows: marks.allRows };
}

function printOpen(name: string, times: { firstRow: number; allRows: number }[]) {
  const first = times.map((t) => t.firstRow);
  const all = times.map((t) => t.allRows);
  console.log(
    `${name.padEnd(34)} first rows ${round(median(first))} ms (${first.map(round).join(", ")}), ` +
      `all ${SPARKS} ${round(median(all))} ms (${all.map(round).join(", ")})`,
  );
}

/** Types `query` into the search box in the page; ms until the list or "no results" changed. */
async function searchLatency(session: BrowserSession, query: string): Promise<number> {
  return session.page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="history-search"]')!;
    const state = () =>
      (document.querySelector('[data-testid="history-list"]')?.getAttribute("aria-label") ?? "") +
      (document.querySelector('[data-testid="history-no-results"]') ? "none" : "");
    const before = state();
    const start = performance.now();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setValue.call(input, query);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Every query here changes what is shown; give up (NaN) rather than wait forever.
    while (state() === before) {
      if (performance.now() - start > 10_000) return Number.NaN;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Until the frame with the new rows is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, query);
}

/** Scrolls the page from top to bottom, `step` px a frame; frame deltas and DOM row counts. */
async function scrollWhole(session: BrowserSession, step: number) {
  return session.page.evaluate(async (step) => {
    window.scrollTo(0, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const deltas: number[] = [];
    let mostRows = 0;
    let last = performance.now();
    await new Promise<void>((resolve) => {
      const frame = (now: number) => {
        deltas.push(now - last);
        last = now;
        mostRows = Math.max(
          mostRows,
          document.querySelectorAll('[data-testid="history-list"] > li').length,
        );
        const bottom = document.documentElement.scrollHeight - window.innerHeight;
        if (window.scrollY >= bottom - 1) return resolve();
        window.scrollBy(0, step);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(frame);
      });
    });
    const items = document.querySelectorAll('[data-testid="spark-item"]');
    return {
      deltas,
      mostRows,
      lastSpark: items[items.length - 1]?.getAttribute("data-spark-id") ?? null,
    };
  }, step);
}

const session = await launchBrowser({ viewport: { width: 390, height: 844 } });
try {
  const app = new AppShell(session.page, session.context);
  const account = await createAccount("bench-history");
  const seedStart = performance.now();
  const seeded = await seedManySparks(account, SPARKS);
  console.log(`seeded ${SPARKS} sparks in ${round(performance.now() - seedStart)} ms`);
  // tsx compiles this file with esbuild's keepNames: functions handed to the page call __name.
  await session.page.addInitScript({ content: "globalThis.__name = (target) => target;" });
  await session.page.addInitScript(watchRows, SPARKS);
  await new AuthPages(session.page).signInFresh(account.email, account.password);

  const cold = await openTimes(session, () => session.page.goto("/history"));
  printOpen("first open (from the server)", [cold]);

  const warm = [];
  for (let run = 0; run < RUNS; run += 1) {
    warm.push(await openTimes(session, () => session.page.reload()));
  }
  printOpen("reopen (reload, cache warm)", warm);

  await app.waitForServiceWorkerControl();
  await session.page.goto("/history");
  await session.page.getByTestId("history-list").waitFor();
  await app.setOffline(true);
  const offline = [];
  for (let run = 0; run < RUNS; run += 1) {
    offline.push(await openTimes(session, () => session.page.reload()));
  }
  printOpen("reopen offline (cache only)", offline);
  await app.setOffline(false);
  await openTimes(session, () => session.page.reload());

  const queries = [OLDEST_WORD, "bakery", "podcast names number 1", "team 99", "no such spark"];
  const latencies: string[] = [];
  for (const query of queries) {
    const ms = await searchLatency(session, query);
    latencies.push(`“${query}” ${round(ms)} ms`);
    await searchLatency(session, "");
  }
  console.log(`search over ${SPARKS} sparks: ${latencies.join(", ")}`);
  await searchLatency(session, OLDEST_WORD);
  const oldest = await session.page.getByTestId("spark-topic").allTextContents();
  console.log(`  the oldest found by “${OLDEST_WORD}”: ${oldest[0] === seeded.oldestTopic}`);
  await searchLatency(session, "");

  const scroll = await scrollWhole(session, 300);
  const frames = scroll.deltas.slice(1);
  console.log(
    `scroll the whole list (${frames.length} frames, 300 px each): ` +
      `p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...frames).toFixed(1)} ms, ${frames.filter((d) => d > 50).length} frames over 50 ms; ` +
      `at most ${scroll.mostRows} rows in the DOM; reached the last spark: ` +
      `${scroll.lastSpark === seeded.ids.at(-1)}`,
  );
  console.log(`page errors: ${session.pageErrors.length}`);
} finally {
  await session.close();
}
