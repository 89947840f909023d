import type { SparkDoc } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { downloadText } from "../../lib/download";
import { ideaToText } from "../../lib/sparkText";
import { IdeaCard } from "./IdeaCard";
import { COPY_FAILED } from "./shareText";
import { StoredSpark } from "./StoredSpark";

vi.mock("../../lib/download", () => ({ downloadText: vi.fn() }));
vi.mock("../../data/sparkDocs", () => ({ updateSparkOwner: vi.fn(() => Promise.resolve()) }));

const idea = { ...sampleIdea, title: "Crust club" };
const writeText = vi.fn((_text: string) => Promise.resolve());

function setNavigator(values: { clipboard?: unknown; share?: unknown }) {
  for (const key of ["clipboard", "share"] as const) {
    Object.defineProperty(navigator, key, { value: values[key], configurable: true });
  }
}

const status = (index: number) => screen.getByTestId(`idea-status-${index}`);

describe("copy and share on an idea", () => {
  beforeEach(() => {
    writeText.mockReset().mockResolvedValue(undefined);
    setNavigator({ clipboard: { writeText } });
  });
  afterEach(() => setNavigator({}));

  it("names the idea in each button's accessible name", () => {
    render(<IdeaCard idea={idea} index={1} />);
    expect(screen.getByRole("button", { name: "Copy idea 2: Crust club" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Share idea 2: Crust club" })).toBeTruthy();
  });

  it("copies the idea as plain text and says Copied in a live region", async () => {
    render(<IdeaCard idea={idea} index={0} />);
    expect(status(0).getAttribute("aria-live")).toBe("polite");
    fireEvent.click(screen.getByRole("button", { name: "Copy idea 1: Crust club" }));
    await waitFor(() => expect(status(0).textContent).toBe("Copied"));
    expect(writeText).toHaveBeenCalledWith(ideaToText(idea));
  });

  it("says clearly that the clipboard was denied", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    writeText.mockRejectedValue(Object.assign(new Error("denied"), { name: "NotAllowedError" }));
    render(<IdeaCard idea={idea} index={0} />);
    fireEvent.click(screen.getByTestId("copy-idea-0"));
    await waitFor(() => expect(status(0).textContent).toBe(COPY_FAILED));
    expect(status(0).className).toContain("is-error");
  });

  it("opens the share sheet with the idea where the browser has one", async () => {
    const share = vi.fn(() => Promise.resolve());
    setNavigator({ clipboard: { writeText }, share });
    render(<IdeaCard idea={idea} index={0} />);
    fireEvent.click(screen.getByTestId("share-idea-0"));
    await waitFor(() => expect(status(0).textContent).toBe("Shared"));
    expect(share).toHaveBeenCalledWith({ title: "Crust club", text: ideaToText(idea) });
    expect(writeText).not.toHaveBeenCalled();
  });

  it("shows nothing when the person closes the share sheet", async () => {
    const share = vi.fn(() => Promise.reject(Object.assign(new Error(), { name: "AbortError" })));
    setNavigator({ clipboard: { writeText }, share });
    render(<IdeaCard idea={idea} index={0} />);
    fireEvent.click(screen.getByTestId("share-idea-0"));
    await waitFor(() => expect(share).toHaveBeenCalled());
    await Promise.resolve();
    expect(status(0).textContent).toBe("");
    expect(writeText).not.toHaveBeenCalled();
  });

  it("copies instead, and says so, where the browser cannot share", async () => {
    render(<IdeaCard idea={idea} index={0} />);
    fireEvent.click(screen.getByTestId("share-idea-0"));
    await waitFor(() => expect(status(0).textContent).toMatch(/copied to your clipboard instead/));
    expect(writeText).toHaveBeenCalledWith(ideaToText(idea));
  });
});

describe("Export as Markdown", () => {
  it("downloads the whole spark, with the stars shown, as <topic slug>.md", () => {
    const spark: SparkDoc = {
      requestId: "r",
      brief: { topic: "Board game nights!", count: 2 },
      ideas: [idea, { ...sampleIdea, title: "Second" }],
      status: "complete",
      model: "m",
      promptVersion: "v1",
      createdAt: Date.UTC(2026, 0, 2),
      completedAt: 2,
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
      cached: false,
      starred: [1],
      feedback: null,
    };
    const router = createMemoryRouter(
      [{ path: "/", element: <StoredSpark uid="alice" id="r" spark={spark} /> }],
      { initialEntries: ["/"] },
    );
    render(<RouterProvider router={router} />);
    fireEvent.click(screen.getByRole("button", { name: "Export as Markdown" }));
    const [[text, fileName, type]] = vi.mocked(downloadText).mock.calls as [
      [string, string, string],
    ];
    expect(fileName).toBe("board-game-nights.md");
    expect(type).toBe("text/markdown;charset=utf-8");
    expect(text).toContain("# Board game nights!\n");
    expect(text).toContain("## 1. Crust club\n");
    expect(text).toContain("## 2. Second\n\n**Effort:** Medium · ★ Starred");
  });
});
