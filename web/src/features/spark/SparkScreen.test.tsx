import { sampleIdea, type SparkChunk, type SparkDoc } from "@ideaspark/domain";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setAuth } from "../../test/authFakes";
import { SparkScreen } from "./SparkScreen";
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
const docs = vi.hoisted(() => ({ next: (_s: unknown) => {} }));
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
  });

  it("streams live: Thinking…, idea cards, Retrying… clears them, then the cards again", async () => {
    await startLive();
    expect(screen.getByTestId("spark-phase").textContent).toContain("Thinking…");
    emit({ type: "status", phase: "thinking" });
    emit({ type: "idea", index: 0, idea: idea("First") });
    expect(screen.getAllByTestId("idea-card")).toHaveLength(1);
    expect(screen.getByTestId("spark-announcer").textContent).toBe("Idea 1 of 2: First");
    emit({ type: "retry", attempt: 2, delayMs: 10, model: "m" });
    expect(screen.queryAllByTestId("idea-card")).toHaveLength(0);
    expect(screen.getByTestId("spark-phase").textContent).toContain("Retrying…");
    emit({ type: "idea", index: 0, idea: idea("Again") });
    emit({ type: "idea", index: 1, idea: idea("Second") });
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
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
    const spark: SparkDoc = {
      requestId: "r",
      brief: BRIEF,
      ideas: [idea("One"), idea("Two")],
      status: "complete",
      model: "m",
      promptVersion: "v1",
      createdAt: 1,
      completedAt: 2,
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
      cached: true,
      starred: [1],
      feedback: null,
    };
    await waitFor(() => expect(screen.getByTestId("spark-loading")).toBeTruthy());
    act(() => docs.next({ spark, fromCache: false }));
    expect(screen.getAllByTestId("idea-card")).toHaveLength(2);
    expect(screen.getByTestId("spark-cached").textContent).toBe("Instant answer from cache");
    expect(screen.getByTestId("star-idea-1").getAttribute("aria-pressed")).toBe("true");
    act(() => docs.next({ spark: null, fromCache: false }));
    expect(screen.getByTestId("spark-not-found").textContent).toContain("Spark not found");
  });
});
