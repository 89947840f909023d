// A message about a whole form (e.g. "Wrong email or password"), announced when it appears.
import type { ReactNode } from "react";

export function FormAlert({
  children,
  tone = "error",
  testId = "form-error",
}: {
  children: ReactNode;
  tone?: "error" | "success";
  testId?: string;
}) {
  return (
    <div
      className={`form-alert is-${tone}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
