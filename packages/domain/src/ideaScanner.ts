// Tracks the JSON structure of a streamed answer character by character, so the spans of the
// objects inside its top-level "ideas" array are known the moment each one closes.

export type IdeaStreamErrorKind = "malformed" | "truncated" | "invalid-idea" | "wrong-count";

/** Why streamed output could not be turned into ideas. */
export class IdeaStreamError extends Error {
  override readonly name = "IdeaStreamError";
  constructor(
    readonly kind: IdeaStreamErrorKind,
    message: string,
  ) {
    super(message);
  }
}

interface Frame {
  kind: "object" | "array";
  /** For objects: the last key read. */
  key: string | null;
  /** The top-level `ideas` array. */
  ideas: boolean;
}

function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new IdeaStreamError("malformed", "Malformed model output: invalid string");
  }
}

/** Tracks JSON structure character by character; reports each complete idea's text span. */
export function createIdeaScanner(onIdea: (start: number, end: number) => void) {
  const stack: Frame[] = [];
  let text = "";
  let pos = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString: string | null = null;
  let ideaStart = -1;
  let done = false;

  const fail = (message: string): never => {
    throw new IdeaStreamError("malformed", `Malformed model output: ${message}`);
  };

  function step(char: string, i: number): void {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') {
        inString = false;
        // Only key candidates are decoded (short, at the top level), to keep this cheap.
        lastString = stack.length === 1 ? decodeKey(text.slice(stringStart, i + 1)) : null;
      }
      return;
    }
    if (char === " " || char === "\n" || char === "\r" || char === "\t") return;
    if (done) fail("text after the end of the answer");
    if (stack.length === 0 && char !== "{") fail("the answer must be a JSON object");
    const top = stack.at(-1);
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === ":") {
      if (top?.kind === "object") top.key = lastString;
    } else if (char === "{" || char === "[") {
      const ideas = char === "[" && stack.length === 1 && top?.key === "ideas";
      if (char === "{" && top?.ideas) ideaStart = i;
      stack.push({ kind: char === "{" ? "object" : "array", key: null, ideas });
    } else if (char === "}" || char === "]") {
      if (top?.kind !== (char === "}" ? "object" : "array")) fail(`unexpected "${char}"`);
      stack.pop();
      if (char === "}" && ideaStart >= 0 && stack.at(-1)?.ideas) {
        onIdea(ideaStart, i + 1);
        ideaStart = -1;
      }
      if (stack.length === 0) done = true;
    }
  }

  return {
    push(delta: string): void {
      text += delta;
      for (; pos < text.length; pos++) step(text.charAt(pos), pos);
    },
    text: () => text,
    /** True while the answer is still open (unterminated string, object or array). */
    open: () => inString || stack.length > 0 || !done,
  };
}
