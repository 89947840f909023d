// The `spark` callable's contracts: the brief a person writes, the request that carries it,
// the ideas the model returns, and the chunks streamed while it writes.
// Text lengths are counted in Unicode code points after trimming (an emoji counts as 1).
import { z } from "zod";
import { oneOf, safeText, strictObject, wholeNumber } from "./fields.js";

export const TONES = ["practical", "bold", "playful"] as const;
export const DEFAULT_TONE = "practical" satisfies Tone;
export const EFFORTS = ["low", "medium", "high"] as const;
export const SPARK_PHASES = ["moderating", "thinking", "writing"] as const;

/** Size rules of a brief, shared by the form, the schema and the prompt. */
export const BRIEF_LIMITS = {
  topic: { min: 3, max: 500 },
  audience: { max: 200 },
  constraints: { max: 1000 },
  count: { min: 1, max: 10, default: 5 },
} as const;

/** How the ideas should sound. */
export const Tone = oneOf("tone", TONES);
export type Tone = z.infer<typeof Tone>;

/** How much work an idea takes for one person or a small team. */
export const Effort = oneOf("effort", EFFORTS);
export type Effort = z.infer<typeof Effort>;

// Empty optional text means "not given": drop it so stored briefs never carry "" or undefined
// (Firestore refuses undefined values).
function dropBlank<T extends Record<string, unknown>>(brief: T): T {
  const entries = Object.entries(brief).filter(([, value]) => value !== undefined && value !== "");
  return Object.fromEntries(entries) as T;
}

/** What a person asks ideas for; `count` defaults to 5, blank optional fields are dropped. */
export const SparkBrief = strictObject("brief", {
  topic: safeText("topic", { ...BRIEF_LIMITS.topic, visible: true }),
  audience: safeText("audience", BRIEF_LIMITS.audience).optional(),
  constraints: safeText("constraints", { ...BRIEF_LIMITS.constraints, multiline: true }).optional(),
  count: wholeNumber("count", BRIEF_LIMITS.count).default(BRIEF_LIMITS.count.default),
  tone: Tone.optional(),
}).transform(dropBlank);
export type SparkBrief = z.infer<typeof SparkBrief>;
/** What a form may hand to `SparkBrief` before defaults are applied. */
export type SparkBriefInput = z.input<typeof SparkBrief>;

// RFC 9562 versions 1–8 with the RFC variant; the nil UUID is refused (not client-generated).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A client-generated request id; retries reuse it so a request is never charged twice. */
export const RequestId = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "requestId is required" : "requestId must be text",
  })
  .regex(UUID, { error: "requestId must be a UUID (e.g. from crypto.randomUUID())" })
  .transform((id) => id.toLowerCase());
export type RequestId = z.infer<typeof RequestId>;

/** What the web app sends to the `spark` callable. */
export const SparkRequest = strictObject("request", { requestId: RequestId, brief: SparkBrief });
export type SparkRequest = z.infer<typeof SparkRequest>;

/** One idea as the model writes it; every field is required so structured output is strict. */
export const Idea = strictObject("idea", {
  title: safeText("title", { min: 1, max: 200 }),
  pitch: safeText("pitch", { min: 1, max: 1500, multiline: true }),
  whyItWorks: safeText("whyItWorks", { min: 1, max: 1000, multiline: true }),
  effort: Effort,
  firstSteps: z
    .array(safeText("firstSteps item", { min: 1, max: 400, multiline: true }), {
      error: "firstSteps must be a list",
    })
    .min(1, { error: "firstSteps must have at least 1 step" })
    .max(6, { error: "firstSteps must have at most 6 steps" }),
});
export type Idea = z.infer<typeof Idea>;

/** The model's whole structured answer. */
export const IdeaList = strictObject("answer", {
  ideas: z.array(Idea, { error: "ideas must be a list" }),
});
export type IdeaList = z.infer<typeof IdeaList>;

const tokens = z.number().int().nonnegative();

/** Tokens a spark used and what they cost (0 for cache hits and refusals). */
export const SparkUsage = z.object({
  inputTokens: tokens,
  outputTokens: tokens,
  costUsd: z.number().nonnegative(),
});
export type SparkUsage = z.infer<typeof SparkUsage>;

/**
 * What the `spark` callable returns once the answer is over. `partial`: the model could not
 * finish, and the ideas it did deliver are the result (fewer than asked; the person may ask
 * for more).
 */
export const SparkResult = z.object({
  sparkId: z.string().min(1),
  ideas: z.array(Idea),
  usage: SparkUsage,
  cached: z.boolean(),
  partial: z.boolean().default(false),
});
export type SparkResult = z.infer<typeof SparkResult>;

/** A streamed progress chunk; at least one `idea` chunk is sent per finished idea. */
export const SparkChunk = z.discriminatedUnion("type", [
  /** Where the request is: checking the brief, waiting for the model, or receiving ideas. */
  z.object({ type: z.literal("status"), phase: z.enum(SPARK_PHASES) }),
  /** An idea that just finished; `index` is its 0-based position in the list. */
  z.object({ type: z.literal("idea"), index: tokens, idea: Idea }),
  /**
   * The attempt failed and another starts after `delayMs`. The first `kept` ideas shown so far
   * stay; the next attempt writes only the rest (ideas from index `kept` on are replaced).
   */
  z.object({
    type: z.literal("retry"),
    attempt: z.number().int().min(2),
    delayMs: tokens,
    model: z.string(),
    kept: tokens.default(0),
  }),
]);
export type SparkChunk = z.infer<typeof SparkChunk>;
