import { act, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectivityStore } from "../../state/connectivityStore";
import { formDraftKey, queueKey } from "../../lib/drafts";
import { ALICE, setAuth, signedIn } from "../../test/authFakes";
import { NewSparkScreen } from "./NewSparkScreen";
import { sparkRuns } from "./sparkRunStore";

vi.mock("./sparkRunStore", () => ({
  sparkRuns: { start: vi.fn(() => Promise.resolve()), prepare: vi.fn() },
}));
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

const FORM_DRAFT_KEY = formDraftKey(ALICE.uid);
const QUEUE_KEY = queueKey(ALICE.uid);
const BOB = { ...ALICE, uid: "bob", email: "bob@example.test", displayName: "Bob" };

function renderForm(state?: unknown) {
  const router = createMemoryRouter(
    [
      { path: "/spark", Component: NewSparkScreen },
      { path: "/spark/:id", element: <p>spark page</p> },
    ],
    { initialEntries: [{ pathname: "/spark", state }] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`${name}-input`), { target: { value } });

describe("the brief form", () => {
  beforeEach(() => {
    localStorage.clear();
    vi.mocked(sparkRuns.start).mockClear();
    connectivityStore.setState({ online: true });
    signedIn();
  });
  afterEach(() => connectivityStore.setState({ online: true }));

  it("shows the schema's message next to the topic and sends nothing", () => {
    renderForm();
    type("topic", "ab");
    fireEvent.click(screen.getByTestId("spark-submit"));
    expect(screen.getByTestId("topic-error").textContent).toBe(
      "Topic must be at least 3 characters.",
    );
    expect(screen.getByTestId("topic-input").getAttribute("aria-invalid")).toBe("true");
    expect(sparkRuns.start).not.toHaveBeenCalled();
  });

  it("counts characters against the limits while typing", () => {
    renderForm();
    type("audience", "Parents");
    expect(screen.getByTestId("audience-counter").textContent).toBe("7 / 200");
  });

  it("keeps the draft while typing and restores it on return", () => {
    renderForm();
    type("topic", "Office party games");
    expect(JSON.parse(localStorage.getItem(FORM_DRAFT_KEY) ?? "{}")).toMatchObject({
      topic: "Office party games",
    });
    screen.getByTestId("spark-form").remove();
    renderForm();
    expect((screen.getAllByTestId("topic-input").at(-1) as HTMLInputElement).value).toBe(
      "Office party games",
    );
  });

  it("starts the spark with a fresh requestId, opens its page and clears the draft", () => {
    const router = renderForm();
    type("topic", "Office party games");
    type("count", "3");
    fireEvent.click(screen.getByTestId("spark-submit"));
    const [[requestId, brief]] = vi.mocked(sparkRuns.start).mock.calls as [[string, unknown]];
    expect(brief).toEqual({ topic: "Office party games", count: 3, tone: "practical" });
    expect(router.state.location.pathname).toBe(`/spark/${requestId}`);
    expect(localStorage.getItem(FORM_DRAFT_KEY)).toBeNull();
  });

  it("prefills from a derived brief (more like this, edit brief)", () => {
    renderForm({ form: { topic: "Idea — Bakery", audience: "Kids", count: "4", tone: "bold" } });
    expect((screen.getByTestId("topic-input") as HTMLInputElement).value).toBe("Idea — Bakery");
    expect((screen.getByTestId("tone-input") as HTMLSelectElement).value).toBe("bold");
  });

  it("uses a derived brief once: the history entry keeps no copy, the person's draft does", () => {
    const router = renderForm({ form: { topic: "Idea — Bakery", count: "4" } });
    expect(router.state.location.pathname).toBe("/spark");
    expect(router.state.location.state).toBeNull();
    expect((screen.getByTestId("topic-input") as HTMLInputElement).value).toBe("Idea — Bakery");
    expect(JSON.parse(localStorage.getItem(FORM_DRAFT_KEY) ?? "{}")).toMatchObject({
      topic: "Idea — Bakery",
    });
  });

  it("queues a brief offline, then offers to send it once back online", () => {
    connectivityStore.setState({ online: false });
    const router = renderForm();
    type("topic", "Rainy day games");
    fireEvent.click(screen.getByTestId("spark-submit"));
    expect(sparkRuns.start).not.toHaveBeenCalled();
    const queued = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? "[]") as { requestId: string }[];
    expect(queued).toHaveLength(1);
    expect(screen.getByTestId("queued-draft").getAttribute("data-state")).toBe("waiting");
    expect(screen.queryByTestId("queued-send")).toBeNull();

    act(() => connectivityStore.setState({ online: true }));
    expect(screen.getByTestId("queued-draft").textContent).toContain(
      "You're back online — send your queued brief?",
    );
    fireEvent.click(screen.getByTestId("queued-send"));
    expect(sparkRuns.start).toHaveBeenCalledWith(queued[0]?.requestId, {
      topic: "Rainy day games",
      count: 5,
      tone: "practical",
    });
    expect(router.state.location.pathname).toBe(`/spark/${queued[0]?.requestId}`);
    expect(localStorage.getItem(QUEUE_KEY)).toBeNull();
  });

  it("discards a queued brief", () => {
    connectivityStore.setState({ online: false });
    renderForm();
    type("topic", "Rainy day games");
    fireEvent.click(screen.getByTestId("spark-submit"));
    fireEvent.click(screen.getByTestId("queued-discard"));
    expect(screen.queryByTestId("queued-draft")).toBeNull();
    expect(localStorage.getItem(QUEUE_KEY)).toBeNull();
  });

  it("shows another person neither the draft nor the queued briefs of the first", () => {
    connectivityStore.setState({ online: false });
    renderForm();
    type("topic", "Rainy day games");
    fireEvent.click(screen.getByTestId("spark-submit"));
    type("topic", "Alice's unsent draft");
    expect(localStorage.getItem(QUEUE_KEY)).not.toBeNull();

    act(() => setAuth({ status: "signedIn", user: BOB }));
    expect(screen.queryByTestId("queued-draft")).toBeNull();
    expect((screen.getByTestId("topic-input") as HTMLInputElement).value).toBe("");
    type("topic", "Bob's own draft");
    expect(JSON.parse(localStorage.getItem(formDraftKey(BOB.uid)) ?? "{}")).toMatchObject({
      topic: "Bob's own draft",
    });
    expect(JSON.parse(localStorage.getItem(FORM_DRAFT_KEY) ?? "{}")).toMatchObject({
      topic: "Alice's unsent draft",
    });
  });
});
