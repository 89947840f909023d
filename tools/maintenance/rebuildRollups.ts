// `npm run rollups:rebuild -- [--period YYYY-MM] [--write]`: recomputes a month's daily rollups
// from the raw documents on the running emulators (usage records, profiles, landing events)
// and says, day by day, whether the incremental counters agree; `--write` replaces them with
// the recomputed numbers (run `npm run rollups:close` after to refold the closed days).
import { PeriodKey, periodKey } from "@ideaspark/domain";
import { emulatorClientEnv } from "../lib/stack.js";

Object.assign(process.env, { ...emulatorClientEnv(), ...process.env });
const args = process.argv.slice(2);
const at = args.indexOf("--period");
const period = PeriodKey.parse(at >= 0 ? args[at + 1] : periodKey(Date.now()));
const write = args.includes("--write");
const { rebuildRollupsForPeriod } =
  await import("../../functions/src/maintenance/rebuildRollups.js");
const result = await rebuildRollupsForPeriod({ period, write });
console.log(
  `rollups ${period}: ${result.days} day(s), ${result.differing.length} differing` +
    (result.differing.length > 0 ? ` (${result.differing.join(", ")})` : "") +
    (write ? "; rewritten from the records" : ""),
);
for (const problem of result.stampProblems) console.log(`  stamp problem: ${problem}`);
const bad = (result.differing.length > 0 && !write) || result.stampProblems.length > 0;
process.exit(bad ? 1 : 0);
