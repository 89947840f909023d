// The stored spark, users/{uid}/sparks/{sparkId}: written by functions; its owner may only
// star ideas and give feedback (`SparkOwnerUpdate`, mirrored by the security rules).
import { z } from "zod";
import { strictObject } from "./fields.js";
import { BRIEF_LIMITS, Idea, SparkBrief, SparkUsage } from "./spark.js";

export const SPARK_STATUSES = [
  "pending",
  "complete",
  "partial",
  "error",
  "refused",
  "cancelled",
] as const;

const ms = z.number().int().nonnegative();

/** A person's reaction to a spark. */
export const Feedback = z.enum(["up", "down"]).nullable();
export type Feedback = z.infer<typeof Feedback>;

const starred = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(BRIEF_LIMITS.count.max - 1),
  )
  .max(BRIEF_LIMITS.count.max)
  .refine((list) => new Set(list).size === list.length, { error: "starred has duplicates" });

/** users/{uid}/sparks/{sparkId}: written by functions; unknown keys are ignored on read. */
export const SparkDoc = z.object({
  requestId: z.string(),
  brief: SparkBrief,
  ideas: z.array(Idea),
  status: z.enum(SPARK_STATUSES),
  model: z.string(),
  promptVersion: z.string(),
  createdAt: ms,
  completedAt: ms.nullable().default(null),
  usage: SparkUsage,
  cached: z.boolean(),
  starred: starred.default([]),
  feedback: Feedback.default(null),
  errorCode: z.string().optional(),
});
export type SparkDoc = z.infer<typeof SparkDoc>;

/** The only change an owner may make to their spark: star ideas and give feedback. */
export const SparkOwnerUpdate = strictObject("update", {
  starred: starred.optional(),
  feedback: Feedback.optional(),
}).refine((update) => update.starred !== undefined || update.feedback !== undefined, {
  error: "update must change starred or feedback",
});
export type SparkOwnerUpdate = z.infer<typeof SparkOwnerUpdate>;
