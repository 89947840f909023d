import type { SparkChunk, SparkDoc, SparkResult } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setAuth } from "../../test/authFakes";
import { FOLLOW_LIMIT_MS, SparkScreen } from "./SparkScreen";
import { sparkRuns } from "./sparkRunStore";

const stream = vi.hoisted(() => ({
  emit: (_chunk: unknown) => {},
  signal: null as AbortSignal | null,
  settle: { resolve: (_v: unknown) => {}, reject: (_e: unknown) => {} },
}));
vi.mock("../../data/sparkCalls", () => ({
  streamSpark: (_request: unknown, onChunk: (c: unknown) => void, signal: AbortSignal) =>
    new Promise((resolve, reject) => {
      stream.emit = onChunk;
      stream.signal = signal;
      stream.settle = { resolve, reject };
      signal.addEventListener("abort", () => reject(new Error("aborted")));
    }),
}));
const docs = vi.hoisted(() => ({ next: null as ((s: unknown) => void) | null }));
vi.mock("../../data/sparkDocs", () => ({
  watchSpark: (_uid: string, _id: string, onNext: (s: unknown) => void) => {
    docs.next = onNext;
    return () => {};
  },
  updateSparkOwner: vi.fn(() => Promise.resolve()),
}));
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

const BRIEF = { topic: "Board game nights", count: 2 };
const idea = (title: string) => ({ ...sampleIdea, title });

