import { act, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HistoryList } from "./HistoryList";
import { groupByDay, historyRows } from "./sparkList";
import { testSpark } from "./testSparks";

const HOUR = 3_600_000;
const now = new Date(2026, 10, 26, 12, 0);
const sparks = Array.from({ length: 600 }, (_, index) =>
  testSpark(`s${index}`, { createdAt: now.getTime() - index * 3 * HOUR }),
);
const rows = historyRows(groupByDay(sparks, now));

function renderList() {
  render(
    <MemoryRouter>
      <HistoryList rows={rows} sparkCount={sparks.length} />
    </MemoryRouter>,
  );
  return screen.getByTestId("history-list");
}

/** Scrolls the page so the list's top is `y` px above the viewport. */
function scrollListTo(list: HTMLElement, y: number) {
  vi.spyOn(list, "getBoundingClientRect").mockReturnValue(new DOMRect(0, -y, 800, 50_000));
  act(() => {
    fireEvent.scroll(window);
  });
}

const renderedIds = () =>
  screen.getAllByTestId("spark-item").map((item) => item.getAttribute("data-spark-id"));

describe("HistoryList", () => {
  beforeEach(() => {
    vi.spyOn(window, "requestAnimationFrame").mockImplementation((step) => {
      step(0);
      return 1;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("renders only the rows near the viewport, each placed among all rows", () => {
    const list = renderList();
    const items = screen.getAllByTestId("spark-item");
    expect(items.length).toBeLessThan(40);
    expect(items[0]?.getAttribute("aria-setsize")).toBe(String(rows.length));
    expect(items[0]?.getAttribute("aria-posinset")).toBe("2");
    expect(list.getAttribute("aria-label")).toBe("600 sparks, newest first");
    expect(screen.getAllByTestId("history-day")[0]?.textContent).toBe("Today");
  });

  it("follows the scroll down to the last spark", () => {
    const list = renderList();
    scrollListTo(list, Number.parseFloat(list.style.height) - 600);
    const ids = renderedIds();
    expect(ids).toContain("s599");
    expect(ids).not.toContain("s0");
    expect(ids.length).toBeLessThan(40);
  });

  it("keeps the row with keyboard focus when it scrolls out of the window", () => {
    const list = renderList();
    const first = screen.getAllByTestId("spark-item")[0]!.querySelector("a")!;
    act(() => first.focus());
    scrollListTo(list, 30_000);
    expect(renderedIds()).toContain("s0");
    expect(document.activeElement).toBe(first);
    act(() => first.blur());
    expect(renderedIds()).not.toContain("s0");
  });
});
