// Answers a repeated requestId from what was settled the first time, without charging again:
// the same ideas, or the same error.
import {
  DOMAIN_ERROR_KINDS,
  DomainError,
  type DomainErrorKind,
  type SparkChunk,
  type SparkResult,
} from "@ideaspark/domain";
import { getSettled } from "../data/sparks.js";

const DEFAULT_KIND = {
  error: "provider-unavailable",
  refused: "refused",
  cancelled: "cancelled",
} as const;

function kindOf(code: string | undefined): DomainErrorKind | null {
  return DOMAIN_ERROR_KINDS.find((kind) => kind === code) ?? null;
}

export async function replaySettled(
  uid: string,
  requestId: string,
  emit: (chunk: SparkChunk) => void,
): Promise<SparkResult> {
  const settled = await getSettled(uid, requestId);
  if (!settled) throw new DomainError("in-progress");
  const { spark, usage } = settled;
  if (usage.status === "pending") throw new DomainError("in-progress");
  if (usage.status !== "ok" && usage.status !== "partial") {
    throw new DomainError(kindOf(usage.errorCode) ?? DEFAULT_KIND[usage.status]);
  }
  if (!spark) throw new DomainError("in-progress");
  spark.ideas.forEach((idea, index) => emit({ type: "idea", index, idea }));
  return {
    sparkId: requestId,
    ideas: spark.ideas,
    usage: spark.usage,
    cached: spark.cached,
    partial: usage.status === "partial",
  };
}
