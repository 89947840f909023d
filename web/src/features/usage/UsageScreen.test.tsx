import { DEFAULT_APP_CONFIG, periodKey, type UsageRecord } from "@ideaspark/domain";
import { act, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeProfileModule, signedIn } from "../../test/authFakes";
import { push, watching } from "../history/liveFakes";
import { UsageScreen } from "./UsageScreen";

const fakes = await vi.hoisted(() => import("../history/liveFakes"));
vi.mock("../../data/usage", () => fakes.fakeUsageModule);
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);
vi.mock("../../data/profile", async () => (await import("../../test/authFakes")).fakeProfileModule);

const now = Date.now();
const period = periodKey(now);

function usage(overrides: Partial<UsageRecord> = {}): UsageRecord {
  const id = `spark-${Math.random()}`;
  return {
    uid: "alice",
    requestId: id,
    sparkId: id,
    model: "gpt-4.1-mini",
    inputTokens: 400,
    outputTokens: 1_100,
    cachedInputTokens: 0,
    costUsd: 0.002,
    providerUsage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0 },
    attemptLog: [],
    ideasRequested: 5,
    ideasDelivered: 5,
    cached: false,
    estimated: false,
    latencyMs: 800,
    attempts: 1,
    status: "ok",
    period,
    createdAt: now,
    campaignId: null,
    signedUpAt: null,
    firstInMonth: false,
    returning: false,
    ...overrides,
  };
}

async function pushAll(used: number | null, records: UsageRecord[], plan: "free" | "pro" = "free") {
  await waitFor(() =>
    expect([watching("quota"), watching("config"), watching("usage")]).toEqual([true, true, true]),
  );
  const profileCall = fakeProfileModule.watchProfile.mock.calls.at(-1) as unknown as [
    string,
    (profile: unknown) => void,
  ];
  act(() => {
    profileCall[1]({ email: "a@b.test", displayName: "A", createdAt: 1, plan });
    push("config", DEFAULT_APP_CONFIG);
    push("quota", used === null ? null : { uid: "alice", period, used, holds: {}, recent: [] });
    push("usage", records);
  });
}

function renderUsage() {
  const router = createMemoryRouter([{ path: "/usage", Component: UsageScreen }], {
    initialEntries: ["/usage"],
  });
  render(<RouterProvider router={router} />);
}

describe("UsageScreen", () => {
  beforeEach(() => {
    signedIn();
    fakeProfileModule.watchProfile.mockClear();
  });

  it("shows loading placeholders first", () => {
    renderUsage();
    expect(screen.getAllByTestId("usage-loading").length).toBeGreaterThan(0);
  });

  it("shows used / limit, a bar for today and cached requests as 0 tokens", async () => {
    renderUsage();
    await pushAll(1_500, [usage(), usage({ cached: true, inputTokens: 0, outputTokens: 0 })]);
    expect(screen.getByTestId("usage-used").textContent).toBe(
      new Intl.NumberFormat().format(1_500),
    );
    const today = new Date(now).toISOString().slice(0, 10);
    const bars = screen.getAllByTestId("usage-chart-bar");
    expect(bars.map((bar) => bar.getAttribute("data-day"))).toEqual([today]);
    const cached = screen
      .getAllByTestId("usage-request")
      .find((row) => row.getAttribute("data-cached") === "true");
    expect(cached?.querySelector('[data-testid="usage-request-tokens"]')?.textContent).toBe("0");
    expect(screen.queryByTestId("usage-upgrade-cta")).toBeNull();
  });

  it("labels running and partial requests and shows what each was charged", async () => {
    renderUsage();
    await pushAll(900, [
      usage({ status: "pending", inputTokens: 0, outputTokens: 0, costUsd: 0, createdAt: now - 2 }),
      usage({
        status: "partial",
        inputTokens: 300,
        outputTokens: 600,
        providerUsage: { inputTokens: 600, outputTokens: 1_400, cachedInputTokens: 0, costUsd: 1 },
        createdAt: now - 1,
      }),
    ]);
    const rows = screen.getAllByTestId("usage-request").map((row) => ({
      status: row.querySelector('[data-testid="usage-request-status"]')?.textContent,
      tokens: row.querySelector('[data-testid="usage-request-tokens"]')?.textContent,
    }));
    expect(rows).toEqual([
      { status: "Partial", tokens: "900" },
      { status: "Running", tokens: "0" },
    ]);
  });

  it("says no requests yet in an empty month", async () => {
    renderUsage();
    await pushAll(null, []);
    expect(screen.getByTestId("usage-used").textContent).toBe("0");
    expect(screen.getByTestId("usage-chart-empty")).toBeTruthy();
    expect(screen.queryAllByTestId("usage-chart-bar")).toHaveLength(0);
  });

  it("offers Pro with its tokens and price when the limit is reached", async () => {
    renderUsage();
    await pushAll(60_000, [usage()]);
    expect(screen.getByTestId("usage-meter").getAttribute("data-level")).toBe("over");
    expect(screen.getByTestId("usage-percent").textContent).toBe("120%");
    const cta = screen.getByTestId("usage-upgrade-cta");
    expect(cta.textContent).toContain(new Intl.NumberFormat().format(2_000_000));
    expect(cta.textContent).toContain("$9.00");
    expect(screen.getByTestId("usage-upgrade-button").getAttribute("href")).toBe("#upgrade");
    expect(document.getElementById("upgrade")).toBeTruthy();
  });

  it("shows the Pro limit and no upgrade offer to a Pro user", async () => {
    renderUsage();
    await pushAll(1_900_000, [], "pro");
    expect(screen.getByTestId("usage-plan").textContent).toBe("Pro plan");
    expect(screen.getByTestId("usage-meter").getAttribute("data-level")).toBe("near");
    expect(screen.queryByTestId("usage-upgrade-cta")).toBeNull();
  });
});
