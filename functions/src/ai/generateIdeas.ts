// One spark's model work: stream structured ideas, emitting each as soon as its JSON closes.
// When an attempt fails after some ideas arrived, they are kept and the next attempt asks only
// for the rest. Retries are bounded (malformed output at most once, refusals and incomplete
// answers never with the same limits), honour Retry-After, and stop before the deadline.
// Every provider call is logged as an attempt with what it billed, so nothing is free. When
// the caller leaves mid-answer the call is read to its end (nothing more is shown): the
// provider bills what it generated whether or not anyone reads it, and only a finished call
// says exactly how much that was.
import {
  attemptCostUsd,
  buildSparkPrompt,
  createIdeaStreamParser,
  estimatePromptTokens,
  estimateTokens,
  ideaListFormat,
  isOutOfCredit,
  maxOutputTokensFor,
  nextStep,
  planAttempts,
  settingsFor,
  type AppConfig,
  type AttemptOutcome,
  type AttemptRecord,
  type DomainErrorKind,
  type FailureInfo,
  type Idea,
  type SparkBrief,
  type SparkChunk,
  type SparkPrompt,
} from "@ideaspark/domain";
import { logger } from "firebase-functions/logger";
import { ModelCallError, type ModelClient, type TokenCounts } from "./modelClient.js";

export type GenerationConfig = Pick<
  AppConfig,
  "models" | "retry" | "maxOutputTokens" | "timeouts" | "pricing" | "modelSettings"
>;

export interface GenerateInput {
  client: ModelClient;
  brief: SparkBrief;
  config: GenerationConfig;
  /** Fires when the caller goes away: generation stops at once. */
  signal: AbortSignal;
  /** No model work starts or continues past this instant (ms). */
  deadlineAt: number;
  safetyIdentifier: string;
  emit: (chunk: SparkChunk) => void;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** How the model work ended; never thrown, so every attempt reaches the ledger. */
export interface Generation {
  status: "ok" | "partial" | "refused" | "error" | "cancelled";
  ideas: Idea[];
  attempts: AttemptRecord[];
  /** The model of the last attempt, as the provider named it. */
  model: string;
  /** For refused/error/cancelled: the kind the caller is told. */
  errorKind?: DomainErrorKind;
  errorMessage?: string;
  /** The whole answer when the model finished one (also when the caller had left): cacheable. */
  answer?: Idea[];
}

export function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

const NOTHING: TokenCounts = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };

/**
 * The provider's usage; when it sent none, an estimate from what arrived, once the provider
 * had accepted the call (its `response.created`). A call refused or cut before that (an HTTP
 * error, no answer at all) is recorded as unbilled.
 */
function measured(
  prompt: SparkPrompt,
  text: string,
  usage: TokenCounts | null,
  accepted = true,
): { usage: TokenCounts; estimated: boolean } {
  if (usage) return { usage, estimated: false };
  if (!accepted) return { usage: NOTHING, estimated: false };
  const estimate = {
    inputTokens: estimatePromptTokens(prompt),
    outputTokens: estimateTokens(text),
    cachedInputTokens: 0,
  };
  return { usage: estimate, estimated: true };
}

// Failed responses with these codes mean the provider's policies refused the prompt.
const POLICY_CODES = new Set(["invalid_prompt", "bio_policy", "misalignment_policy_violation"]);

function outcomeOf(failure: FailureInfo, why: "caller" | "timer" | null): AttemptOutcome {
  if (why === "caller") return "cancelled";
  if (why === "timer" || failure.code === "timeout") return "timeout";
  if (failure.code && POLICY_CODES.has(failure.code)) return "refused";
  if (failure.code === "malformed-output") return "malformed";
  if (failure.failedResponse) return "failed";
  if (failure.status == null && !isOutOfCredit(failure)) return "dropped";
  return "failed";
}

