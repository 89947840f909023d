import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendStatus } from "./BackendStatus";
import { connectivityStore } from "../state/connectivityStore";

function setOnline(online: boolean) {
  act(() => {
    window.dispatchEvent(new Event(online ? "online" : "offline"));
  });
}

describe("BackendStatus", () => {
  afterEach(() => setOnline(true));

  it("says checking until the probe answers, then ok", async () => {
    let answer: (value: unknown) => void = () => {};
    const probe = () => new Promise((resolve) => (answer = resolve));
    render(<BackendStatus probe={probe} />);
    expect(screen.getByTestId("backend-status").textContent).toBe("Backend: checking…");
    await act(async () => answer({ status: "ok" }));
    expect(screen.getByTestId("backend-status").textContent).toBe("Backend: ok");
  });

  it("says unreachable when the probe fails", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<BackendStatus probe={() => Promise.reject(new Error("internal"))} />);
    expect(await screen.findByText("Backend: unreachable")).toBeTruthy();
  });

  it("says offline without probing while offline, and probes again when back online", async () => {
    const probe = vi.fn(() => Promise.resolve());
    render(<BackendStatus probe={probe} />);
    await screen.findByText("Backend: ok");
    setOnline(false);
    expect(connectivityStore.getState().online).toBe(false);
    expect(screen.getByTestId("backend-status").textContent).toBe("Backend: offline");
    expect(probe).toHaveBeenCalledTimes(1);
    setOnline(true);
    expect(await screen.findByText("Backend: ok")).toBeTruthy();
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
