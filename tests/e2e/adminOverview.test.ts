// The admin overview and AI config in real Chromium against the emulators, for an admin made
// with the Admin SDK. The test writes the rollups of four days two months back (closed day
// documents, and live shards for a day never closed) and a budget shard, then checks the
// overview shows exactly those days' cost, requests and sign-ups; it then lowers the monthly
// budget under the month's spend in AI config and finds the change in the log.
//
// It saves config/app (restored afterwards) with the degrade action "none", so nothing is paused
// for other suites while the budget is low; still, run it where config writers run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DayRollup,
  addDays,
  dayKey,
  parseAppConfig,
  periodKey,
  type AppConfig,
} from "@ideaspark/domain";
import { createAccount, type Account } from "../support/accounts";
import { adminDb } from "../support/admin";
import { launchBrowser, type BrowserSession } from "./browser";
import { AuthPages } from "./pages/authPages";
import { AdminConfigPage, AdminOverviewPage } from "./pages/adminOverviewPages";

const today = dayKey(Date.now());
// Days well inside the 90-day range that no other suite writes (settlements write today).
const [closedA, closedB, closedC, openDay] = [-62, -61, -60, -59].map((n) => addDays(today, n)) as [
  string,
  string,
  string,
  string,
];
const BUDGET_SHARD = "e2e-admin-overview";
const OUR_SPEND_USD = 0.75;

const rollup = (fields: Partial<DayRollup>) => DayRollup.parse(fields);

/** What the test writes, and so what the overview must show for each day. */
const DAYS = {
  [closedA]: rollup({
    requests: 12,
    providerCostMicros: 1_250_000,
    chargedCostMicros: 1_000_000,
    signups: 3,
    activeUsers: 5,
  }),
  [closedB]: rollup({ requests: 4, providerCostMicros: 300_000, chargedCostMicros: 300_000 }),
  [closedC]: rollup({
    requests: 7,
    providerCostMicros: 90_000,
    chargedCostMicros: 80_000,
    signups: 1,
  }),
  // Never closed: two shards, which the overview must add up.
  [openDay]: rollup({
    requests: 9,
    providerCostMicros: 450_000,
    chargedCostMicros: 400_000,
    signups: 2,
  }),
};
const OPEN_SHARDS = [
  rollup({ requests: 5, providerCostMicros: 200_000, chargedCostMicros: 150_000, signups: 2 }),
  rollup({ requests: 4, providerCostMicros: 250_000, chargedCostMicros: 250_000 }),
];
// A live shard under a closed day: the closed document wins, so this must not be counted.
const STRAY_SHARD = rollup({ requests: 1_000, providerCostMicros: 9_000_000, signups: 50 });

async function writeRollups(): Promise<void> {
  const db = adminDb();
  const batch = db.batch();
  for (const day of [closedA, closedB, closedC]) {
    batch.set(db.doc(`rollups/${day}`), { ...DAYS[day], closedAt: Date.now() });
  }
  batch.set(db.doc(`rollups/${closedA}/shards/3`), STRAY_SHARD);
  OPEN_SHARDS.forEach((shard, n) => batch.set(db.doc(`rollups/${openDay}/shards/${n}`), shard));
  batch.set(db.doc(`budgets/${periodKey(Date.now())}/shards/${BUDGET_SHARD}`), {
    usd: OUR_SPEND_USD,
  });
  await batch.commit();
}

async function removeRollups(): Promise<void> {
  const db = adminDb();
  const batch = db.batch();
  for (const day of [closedA, closedB, closedC]) batch.delete(db.doc(`rollups/${day}`));
  batch.delete(db.doc(`rollups/${closedA}/shards/3`));
  OPEN_SHARDS.forEach((_, n) => batch.delete(db.doc(`rollups/${openDay}/shards/${n}`)));
  batch.delete(db.doc(`budgets/${periodKey(Date.now())}/shards/${BUDGET_SHARD}`));
  await batch.commit();
}