export async function generateIdeas(input: GenerateInput): Promise<Generation> {
  const { client, brief, config, signal, emit, deadlineAt } = input;
  const random = input.random ?? Math.random;
  const sleep = input.sleep ?? sleepFor;
  const now = input.now ?? Date.now;
  const count = brief.count;
  const plan = planAttempts({
    maxAttempts: config.retry.maxAttempts,
    primary: config.models.primary,
    fallback: config.models.fallback,
  });
  const delivered: Idea[] = [];
  const attempts: AttemptRecord[] = [];
  let malformed = 0;
  let model = config.models.primary;

  const end = (
    status: Generation["status"],
    errorKind?: DomainErrorKind,
    errorMessage?: string,
    answer?: Idea[],
  ): Generation => {
    // Ideas that arrived before the end are the result, unless the caller left or it was refused.
    const finalStatus = status === "error" && delivered.length > 0 ? "partial" : status;
    return {
      status: finalStatus,
      ideas: delivered,
      attempts,
      model,
      ...(finalStatus !== "ok" && finalStatus !== "partial" ? { errorKind, errorMessage } : {}),
      ...(answer ? { answer } : {}),
    };
  };

  let step = plan[0];
  while (step) {
    if (signal.aborted) return end("cancelled", "cancelled");
    const remaining = count - delivered.length;
    const prompt = buildSparkPrompt(
      brief,
      delivered.length > 0
        ? { count: remaining, givenTitles: delivered.map((idea) => idea.title) }
        : undefined,
    );
    const settings = settingsFor(config, step.model);
    const maxOutputTokens = maxOutputTokensFor(
      remaining,
      config.maxOutputTokens,
      settings ?? undefined,
    );
    const timeLeft = deadlineAt - now();
    if (timeLeft <= 0) return end("error", "provider-unavailable", "The model ran out of time.");

    // The attempt ends when the deadline passes or the model goes quiet; a caller who leaves
    // only stops what is shown (`leftAt`: the text they had received by then).
    const timer = new AbortController();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => timer.abort(), config.timeouts.idleMs);
    };
    const deadline = setTimeout(() => timer.abort(), timeLeft);
    let leftAt: string | null = signal.aborted ? "" : null;
    const onLeave = () => {
      leftAt ??= text;
    };
    signal.addEventListener("abort", onLeave, { once: true });
    const parser = createIdeaStreamParser();
    const offset = delivered.length;
    const fresh: Idea[] = [];
    let parseError: Error | null = null;
    let text = "";
    touch();

    const requested = step.model;
    const record = (
      outcome: AttemptOutcome,
      usage: TokenCounts,
      estimated: boolean,
      answeredBy: string,
      code?: string | null,
    ) => {
      model = answeredBy;
      // What reached the person when they left mid-answer: their charge stops there.
      const delivered_ = leftAt !== null ? { deliveredOutputTokens: estimateTokens(leftAt) } : {};
      attempts.push({
        kind: "generation",
        model: answeredBy,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cachedInputTokens: usage.cachedInputTokens,
        reasoningTokens: usage.reasoningTokens ?? 0,
        costUsd: priced(usage, answeredBy, requested, config),
        outcome,
        estimated,
        ideas: fresh.length,
        ...(code ? { code } : {}),
        ...delivered_,
      });
      delivered.push(...fresh);
    };

    let failure: FailureInfo;
    try {
      const result = await client.stream({
        model: step.model,
        instructions: prompt.instructions,
        input: prompt.input,
        format: ideaListFormat(remaining),
        maxOutputTokens,
        reasoningEffort: settings?.reasoningEffort ?? null,
        safetyIdentifier: input.safetyIdentifier,
        signal: timer.signal,
        onActivity: touch,
        onText: (delta) => {
          text += delta;
          // After a parse error, or once the caller left, the stream is still read to its end
          // so the provider's usage (and so its bill) is known exactly; nothing more is shown.
          if (leftAt !== null || parseError || fresh.length >= remaining) return;
          try {
            for (const idea of parser.push(delta)) {
              if (fresh.length >= remaining) break;
              fresh.push(idea);
              emit({ type: "idea", index: offset + fresh.length - 1, idea });
            }
          } catch (error) {
            parseError = error as Error;
          }
        },
      });
      const { usage, estimated } = measured(prompt, result.text, result.usage);
      if (leftAt !== null && fresh.length < remaining) {
        const answer =
          result.end.kind === "completed" ? finishAnswer(parser, result.text, remaining) : [];
        record("cancelled", usage, estimated, result.model);
        const whole = offset === 0 && answer.length === remaining ? answer : undefined;
        return end("cancelled", "cancelled", "The request was cancelled.", whole);
      }
      if (result.end.kind === "refused") {
        record("refused", usage, estimated, result.model);
        return end("refused", "refused", result.end.refusal);
      }
      if (result.end.kind === "incomplete") {
        const filtered = result.end.reason === "content_filter";
        record(filtered ? "refused" : "incomplete", usage, estimated, result.model);
        if (filtered)
          return end("refused", "refused", "The answer was stopped by a content filter.");
        failure = { code: "max_output_tokens" };
      } else if (parseError) {
        record("malformed", usage, estimated, result.model);
        failure = { code: "malformed-output" };
      } else {
        const ideas = finishAnswer(parser, result.text, remaining);
        if (ideas.length === remaining) {
          // Ideas the stream did not hand out (none in practice) are emitted now.
          for (let i = fresh.length; i < ideas.length; i++) {
            emit({ type: "idea", index: offset + i, idea: ideas[i] as Idea });
          }
          fresh.splice(0, fresh.length, ...ideas);
          record("ok", usage, estimated, result.model);
          return end("ok", undefined, undefined, [...delivered]);
        }
        record("malformed", usage, estimated, result.model);
        failure = { code: "malformed-output" };
      }
    } catch (raw) {
      const error =
        raw instanceof ModelCallError
          ? raw
          : new ModelCallError(String(raw), { code: "stream-dropped" }, { text, usage: null });
      const why = leftAt !== null ? "caller" : timer.signal.aborted ? "timer" : null;
      const accepted = error.partial.model !== undefined;
      const { usage, estimated } = measured(prompt, text, error.partial.usage, accepted);
      const outcome = parseError ? "malformed" : outcomeOf(error.failure, why);
      record(outcome, usage, estimated, error.partial.model ?? step.model, error.failure.code);
      if (why === "caller") return end("cancelled", "cancelled");
      if (outcome === "refused") return end("refused", "refused", error.message);
      if (isOutOfCredit(error.failure)) {
        // An operator must add credit: this line is what the alerting watches for.
        logger.error("OPENAI_INSUFFICIENT_QUOTA: the provider account is out of credit", {
          model: step.model,
        });
        return end("error", "provider-unavailable", error.message);
      }
      failure =
        why === "timer"
          ? { code: "timeout" }
          : parseError
            ? { code: "malformed-output" }
            : error.failure;
    } finally {
      clearTimeout(idle);
      clearTimeout(deadline);
      signal.removeEventListener("abort", onLeave);
    }

    if (delivered.length >= count) return end("ok");
    if (failure.code === "malformed-output" && ++malformed > 1) {
      return end("error", "provider-unavailable", "The model's answers were malformed.");
    }
    const next =
      failure.code === "max_output_tokens"
        ? laterModel(plan, step.attempt)
        : nextStep({ attempt: step.attempt, failure, plan, policy: config.retry, random, now });
    if (!next || !next.retry) {
      return end(
        "error",
        "provider-unavailable",
        `The model could not answer (${failure.code ?? failure.status}).`,
      );
    }
    if (now() + next.delayMs >= deadlineAt) {
      return end("error", "provider-unavailable", "The model ran out of time.");
    }
    emit({
      type: "retry",
      attempt: next.attempt,
      delayMs: next.delayMs,
      model: next.model,
      kept: delivered.length,
    });
    await sleep(next.delayMs, signal);
    step = plan[next.attempt - 1];
  }
  return end("error", "provider-unavailable", "No model attempt was possible.");
}

/** The bill of one call: the snapshot's price, else its alias's, else the requested model's. */
function priced(
  usage: TokenCounts,
  answeredBy: string,
  requested: string,
  config: GenerationConfig,
) {
  try {
    return attemptCostUsd({ ...usage, model: answeredBy }, config.pricing);
  } catch {
    logger.error("no price for the model that answered; priced as the requested model", {
      answeredBy,
      requested,
    });
    return attemptCostUsd({ ...usage, model: requested }, config.pricing);
  }
}

/** The parsed, validated list from a finished answer; [] when it cannot be used. */
function finishAnswer(
  parser: ReturnType<typeof createIdeaStreamParser>,
  text: string,
  remaining: number,
): Idea[] {
  try {
    return parser.finish(text).slice(0, remaining);
  } catch {
    return [];
  }
}

/** An incomplete answer is never retried with the same limits: only a different model. */
function laterModel(plan: ReturnType<typeof planAttempts>, attempt: number) {
  const current = plan[attempt - 1];
  const other = plan.slice(attempt).find((s) => s.model !== current?.model);
  return other
    ? { retry: true as const, attempt: other.attempt, model: other.model, delayMs: 0 }
    : null;
}
