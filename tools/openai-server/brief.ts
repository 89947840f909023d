// Reads a Responses request's `instructions` and `input` (string or message array) into the
// brief the mock generates from: the topic, a short topic for titles, audience, idea count.
import { hashString } from "./random.js";

export interface Brief {
  /** All prompt text (instructions + input), used for token estimates. */
  promptText: string;
  /** The topic phrase, e.g. "a zero-waste neighbourhood coffee shop". */
  topic: string;
  /** At most four words of the topic, for titles. */
  shortTopic: string;
  audience: string | null;
  /** A count found in the text ("7 ideas", "Number of ideas: 7"), else null. */
  requestedCount: number | null;
  seed: number;
}

const LABELS = "topic|subject|brief|theme|project|product|idea|ideas for|what";
const FILLER =
  /^(?:please\s+)?(?:(?:i|we)\s+(?:need|want|would like)|give me|suggest|generate|brainstorm|help me(?:\s+with)?)\s+(?:some\s+|a few\s+|\d+\s+)?/i;
const LEADING_DETERMINERS = /^(?:a|an|the|my|our|your|some|new)\s+/i;
const CLAUSE_BREAK = /[,.;:!?\n]|\s(?:that|which|who|so|because|where|while)\s/i;
const PREPOSITIONS = /\s(?:for|to|about|with|in|on|at|of|from|by|around)\s/i;

export function extractBrief(instructions: unknown, input: unknown): Brief {
  const instructionText = typeof instructions === "string" ? instructions : "";
  const userText = inputText(input);
  const promptText = [instructionText, userText].filter(Boolean).join("\n");
  const topic = findTopic(userText) ?? findTopic(instructionText) ?? "your project";
  return {
    promptText,
    topic,
    shortTopic: shortenTopic(topic),
    audience: findLabel(userText, "audience|target audience|for whom|target") ?? null,
    requestedCount: findCount(userText) ?? findCount(instructionText),
    seed: hashString(promptText),
  };
}

/** Concatenates the text of a string input or of every message's text parts. */
export function inputText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  return input.map(itemText).filter(Boolean).join("\n");
}

function itemText(item: unknown): string {
  if (typeof item === "string") return item;
  if (!isRecord(item)) return "";
  const { content } = item;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return typeof item.text === "string" ? item.text : "";
  return content
    .map((part) => (isRecord(part) && typeof part.text === "string" ? part.text : ""))
    .filter(Boolean)
    .join("\n");
}

function findTopic(text: string): string | null {
  if (!text.trim()) return null;
  const fromJson = topicFromJson(text);
  if (fromJson) return tidy(fromJson);
  const labelled = findLabel(text, LABELS);
  if (labelled) return tidy(labelled);
  const phrase = /\bideas?\s+(?:for|about|on)\s+([^\n.!?]{3,})/i.exec(text)?.[1];
  if (phrase) return tidy(phrase);
  const firstLine = text.trim().split(/\n|(?<=[.!?])\s/)[0] ?? "";
  const cleaned = tidy(firstLine.replace(FILLER, ""));
  return cleaned.length >= 3 ? cleaned : null;
}

function topicFromJson(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!isRecord(value)) return null;
    const topic = value.topic ?? value.subject ?? value.brief;
    return typeof topic === "string" && topic.trim() ? topic : null;
  } catch {
    return null;
  }
}

function findLabel(text: string, labels: string): string | null {
  const match = new RegExp(`^\\s*[-*]?\\s*(?:${labels})\\s*[:=]\\s*(.+)$`, "im").exec(text);
  const value = match?.[1]?.trim();
  return value ? value : null;
}

function findCount(text: string): number | null {
  const match =
    /\b(\d{1,2})\s+(?:[a-z-]+\s+){0,2}ideas\b/i.exec(text) ??
    /\b(?:number of ideas|idea count|count)\s*[:=]\s*(\d{1,2})\b/i.exec(text);
  const count = match ? Number(match[1]) : NaN;
  return count >= 1 && count <= 50 ? count : null;
}

function tidy(text: string): string {
  const clean = text
    .replace(/["“”]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.!?,;:]+$/, "");
  if (clean.length <= 120) return clean;
  return clean.slice(0, 120).replace(/\s+\S*$/, "");
}

/** "a marketing campaign for my grandmother's bakery" → "marketing campaign" (≤ 4 words). */
export function shortenTopic(topic: string): string {
  const clause = (topic.split(CLAUSE_BREAK)[0] ?? topic).trim();
  const words = (text: string): string[] =>
    text.replace(LEADING_DETERMINERS, "").split(/\s+/).filter(Boolean);
  let chosen = words(clause);
  if (chosen.length > 3) {
    const segments = clause.split(PREPOSITIONS).map(words);
    chosen = segments.reduce((best, s) => (s.length <= 4 && s.length > best.length ? s : best), []);
    if (chosen.length === 0) chosen = words(clause).slice(0, 4);
  }
  return chosen.length > 0 ? chosen.join(" ") : topic;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