describe("admin overview and AI config journey", () => {
  let session: BrowserSession;
  let overview: AdminOverviewPage;
  let config: AdminConfigPage;
  let account: Account;
  let storedConfig: Record<string, unknown> | undefined;
  let before: AppConfig;

  beforeAll(async () => {
    storedConfig = (await adminDb().doc("config/app").get()).data();
    before = parseAppConfig(storedConfig);
    await writeRollups();
    session = await launchBrowser();
    overview = new AdminOverviewPage(session.page);
    config = new AdminConfigPage(session.page);
    account = await createAccount("admin-overview", { admin: true });
    await new AuthPages(session.page).signInFresh(account.email, account.password);
  });

  afterAll(async () => {
    await session?.close();
    await removeRollups();
    const app = adminDb().doc("config/app");
    await (storedConfig === undefined ? app.delete() : app.set(storedConfig));
    // The budget alerts the low budget raised belong to this journey only.
    const alerts = await adminDb()
      .collection("alerts")
      .where("kind", "==", "budget")
      .where("period", "==", periodKey(Date.now()))
      .get();
    await Promise.all(alerts.docs.map((doc) => doc.ref.delete()));
  });

  it("shows each written day's cost, requests and sign-ups: closed documents, else shards", async () => {
    await overview.open(90);
    for (const [day, expected] of Object.entries(DAYS)) {
      expect(await overview.chartRow("chart-cost", day), day).toEqual([
        expected.providerCostMicros / 1e6,
        expected.chargedCostMicros / 1e6,
      ]);
      expect(await overview.chartRow("chart-requests", day), day).toEqual([expected.requests]);
      expect(await overview.chartRow("chart-signups", day), day).toEqual([expected.signups]);
      expect(await overview.chartRow("chart-active", day), day).toEqual([expected.activeUsers]);
    }
  });

  it("counts those days in the 90-day totals and leaves them out of the last 30 days", async () => {
    const written = Object.values(DAYS);
    const sum = (pick: (day: DayRollup) => number) => written.reduce((n, day) => n + pick(day), 0);
    const totals = async (range: 30 | 90) => {
      await overview.open(range);
      return {
        requests: await overview.value("stat-requests"),
        signups: await overview.value("stat-signups"),
      };
    };
    // Other suites may add to today meanwhile, which only ever raises a total: read 30, 90, 30.
    const first30 = await totals(30);
    const in90 = await totals(90);
    const last30 = await totals(30);
    for (const [field, ours] of [
      ["requests", sum((day) => day.requests)],
      ["signups", sum((day) => day.signups)],
    ] as const) {
      expect(in90[field] - ours, field).toBeGreaterThanOrEqual(first30[field]);
      expect(in90[field] - ours, field).toBeLessThanOrEqual(last30[field]);
    }
  });

  it("shows the month's spend from the budget counter, within the budget at first", async () => {
    await overview.open(7);
    const spent = await overview.value("stat-cost-month");
    expect(spent).toBeGreaterThanOrEqual(OUR_SPEND_USD);
    expect(await overview.card("stat-cost-month").textContent()).toContain(`monthly budget`);
    // The default budget ($100) is far above what the suites spend.
    if (spent < before.monthlyBudgetUsd * (before.budgetAlertThresholds[0] ?? 1)) {
      expect(await overview.tone("stat-cost-month")).toBe("ok");
    }
  });

  // A save through the Functions emulator beside the other suites can take a while on 2 cores.
  it(
    "lowers the budget under the month's spend in AI config and logs the change",
    { timeout: 120_000 },
    async () => {
      await config.open();
      expect(await config.input("monthlyBudgetUsd").inputValue()).toBe(
        String(before.monthlyBudgetUsd),
      );
      await config.input("monthlyBudgetUsd").fill("1");
      await config.input("degradeAction").selectOption("none");
      const saved = await config.save();
      expect(saved).toContain("monthlyBudgetUsd");

      const stored = parseAppConfig((await adminDb().doc("config/app").get()).data());
      expect(stored.monthlyBudgetUsd).toBe(1);
      expect(stored.degradeAction).toBe("none");

      const entry = config.newestEntry();
      await expect
        .poll(async () => (await config.keyChange(entry, "monthlyBudgetUsd")).after, {
          timeout: 30_000,
        })
        .toBe("1");
      expect(await entry.textContent()).toContain(account.email);
      expect(await config.keyChange(entry, "monthlyBudgetUsd")).toEqual({
        before: String(before.monthlyBudgetUsd),
        after: "1",
      });
    },
  );

  it("then shows the month's spend over the first alert threshold of the new budget", async () => {
    await overview.open(7);
    const spent = await overview.value("stat-cost-month");
    expect(spent).toBeGreaterThanOrEqual(OUR_SPEND_USD);
    expect(["warning", "critical"]).toContain(await overview.tone("stat-cost-month"));
    expect(await overview.card("stat-cost-month").textContent()).toContain("monthly budget");
    expect(session.pageErrors).toEqual([]);
  });

  it("and the alert banner reacts: the save evaluated the budget alerts at once", async () => {
    const banner = session.page.getByTestId("alert-banner");
    await banner.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await banner.textContent()) ?? "", { timeout: 30_000, interval: 500 })
      .toMatch(/budget/i);
    const raised = await adminDb()
      .collection("alerts")
      .where("kind", "==", "budget")
      .where("period", "==", periodKey(Date.now()))
      .get();
    expect(raised.size).toBeGreaterThan(0);
  });
});
