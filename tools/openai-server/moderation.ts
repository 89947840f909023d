// The moderation classifier: a small built-in list of clearly harmful phrasings (violence,
// weapons, self-harm, illicit, hate, sexual) mapped to OpenAI's moderation categories.
import { hashString } from "./random.js";

export const CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;

export type Category = (typeof CATEGORIES)[number];

const IMAGE_CATEGORIES = new Set<Category>([
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "violence",
  "violence/graphic",
]);

const RULES: { pattern: RegExp; categories: Category[] }[] = [
  {
    pattern:
      /\b(?:build|make|assemble|construct)\s+(?:a\s+|an\s+)?(?:pipe\s+)?(?:bomb|explosive|ied)s?\b/i,
    categories: ["violence", "illicit", "illicit/violent"],
  },
  {
    pattern: /\b(?:ghost gun|untraceable (?:gun|firearm)|blow up (?:a|the) \w+)/i,
    categories: ["violence", "illicit/violent"],
  },
  {
    pattern:
      /\b(?:kill(?:s|ing|ed)?|murder(?:s|ing|ed)?|stab(?:bing)?|massacre|slaughter)\b(?!\s+(?:time|boredom|it\b|the (?:lights|mood|vibe)|two birds))/i,
    categories: ["violence"],
  },
  {
    pattern: /\bi(?:'m| am)?\s*(?:going to|gonna|will)\s+(?:kill|hurt|beat|find)\s+you\b/i,
    categories: ["harassment", "harassment/threatening", "violence"],
  },
  {
    pattern:
      /\b(?:suicide|suicidal|kill myself|end my life|self[- ]harm|cut(?:ting)? myself|want to die)\b/i,
    categories: ["self-harm", "self-harm/intent"],
  },
  {
    pattern: /\bhow (?:to|do i|can i)\s+(?:kill myself|commit suicide|end my life)\b/i,
    categories: ["self-harm/instructions"],
  },
  {
    pattern:
      /\b(?:(?:buy|make|cook|sell)\s+(?:meth|cocaine|heroin|fentanyl)|launder(?:ing)? money|hack into)\b/i,
    categories: ["illicit"],
  },
  {
    pattern: /\b(?:exterminate|ethnic cleansing|inferior race|subhuman)\b/i,
    categories: ["hate", "hate/threatening"],
  },
  {
    pattern: /\b(?:gore|dismember(?:ed|ment)?|mutilat(?:e|ed|ion))\b/i,
    categories: ["violence", "violence/graphic"],
  },
  { pattern: /\b(?:porn|pornographic|explicit sex)\b/i, categories: ["sexual"] },
];

export interface ModerationResult {
  flagged: boolean;
  categories: Record<Category, boolean>;
  category_scores: Record<Category, number>;
  category_applied_input_types: Record<Category, ("text" | "image")[]>;
}

/** `result` flagged in `category` as well (a test's way to flag a text of its choosing). */
export function flag(result: ModerationResult, category: Category): ModerationResult {
  return {
    ...result,
    flagged: true,
    categories: { ...result.categories, [category]: true },
    category_scores: { ...result.category_scores, [category]: 0.99 },
  };
}

export function classify(text: string, hasImage: boolean): ModerationResult {
  const hits = new Set<Category>();
  for (const rule of RULES)
    if (rule.pattern.test(text)) rule.categories.forEach((c) => hits.add(c));
  const categories = {} as Record<Category, boolean>;
  const scores = {} as Record<Category, number>;
  const applied = {} as Record<Category, ("text" | "image")[]>;
  for (const category of CATEGORIES) {
    const noise = hashString(`${category}:${text}`) % 1000;
    categories[category] = hits.has(category);
    scores[category] = hits.has(category) ? 0.9 + noise / 10_000 : (noise + 1) / 1_000_000;
    applied[category] = hasImage && IMAGE_CATEGORIES.has(category) ? ["text", "image"] : ["text"];
  }
  return {
    flagged: hits.size > 0,
    categories,
    category_scores: scores,
    category_applied_input_types: applied,
  };
}
