// The alert evaluation: reads the month's spend, the newest requests, the heaviest accounts and
// the day rollups, raises each alert that is due once (deterministic ids, `create()`), e-mails
// it when config `alertEmails` lists anyone, and resolves alerts that no longer hold. A plain
// function tests call directly; `evaluateAlertsSchedule` runs it every 10 minutes.
import {
  addDays,
  alertMail,
  errorRateAlert,
  errorRateSpike,
  lastNDays,
  monthOfDay,
  pastDayAlerts,
  periodKey,
  planBudgetAlerts,
  providerFailuresAlert,
  providerHealth,
  rollupDay,
  spendSpike,
  spendSpikeAlert,
  spendSpikeAlertId,
  sumRollups,
  type AlertWrite,
  type AppConfig,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import {
  accountCostMicros,
  accountEmail,
  getQuota,
  listHeavyQuotas,
  listRecentUsage,
  readDayRollup,
} from "../data/alertInputs.js";
import {
  existingAlertIds,
  listBudgetAlerts,
  listOpenAlerts,
  raiseAlert,
  reopenAlert,
  resolveAlerts,
  type StoredAlert,
} from "../data/alerts.js";
import { getAppConfig } from "../data/appConfig.js";
import { monthSpendUsd } from "../data/budget.js";

/** Accounts checked for a spend spike: the month's heaviest by provider cost. */
const HEAVY_ACCOUNTS = 20;

export interface EvaluateAlertsResult {
  /** Ids of the alerts this run raised (first time) or reopened (a budget threshold again). */
  raised: string[];
  reopened: string[];
  resolved: string[];
  /** mail documents written. */
  mailed: number;
}

export async function evaluateAlerts(input: {
  now: number;
  /** The configuration to evaluate with (config/app, freshly read, unless a test says). */
  config?: AppConfig;
}): Promise<EvaluateAlertsResult> {
  const { now } = input;
  const config = input.config ?? (await getAppConfig(0));
  const period = periodKey(now);
  const day = rollupDay(now);
  const result: EvaluateAlertsResult = { raised: [], reopened: [], resolved: [], mailed: 0 };
  const mailFor = (write: AlertWrite) =>
    config.alertEmails.length > 0 ? alertMail(write.alert, config.alertEmails) : null;
  const raise = async (write: AlertWrite) => {
    const mail = mailFor(write);
    if (!(await raiseAlert(write, mail))) return;
    result.raised.push(write.id);
    if (mail) result.mailed++;
    logger.warn("alert raised", { id: write.id, title: write.alert.title });
  };
  const toResolve = new Set<string>();

  const open = await listOpenAlerts();
  const openOf = (kind: StoredAlert["kind"]) => open.filter((a) => a.kind === kind);

  // Budget: each threshold once a month; resolved when the budget is raised above the spend or
  // the month is over, reopened when a raised budget is reached too.
  const [spentUsd, budgetAlerts] = await Promise.all([
    monthSpendUsd(period, 0),
    listBudgetAlerts(period),
  ]);
  const known = new Map([...openOf("budget"), ...budgetAlerts].map((a) => [a.id, a]));
  const budget = planBudgetAlerts({
    period,
    spentUsd,
    config,
    existing: [...known.values()],
    nowMs: now,
  });
  for (const write of budget.create) await raise(write);
  for (const write of budget.reopen) {
    const mail = mailFor(write);
    if (!(await reopenAlert(write, mail))) continue;
    result.reopened.push(write.id);
    if (mail) result.mailed++;
    logger.warn("alert reopened", { id: write.id, title: write.alert.title });
  }
  budget.resolve.forEach((id) => toResolve.add(id));

  // Provider failures in a row: one alert per streak, resolved by the next answered request.
  const threshold = config.alerts.providerFailuresInARow;
  const recent = await listRecentUsage(now, Math.max(50, threshold * 4));
  const health = providerHealth(recent, threshold);
  const openFailures = openOf("provider-failures");
  if (health.state === "failing" && openFailures.length === 0) {
    await raise(providerFailuresAlert(health, now));
  }
  if (health.state === "healthy") openFailures.forEach((a) => toResolve.add(a.id));

  await checkSpendSpikes({ config, period, day, now, raise });

  // Error rate: today's share of errors against the previous 7 days'; one alert a day.
  const trailingDays = lastNDays(7, addDays(day, -1));
  const [today, ...trailing] = await Promise.all([
    readDayRollup(day, true),
    ...trailingDays.map((d) => readDayRollup(d)),
  ]);
  const errors = errorRateSpike({ today, trailing: sumRollups(trailing), config: config.alerts });
  if (errors.spike) await raise(errorRateAlert(day, errors, now));
  pastDayAlerts(open, day).forEach((id) => toResolve.add(id));

  result.resolved = await resolveAlerts([...toResolve], now);
  return result;
}

/**
 * Spend spikes among the month's heaviest accounts active today that have no spike alert today
 * yet: their cost today against their usual active day (this month and the previous one).
 */
async function checkSpendSpikes(input: {
  config: AppConfig;
  period: string;
  day: string;
  now: number;
  raise: (write: AlertWrite) => Promise<void>;
}): Promise<void> {
  const { config, period, day, now, raise } = input;
  const minMicros = Math.round(config.alerts.spendSpikeMinUsd * 1e6);
  const heavy = await listHeavyQuotas(period, HEAVY_ACCOUNTS);
  const candidates = heavy.filter(
    (q) => q.activeDays[day] === true && q.providerCostMicros >= Math.max(1, minMicros),
  );
  const alerted = await existingAlertIds(candidates.map((q) => spendSpikeAlertId(day, q.uid)));
  const previousPeriod = monthOfDay(addDays(`${period}-01`, -1));
  const dayStart = Date.parse(`${day}T00:00:00.000Z`);
  for (const quota of candidates) {
    if (alerted.has(spendSpikeAlertId(day, quota.uid))) continue;
    const [todayMicros, previous] = await Promise.all([
      accountCostMicros(quota.uid, dayStart, now),
      getQuota(quota.uid, previousPeriod),
    ]);
    const figures = spendSpike({
      quotas: previous ? [quota, previous] : [quota],
      today: day,
      todayMicros,
      config: config.alerts,
    });
    if (!figures.spike) continue;
    const email = await accountEmail(quota.uid);
    await raise(spendSpikeAlert({ uid: quota.uid, email, day, figures, nowMs: now }));
  }
}