function renderAt(id: string) {
  const router = createMemoryRouter(
    [
      { path: "/spark/:id", Component: SparkScreen },
      { path: "/spark", element: <p>form</p> },
      { path: "/usage", element: <p>usage</p> },
    ],
    { initialEntries: [`/spark/${id}`] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const emit = (chunk: SparkChunk) => act(() => stream.emit(chunk));

function storedSpark(overrides: Partial<SparkDoc> = {}): SparkDoc {
  return {
    requestId: "r",
    brief: BRIEF,
    ideas: [idea("One"), idea("Two")],
    status: "complete",
    model: "m",
    promptVersion: "v1",
    createdAt: 1,
    completedAt: 2,
    usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    cached: false,
    starred: [],
    feedback: null,
    ...overrides,
  };
}

/** Sends the stored spark document (null: none yet) to the screen's live subscription. */
async function pushDoc(spark: SparkDoc | null) {
  await waitFor(() => expect(docs.next).not.toBeNull());
  act(() => docs.next?.({ spark, fromCache: false }));
}

async function startLive() {
  const id = crypto.randomUUID();
  void sparkRuns.start(id, BRIEF);
  const router = renderAt(id);
  await waitFor(() => expect(stream.signal).not.toBeNull());
  return { id, router };
}

describe("the spark screen", () => {
  beforeEach(() => {
    setAuth({ status: "signedIn" });
    stream.signal = null;
    docs.next = null;
  });

  it("streams live: Thinking…, idea cards, Retrying… keeps the kept ones, then the rest again", async () => {
    await startLive();
    expect(screen.getByTestId("spark-phase").textContent).toContain("Thinking…");
    emit({ type: "status", phase: "thinking" });
    emit({ type: "idea", index: 0, idea: idea("First") });
    expect(screen.getAllByTestId("idea-card")).toHaveLength(1);
    expect(screen.getByTestId("spark-announcer").textContent).toBe("Idea 1 of 2 ready");
    emit({ type: "idea", index: 1, idea: idea("Broken") });
    emit({ type: "retry", attempt: 2, delayMs: 10, model: "m", kept: 1 });
    expect(screen.getAllByTestId("idea-card").map((card) => card.textContent)).toEqual([
      expect.stringContaining("First"),
    ]);
    expect(screen.getByTestId("spark-phase").textContent).toContain("Retrying…");
    emit({ type: "idea", index: 1, idea: idea("Second") });
    const titles = screen.getAllByTestId("idea-card").map((card) => card.querySelector("h2"));
    expect(titles.map((title) => title?.textContent)).toEqual(["1. First", "2. Second"]);
  });

  it("follows a request already running elsewhere until its stored ideas appear", async () => {
    await startLive();
    act(() =>
      stream.settle.reject({
        code: "functions/aborted",
        message: "This request is already running. Its ideas will appear here when it finishes.",
        details: { kind: "in-progress", retryable: true },
      }),
    );
    const following = await screen.findByTestId("spark-following");
    expect(following.textContent).toContain("Already running…");
    expect(screen.queryByTestId("spark-retry")).toBeNull();
    await pushDoc(null);
    expect(screen.queryByTestId("spark-not-found")).toBeNull();
    await pushDoc(storedSpark({ status: "pending", ideas: [] }));
    expect(screen.getByTestId("spark-following")).toBeTruthy();
    await pushDoc(storedSpark());
    expect(screen.queryByTestId("spark-following")).toBeNull();
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
    expect(screen.getByTestId("star-idea-0")).toBeTruthy();
  });

  it("says a live answer is partial and asks for the missing ideas with the same brief", async () => {
    const { router } = await startLive();
    const result: SparkResult = {
      sparkId: "s",
      ideas: [idea("Only")],
      usage: { inputTokens: 10, outputTokens: 20, costUsd: 0 },
      cached: false,
      partial: true,
    };
    emit({ type: "idea", index: 0, idea: idea("Only") });
    act(() => stream.settle.resolve(result));
    const notice = await screen.findByTestId("spark-partial");
    expect(notice.textContent).toContain("could only write 1 of the 2 ideas");
    expect(screen.getAllByTestId("idea-card")).toHaveLength(1);
    fireEvent.click(screen.getByTestId("spark-ask-rest"));
    expect(router.state.location.pathname).toBe("/spark");
    expect(router.state.location.state).toMatchObject({
      form: { topic: BRIEF.topic, count: "1" },
    });
  });

  it("cancels the stream and offers Retry with a new requestId", async () => {
    const { id, router } = await startLive();
    fireEvent.click(screen.getByTestId("spark-cancel"));
    expect(stream.signal?.aborted).toBe(true);
    await screen.findByTestId("spark-error");
    expect(screen.getByTestId("spark-error").getAttribute("data-kind")).toBe("cancelled");
    fireEvent.click(screen.getByTestId("spark-retry"));
    await waitFor(() => expect(router.state.location.pathname).not.toBe(`/spark/${id}`));
    expect(router.state.location.pathname).toMatch(/^\/spark\/[0-9a-f-]{36}$/);
  });

  it("counts down before a rate-limited retry", async () => {
    await startLive();
    act(() =>
      stream.settle.reject({
        code: "functions/resource-exhausted",
        message: "Too many requests. Try again in 3 seconds.",
        details: { kind: "rate-limited", retryable: true, retryAfterSeconds: 3 },
      }),
    );
    const retry = await screen.findByTestId("spark-retry");
    expect(retry.textContent).toBe("Try again in 3 s");
    expect((retry as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows when the quota resets and the upgrade path, without a retry", async () => {
    await startLive();
    act(() =>
      stream.settle.reject({
        code: "functions/resource-exhausted",
        message: "You have used this month's tokens.",
        details: { kind: "quota-exhausted", retryable: false, resetsAt: "2026-12-01T00:00:00Z" },
      }),
    );
    await screen.findByTestId("spark-quota");
    expect(screen.getByTestId("spark-quota").textContent).toMatch(/^Quota used — resets on /);
    expect(screen.getByTestId("spark-upgrade").getAttribute("href")).toBe("/usage");
    expect(screen.queryByTestId("spark-retry")).toBeNull();
  });

  it("offers only Edit brief for a refused brief", async () => {
    await startLive();
    act(() =>
      stream.settle.reject({
        code: "functions/invalid-argument",
        message: "This brief can't be answered because it breaks our content rules.",
        details: { kind: "moderation-refused", retryable: false },
      }),
    );
    await screen.findByTestId("spark-error");
    expect(screen.getByTestId("spark-error").textContent).toContain("content rules");
    expect(screen.queryByTestId("spark-retry")).toBeNull();
    expect(screen.getByTestId("spark-edit").getAttribute("href")).toBe("/spark");
  });

  it("renders a stored spark with usage and the cache badge, or a not-found state", async () => {
    renderAt(crypto.randomUUID());
    await waitFor(() => expect(screen.getByTestId("spark-loading")).toBeTruthy());
    await pushDoc(storedSpark({ cached: true, starred: [1] }));
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
    expect(screen.getByTestId("spark-cached").textContent).toBe("Instant answer from cache");
    expect(screen.getByTestId("star-idea-1").getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByTestId("spark-partial")).toBeNull();
    await pushDoc(null);
    expect(screen.getByTestId("spark-not-found").textContent).toContain("Spark not found");
  });

  it("keeps a stored partial spark's ideas usable and offers the rest of the brief", async () => {
    const router = renderAt(crypto.randomUUID());
    const brief = { topic: "Board game nights", audience: "Neighbours", count: 5 };
    await pushDoc(storedSpark({ status: "partial", brief }));
    expect(screen.getByTestId("spark-partial").textContent).toContain(
      "could only write 2 of the 5 ideas",
    );
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
    expect(screen.getByTestId("star-idea-1")).toBeTruthy();
    expect(screen.getByTestId("feedback-up")).toBeTruthy();
    fireEvent.click(screen.getByTestId("spark-ask-rest"));
    expect(router.state.location.state).toMatchObject({
      form: { topic: brief.topic, audience: "Neighbours", count: "3" },
    });
  });

  it("stops following a request that outlives any run, and offers Retry", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await startLive();
      act(() =>
        stream.settle.reject({
          code: "functions/aborted",
          message: "This request is already running.",
          details: { kind: "in-progress", retryable: true },
        }),
      );
      await screen.findByTestId("spark-following");
      await pushDoc(null);
      act(() => vi.advanceTimersByTime(FOLLOW_LIMIT_MS - 1_000));
      expect(screen.getByTestId("spark-following")).toBeTruthy();
      act(() => vi.advanceTimersByTime(2_000));
      expect(screen.queryByTestId("spark-following")).toBeNull();
      expect(screen.getByTestId("spark-error").getAttribute("data-kind")).toBe(
        "provider-unavailable",
      );
      expect(screen.getByTestId("spark-retry")).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it("follows a stored spark that is still pending instead of calling it unfinished", async () => {
    renderAt(crypto.randomUUID());
    await pushDoc(storedSpark({ status: "pending", ideas: [] }));
    expect(screen.getByTestId("spark-following").textContent).toContain("Already running…");
    await pushDoc(storedSpark({ status: "error", errorCode: "provider-unavailable", ideas: [] }));
    expect(screen.getByTestId("spark-error").getAttribute("data-kind")).toBe(
      "provider-unavailable",
    );
    expect(screen.getByTestId("spark-retry")).toBeTruthy();
  });
});
