// The plans side by side, with the way to Pro. Upgrading is handled by the team for now (the
// plan is set by an admin), so the call to action explains what Pro gives and how to get it.
import type { AppConfig, PlanId } from "@ideaspark/domain";
import { formatTokens, formatUsd } from "../../lib/format";
import { PLAN_NAMES } from "./plans";

export function UpgradePanel({ config, plan }: { config: AppConfig; plan: PlanId }) {
  const pro = config.plans.pro;
  return (
    <section
      id="upgrade"
      className="panel usage-plans"
      aria-labelledby="usage-plans-title"
      data-testid="usage-plans"
    >
      <h2 id="usage-plans-title">Plans</h2>
      <ul className="usage-plan-list">
        {(["free", "pro"] as const).map((id) => (
          <li
            key={id}
            className={`usage-plan${id === plan ? " is-current" : ""}`}
            data-testid={`usage-plan-${id}`}
          >
            <strong>{PLAN_NAMES[id]}</strong>
            <span>{formatTokens(config.plans[id].monthlyTokens)} tokens a month</span>
            <span>
              {config.plans[id].priceUsd === 0
                ? "No charge"
                : `${formatUsd(config.plans[id].priceUsd)} a month`}
            </span>
            {id === plan && <span className="usage-plan-current">Your plan</span>}
          </li>
        ))}
      </ul>
      {plan !== "pro" && (
        <p className="panel-lead" data-testid="usage-upgrade-explainer">
          Pro gives you {formatTokens(pro.monthlyTokens)} tokens every month for{" "}
          {formatUsd(pro.priceUsd)} a month. Online checkout is on its way; until then, reply to any
          IdeaSpark email or ask your administrator and we will switch your account to Pro.
        </p>
      )}
    </section>
  );
}
