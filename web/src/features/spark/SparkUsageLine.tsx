// What a finished spark used: tokens, and a badge when the answer came from the cache.
import type { SparkUsage } from "@ideaspark/domain";

export function SparkUsageLine({ usage, cached }: { usage: SparkUsage; cached: boolean }) {
  const tokens = usage.inputTokens + usage.outputTokens;
  return (
    <p className="spark-usage" data-testid="spark-usage">
      {cached && (
        <span className="spark-cached" data-testid="spark-cached">
          Instant answer from cache
        </span>
      )}
      <span>
        {tokens.toLocaleString()} tokens ({usage.inputTokens.toLocaleString()} in ·{" "}
        {usage.outputTokens.toLocaleString()} out)
      </span>
    </p>
  );
}
