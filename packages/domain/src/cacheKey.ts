// The brief cache: which briefs may be shared between users, and the key they are stored
// under (SHA-256 of model + prompt version + a normalised brief).
//
// Cacheability rule (conservative: a miss only costs tokens, a wrong hit would store one
// person's details in a shared cache). A brief is cacheable only when:
//   1. it has no `constraints` (that is where people describe their own situation), and
//   2. its topic is at most 160 characters (long briefs are situational and rarely repeat), and
//   3. neither topic nor audience contains an email address, a URL or "www." domain, an
//      @handle, a phone-like number (7+ digits) or any run of 5+ digits, and
//   4. neither uses first-person words (I, me, my, mine, we, our, us, …), and
//   5. neither has a word written like a name ("Sarah", "Acme") other than the first word of
//      a sentence; acronyms and brand casing ("AI", "B2B", "SaaS") do not count.
// Lowercase names and names in scripts without case are not detected; that risk is accepted.
import { codePointLength } from "./fields.js";
import { sha256Hex } from "./hash.js";
import { BRIEF_LIMITS, DEFAULT_TONE, type SparkBriefInput, type Tone } from "./spark.js";

export const CACHE_KEY_VERSION = 1;
export const CACHEABLE_TOPIC_MAX = 160;

/** A brief reduced to what changes the answer, in a fixed key order. */
export interface NormalizedBrief {
  audience: string;
  constraints: string;
  count: number;
  tone: Tone;
  topic: string;
}

// NFKC folds look-alike forms (full-width letters, ligatures); case and spacing never change
// what ideas a brief deserves.
function normalizeText(value: string | undefined): string {
  return (value ?? "").normalize("NFKC").replace(/\s+/gu, " ").trim().toLowerCase();
}

/** Trims, collapses whitespace, lowercases and applies defaults (count 5, tone practical). */
export function normalizeBrief(brief: SparkBriefInput): NormalizedBrief {
  return {
    audience: normalizeText(brief.audience),
    constraints: normalizeText(brief.constraints),
    count: brief.count ?? BRIEF_LIMITS.count.default,
    tone: brief.tone ?? DEFAULT_TONE,
    topic: normalizeText(brief.topic),
  };
}

/** Hex SHA-256 cache key for a brief answered by `model` with `promptVersion`. */
export async function sparkCacheKey(input: {
  model: string;
  promptVersion: string;
  brief: SparkBriefInput;
}): Promise<string> {
  const canonical = JSON.stringify({
    v: CACHE_KEY_VERSION,
    model: input.model.trim(),
    promptVersion: input.promptVersion.trim(),
    brief: normalizeBrief(input.brief),
  });
  return sha256Hex(canonical);
}

export type PersonalContext =
  | "constraints"
  | "long-topic"
  | "email"
  | "url"
  | "handle"
  | "phone"
  | "number"
  | "first-person"
  | "name";

const FIRST_PERSON =
  /(?<![\p{L}\p{N}'’])(?:i|me|my|mine|myself|we|our|ours|ourselves)(?:['’]\p{L}{1,2})?(?![\p{L}\p{N}'’]|\.\p{L})/iu;

function phoneLike(text: string): boolean {
  const runs = text.match(/\+?\d[\d\s().-]{5,}\d/gu) ?? [];
  return runs.some((run) => run.replace(/\D/gu, "").length >= 7);
}

// A word written like a name ("Sarah", "Acme", "O'Neil") that does not start a sentence.
// Acronyms and brand casing ("AI", "B2B", "SaaS", "YouTube") are not treated as names.
function nameLike(text: string): boolean {
  return text.split(/[.!?]+\s+/u).some((sentence) => {
    const words = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
    return words
      .slice(1)
      .some((word) => /^\p{Lu}\p{Ll}*(?:['’-]\p{L}\p{Ll}*)*$/u.test(word) && /\p{Ll}/u.test(word));
  });
}

const DETECTORS: readonly (readonly [PersonalContext, (text: string) => boolean])[] = [
  ["email", (text) => /[^\s@]+@[^\s@]+\.[^\s@]+/u.test(text)],
  ["url", (text) => /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S/iu.test(text)],
  ["handle", (text) => /(?:^|\s)@[\p{L}\p{N}_.]{2,}/u.test(text)],
  ["phone", phoneLike],
  ["number", (text) => /\d{5,}/u.test(text)],
  [
    "first-person",
    (text) => FIRST_PERSON.test(text) || /(?<![\p{L}\p{N}])us(?![\p{L}\p{N}])/u.test(text),
  ],
  ["name", nameLike],
];

/** Why a brief carries personal context (see the rule above), or null when it is shareable. */
export function personalContext(brief: SparkBriefInput): PersonalContext | null {
  if (brief.constraints?.trim()) return "constraints";
  if (codePointLength(brief.topic.trim()) > CACHEABLE_TOPIC_MAX) return "long-topic";
  for (const text of [brief.topic, brief.audience ?? ""]) {
    for (const [reason, detect] of DETECTORS) if (detect(text)) return reason;
  }
  return null;
}

/** Whether answers to this brief may be shared through the cache. */
export function isCacheable(brief: SparkBriefInput): boolean {
  return personalContext(brief) === null;
}
