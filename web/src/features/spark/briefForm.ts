// The brief form's values ↔ the domain brief: typed text in, SparkBrief (or field messages)
// out, using the same schema the spark function parses with; plus briefs derived from a spark
// (more like one idea, or the rest of an answer that ended early).
import {
  BRIEF_LIMITS,
  codePointLength,
  DEFAULT_TONE,
  SparkBrief,
  type Idea,
} from "@ideaspark/domain";
import type { FormDraft } from "../../lib/drafts";
import { validate } from "../../ui/useForm";

export type BriefField = keyof FormDraft;
export type BriefErrors = Partial<Record<BriefField, string>>;

export const EMPTY_FORM: FormDraft = {
  topic: "",
  audience: "",
  constraints: "",
  count: String(BRIEF_LIMITS.count.default),
  tone: DEFAULT_TONE,
};

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1) + ".";

/** The parsed brief, or the first message per field (worded by the domain schema). */
export function parseBriefForm(
  form: FormDraft,
): { brief: SparkBrief; errors: null } | { brief: null; errors: BriefErrors } {
  const count = form.count.trim() === "" ? Number.NaN : Number(form.count);
  const result = validate(SparkBrief, { ...form, count, tone: form.tone || undefined });
  if (result.errors === null) return { brief: result.data, errors: null };
  const errors: BriefErrors = {};
  for (const [field, message] of Object.entries(result.errors)) {
    errors[field as BriefField] = sentence(message);
  }
  return { brief: null, errors };
}

export function formFromBrief(brief: Partial<SparkBrief>): FormDraft {
  return {
    topic: brief.topic ?? "",
    audience: brief.audience ?? "",
    constraints: brief.constraints ?? "",
    count: String(brief.count ?? BRIEF_LIMITS.count.default),
    tone: brief.tone ?? DEFAULT_TONE,
  };
}

/** Typed length against the limit, e.g. "12 / 500" (code points, as the schema counts). */
export function counter(value: string, max: number): string {
  return `${codePointLength(value.trim())} / ${max}`;
}

function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("").trimEnd();
}

/** "More like this": the idea's title plus the original topic; same audience, tone, count. */
export function moreLikeThis(idea: Idea, brief: SparkBrief): FormDraft {
  const topic = clip(`${idea.title} — ${brief.topic}`, BRIEF_LIMITS.topic.max);
  return formFromBrief({
    topic,
    count: brief.count,
    ...(brief.audience ? { audience: brief.audience } : {}),
    ...(brief.tone ? { tone: brief.tone } : {}),
  });
}

/** "Ask for the rest": the same brief, asking only for the ideas a partial answer lacked. */
export function restOfBrief(brief: SparkBrief, delivered: number): FormDraft {
  const missing = Math.max(BRIEF_LIMITS.count.min, brief.count - delivered);
  return formFromBrief({ ...brief, count: missing });
}
