// A spark as text a person takes elsewhere: one idea as plain text (copy, share), a whole spark
// as Markdown (export), and the file name it is saved under. Pure; user and model text is
// escaped so it reads back exactly as written in any Markdown viewer.
import type { Idea, SparkBrief, SparkDoc } from "@ideaspark/domain";

/** What an export needs of a spark (a stored one, or a finished run's brief and ideas). */
export interface SparkForText {
  brief: SparkBrief;
  ideas: readonly Idea[];
  /** 0-based indexes of starred ideas. */
  starred?: readonly number[];
  status?: SparkDoc["status"];
  /** Milliseconds since the epoch. */
  createdAt?: number;
}

/** One idea as plain text: title, effort, pitch, why it works and numbered first steps. */
export function ideaToText(idea: Idea): string {
  const steps = idea.firstSteps.map((step, i) => `${i + 1}. ${step}`).join("\n");
  return [
    idea.title,
    `Effort: ${idea.effort}`,
    idea.pitch,
    `Why it works:\n${idea.whyItWorks}`,
    `First steps:\n${steps}`,
  ].join("\n\n");
}

// Characters with inline meaning anywhere in a line (emphasis, code, links, raw HTML, tables,
// strikethrough, escapes themselves).
const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g;
// `&` only where it would start an entity reference (`&amp;`, `&#35;`).
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;
// Block markers at the start of a line: headings, quotes, list items, setext underlines, rules.
const LINE_START_MARKER = /^([#>+=-])/;
const ORDERED_MARKER = /^(\d{1,9})([.)])/;

function escapeLine(line: string): string {
  const inline = line.trim().replace(INLINE_SPECIALS, "\\$&").replace(ENTITY_START, "\\&");
  return inline.replace(LINE_START_MARKER, "\\$1").replace(ORDERED_MARKER, "$1\\$2");
}

/**
 * `text` escaped for Markdown: every line reads literally. Single line breaks are kept as hard
 * breaks, blank lines as paragraph breaks; continuation lines are indented by `indent`.
 */
export function escapeMarkdown(text: string, indent = ""): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n\s*\n/);
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map(escapeLine)
        .filter((line) => line !== "")
        .join(`\\\n${indent}`),
    )
    .join(`\n\n${indent}`);
}

/** Heading text: escaped, and a trailing run of `#` kept from closing the heading. */
function escapeHeading(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " ")).replace(/(#+)$/, (run) =>
    run.replace(/#/g, "\\#"),
  );
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function briefLines(spark: SparkForText): string[] {
  const { brief } = spark;
  const lines = [
    brief.audience && `- **Audience:** ${escapeMarkdown(brief.audience, "  ")}`,
    brief.constraints && `- **Constraints:** ${escapeMarkdown(brief.constraints, "  ")}`,
    brief.tone && `- **Tone:** ${capitalised(brief.tone)}`,
    `- **Ideas:** ${spark.ideas.length} of ${brief.count} asked for` +
      (spark.status === "partial" ? " (the answer ended early)" : ""),
    spark.createdAt !== undefined &&
      `- **Created:** ${new Date(spark.createdAt).toISOString().slice(0, 10)}`,
  ];
  return lines.filter((line): line is string => typeof line === "string" && line !== "");
}

function ideaMarkdown(idea: Idea, index: number, starred: boolean): string {
  const steps = idea.firstSteps.map((step, i) => {
    const marker = `${i + 1}. `;
    return marker + escapeMarkdown(step, " ".repeat(marker.length));
  });
  return [
    `## ${index + 1}. ${escapeHeading(idea.title)}`,
    `**Effort:** ${capitalised(idea.effort)}${starred ? " · ★ Starred" : ""}`,
    escapeMarkdown(idea.pitch),
    "### Why it works",
    escapeMarkdown(idea.whyItWorks),
    "### First steps",
    steps.join("\n"),
  ].join("\n\n");
}

/** A whole spark as a Markdown document: the brief, then every idea with all its fields. */
export function sparkToMarkdown(spark: SparkForText): string {
  const starred = new Set(spark.starred ?? []);
  const ideas =
    spark.ideas.length > 0
      ? spark.ideas.map((idea, i) => ideaMarkdown(idea, i, starred.has(i)))
      : ["_No ideas yet._"];
  const sections = [
    `# ${escapeHeading(spark.brief.topic)}`,
    briefLines(spark).join("\n"),
    ...ideas,
  ];
  return `${sections.join("\n\n")}\n`;
}

const MAX_SLUG_LENGTH = 60;

/** A file-name-safe slug of `text`: lower-case ASCII words joined by "-", or "spark". */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_SLUG_LENGTH) || "spark";
}

/** `<slug of the topic>.md`. */
export function markdownFileName(brief: Pick<SparkBrief, "topic">): string {
  return `${slugify(brief.topic)}.md`;
}
