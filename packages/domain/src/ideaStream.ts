// Incremental parsing of the model's streamed structured output ({"ideas":[{…},{…}]}): each
// idea is handed out, validated, the moment its closing brace arrives, so the UI can show
// ideas one by one. Deltas may split the text anywhere, even inside strings and escapes.
import { describeIssues } from "./issues.js";
import { IdeaStreamError, createIdeaScanner } from "./ideaScanner.js";
import { Idea, IdeaList } from "./spark.js";

export { IdeaStreamError, type IdeaStreamErrorKind } from "./ideaScanner.js";

function validateIdea(value: unknown, index: number): Idea {
  const result = Idea.safeParse(value);
  if (result.success) return result.data;
  throw new IdeaStreamError(
    "invalid-idea",
    `Idea ${index + 1} is invalid: ${describeIssues(result.error)}`,
  );
}

/** Whether `text` is an unfinished (rather than broken) JSON answer. */
function isTruncated(text: string): boolean {
  const scanner = createIdeaScanner(() => {});
  try {
    scanner.push(text);
  } catch {
    return false;
  }
  return scanner.open();
}

/** A parser for one streamed answer: feed deltas to `push`, then call `finish`. */
export function createIdeaStreamParser() {
  let emitted = 0;
  let fresh: Idea[] = [];
  const scanner = createIdeaScanner((start, end) => {
    let value: unknown;
    try {
      value = JSON.parse(scanner.text().slice(start, end));
    } catch {
      throw new IdeaStreamError("malformed", `Malformed model output in idea ${emitted + 1}`);
    }
    fresh.push(validateIdea(value, emitted));
    emitted++;
  });

  return {
    /** Ideas whose JSON object completed within this delta, in order. */
    push(delta: string): Idea[] {
      fresh = [];
      scanner.push(delta);
      return fresh;
    },
    /** How many ideas `push` has handed out so far. */
    get count(): number {
      return emitted;
    },
    /** The full validated list from the final text (defaults to everything pushed). */
    finish(fullText: string = scanner.text(), expectedCount?: number): Idea[] {
      let value: unknown;
      try {
        value = JSON.parse(fullText);
      } catch {
        const kind = isTruncated(fullText) ? "truncated" : "malformed";
        throw new IdeaStreamError(
          kind,
          `The model's answer was ${kind === "truncated" ? "cut off" : "not valid JSON"}`,
        );
      }
      const result = IdeaList.safeParse(value);
      if (!result.success) {
        throw new IdeaStreamError(
          "invalid-idea",
          `The model's answer is invalid: ${describeIssues(result.error)}`,
        );
      }
      const { ideas } = result.data;
      if (expectedCount !== undefined && ideas.length !== expectedCount) {
        throw new IdeaStreamError(
          "wrong-count",
          `Expected ${expectedCount} ideas, got ${ideas.length}`,
        );
      }
      return ideas;
    },
  };
}
export type IdeaStreamParser = ReturnType<typeof createIdeaStreamParser>;
