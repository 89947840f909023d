// Topic-specific idea content: one seed (angle, title, pitch, steps) per idea, and the text a
// schema field gets from its name (title → the idea's title, firstSteps → its steps, …).
import { ANGLES, HOOKS } from "./angles.js";
import type { Angle } from "./angles.js";
import type { Brief } from "./brief.js";
import type { Rng } from "./random.js";

export interface IdeaSeed {
  angle: Angle;
  title: string;
  pitch: string;
  steps: string[];
  hook: string;
}

export interface IdeaContext {
  brief: Brief;
  rng: Rng;
  /** Angles in this brief's own order, so ideas differ between briefs but not between runs. */
  angles: readonly Angle[];
}

export function createIdeaContext(brief: Brief, rng: Rng): IdeaContext {
  return { brief, rng, angles: rng.shuffle(ANGLES) };
}

export function ideaSeed(ctx: IdeaContext, index: number): IdeaSeed {
  const angle = ctx.angles[index % ctx.angles.length] as Angle;
  const round = Math.floor(index / ctx.angles.length);
  const title = fill(ctx.rng.pick(angle.titles), ctx.brief);
  return {
    angle,
    title: round > 0 ? `${title} ${romanNumeral(round + 1)}` : title,
    pitch: `${fill(ctx.rng.pick(angle.pitches), ctx.brief)} ${ctx.rng.pick(HOOKS)}`,
    steps: angle.steps.map((step) => fill(step, ctx.brief)),
    hook: ctx.rng.pick(HOOKS),
  };
}

export function fill(pattern: string, brief: Brief): string {
  const audience = brief.audience ?? "your audience";
  return pattern
    .replaceAll("{T}", titleCase(brief.shortTopic))
    .replaceAll("{t}", brief.shortTopic)
    .replaceAll("{topic}", brief.topic)
    .replaceAll("{audience}", audience);
}

/** The text a string field gets, judged by its property name. */
export function textForField(key: string, ctx: IdeaContext, idea: IdeaSeed | null): string {
  const name = key.toLowerCase();
  const seed = idea ?? ideaSeed(ctx, ctx.rng.int(0, ctx.angles.length - 1));
  if (/title|name|headline|label/.test(name)) return seed.title;
  if (/why|rationale|reason|benefit/.test(name)) return seed.hook;
  if (/pitch|desc|summary|detail|overview|body|idea|text|content/.test(name)) return seed.pitch;
  if (/step|action|task|todo|plan/.test(name)) return ctx.rng.pick(seed.steps);
  if (/tag|keyword|categor|theme|type|kind/.test(name)) return seed.angle.label;
  if (/audience|target|persona|customer|who/.test(name)) {
    return ctx.brief.audience ?? `people interested in ${ctx.brief.shortTopic}`;
  }
  if (/effort|difficulty|complexity|cost|budget|risk|impact|priority|level/.test(name)) {
    return ctx.rng.pick(["low", "medium", "high"]);
  }
  if (/time|duration|timeline|timeframe|horizon/.test(name)) {
    return ctx.rng.pick(["1 week", "2 weeks", "1 month", "3 months"]);
  }
  if (/emoji|icon/.test(name)) return ctx.rng.pick(["💡", "🚀", "🌱", "🎯", "✨", "🤝"]);
  if (/url|link|href/.test(name)) return `https://example.com/${slug(seed.title)}`;
  return `${capitalize(seed.angle.label)} angle on ${ctx.brief.shortTopic}: ${seed.hook}`;
}

/** A list of strings for an array field, judged by its property name. */
export function listForField(
  key: string,
  ctx: IdeaContext,
  idea: IdeaSeed | null,
  count: number,
): string[] {
  const name = key.toLowerCase();
  const seed = idea ?? ideaSeed(ctx, 0);
  let pool: string[];
  if (/step|action|task|todo|plan/.test(name)) pool = seed.steps;
  else if (/tag|keyword|categor|theme/.test(name)) {
    pool = [seed.angle.label, ...ctx.brief.shortTopic.toLowerCase().split(/\s+/), "idea"];
  } else pool = seed.steps.map((step, i) => (i === 0 ? seed.hook : step));
  return Array.from({ length: count }, (_, i) =>
    i < pool.length ? (pool[i] as string) : `${pool[i % pool.length]} (${i + 1})`,
  );
}

const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
]);

/** "zero-waste coffee shop in lisbon" → "Zero-Waste Coffee Shop in Lisbon". */
export function titleCase(text: string): string {
  return text
    .split(" ")
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.replace(/(^|-)(\p{Ll})/gu, (_, gap: string, c: string) => gap + c.toUpperCase()),
    )
    .join(" ");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function romanNumeral(n: number): string {
  return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1] ?? String(n);
}
