// `npm run rollups:rebuild -- [--period YYYY-MM] [--write]`: recomputes a month's daily rollups
// from the usage records on the running emulators and says, day by day, whether the
// incremental counters agree; `--write` replaces them with the recomputed numbers.
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
process.exit(result.differing.length > 0 && !write ? 1 : 0);
