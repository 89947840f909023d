import type { Idea } from "@ideaspark/domain";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LiveRun } from "./LiveRun";
import { newRun, reduceChunk, type SparkRun } from "./sparkRunStore";

const BRIEF = { topic: "Board game nights", count: 3 };
const idea = (title: string): Idea => ({
  title,
  pitch: "A pitch.",
  whyItWorks: "A reason.",
  effort: "low",
  firstSteps: ["A first step"],
});

function streamed(titles: string[]): SparkRun {
  return titles.reduce(
    (run, title, index) => reduceChunk(run, { type: "idea", index, idea: idea(title) }),
    reduceChunk(newRun("r", BRIEF), { type: "status", phase: "thinking" }),
  );
}

describe("a live spark", () => {
  it("announces progress politely, one line per idea, never the ideas' text", () => {
    const view = render(<LiveRun run={streamed([])} onCancel={() => {}} />);
    const announcer = screen.getByTestId("spark-announcer");
    expect(announcer.getAttribute("aria-live")).toBe("polite");
    expect(announcer.textContent).toBe("Thinking…");
    view.rerender(<LiveRun run={streamed(["First"])} onCancel={() => {}} />);
    expect(announcer.textContent).toBe("Idea 1 of 3 ready");
    view.rerender(<LiveRun run={streamed(["First", "Second"])} onCancel={() => {}} />);
    expect(announcer.textContent).toBe("Idea 2 of 3 ready");
    // The visible phase line is no second live region announcing the same thing.
    expect(screen.queryAllByRole("status")).toEqual([]);
  });

  it("says Retrying… while a retry runs", () => {
    const run = reduceChunk(streamed(["First", "Broken"]), {
      type: "retry",
      attempt: 2,
      delayMs: 10,
      model: "m",
      kept: 1,
    });
    render(<LiveRun run={run} onCancel={() => {}} />);
    expect(screen.getByTestId("spark-announcer").textContent).toBe("Retrying…");
  });

  it("leaves focus where the person put it as ideas stream in", () => {
    const view = render(<LiveRun run={streamed([])} onCancel={() => {}} />);
    const cancel = screen.getByTestId("spark-cancel");
    cancel.focus();
    view.rerender(<LiveRun run={streamed(["First"])} onCancel={() => {}} />);
    view.rerender(<LiveRun run={streamed(["First", "Second"])} onCancel={() => {}} />);
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
    expect(document.activeElement).toBe(cancel);
  });
});
