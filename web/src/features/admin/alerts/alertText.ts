// Plain words for an alert's kind and severity.
import type { Alert, AlertKind } from "@ideaspark/domain";

const KIND_LABELS: Record<AlertKind, string> = {
  budget: "Budget",
  "provider-failures": "Provider failures",
  "spend-spike": "Spend spike",
  "error-rate": "Error rate",
};

export const kindLabel = (kind: AlertKind): string => KIND_LABELS[kind];

export const SEVERITY_LABELS: Record<Alert["severity"], string> = {
  info: "Info",
  warning: "Warning",
  critical: "Critical",
};
