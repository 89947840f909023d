// One figure on the overview: what it is, its value, and a line saying what it is made of.
// `value` is also kept raw in data-value so a test can compare it without parsing text.
import type { ReactNode } from "react";

interface StatCardProps {
  label: string;
  value: string;
  raw?: number | null;
  detail?: ReactNode;
  tone?: "ok" | "warning" | "critical";
  testId: string;
}

export function StatCard({ label, value, raw, detail, tone = "ok", testId }: StatCardProps) {
  return (
    <div className={`stat-card is-${tone}`} data-testid={testId} data-tone={tone}>
      <p className="stat-label">{label}</p>
      <p className="stat-value" data-testid={`${testId}-value`} data-value={raw ?? undefined}>
        {value}
      </p>
      {detail && <div className="stat-detail">{detail}</div>}
    </div>
  );
}
