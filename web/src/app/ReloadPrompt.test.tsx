import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ReloadPrompt } from "./ReloadPrompt";

const sw = vi.hoisted(() => ({
  needRefresh: false,
  offlineReady: false,
  setNeedRefresh: (_value: boolean) => {},
  setOfflineReady: (_value: boolean) => {},
  updateServiceWorker: (_reload?: boolean) => Promise.resolve(),
}));

vi.mock("virtual:pwa-register/react", () => ({
  useRegisterSW: () => ({
    needRefresh: [sw.needRefresh, sw.setNeedRefresh],
    offlineReady: [sw.offlineReady, sw.setOfflineReady],
    updateServiceWorker: sw.updateServiceWorker,
  }),
}));

describe("ReloadPrompt", () => {
  beforeEach(() => {
    sw.needRefresh = false;
    sw.offlineReady = false;
    sw.setNeedRefresh = vi.fn();
    sw.setOfflineReady = vi.fn();
    sw.updateServiceWorker = vi.fn(() => Promise.resolve());
  });

  it("shows nothing while there is no news from the service worker", () => {
    render(<ReloadPrompt />);
    expect(screen.queryByTestId("reload-prompt")).toBeNull();
  });

  it("offers a reload when a new version is waiting, and applies it on click", () => {
    sw.needRefresh = true;
    render(<ReloadPrompt />);
    expect(screen.getByTestId("reload-prompt").textContent).toContain(
      "A new version is available.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect(sw.updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it("lets the user postpone the update", () => {
    sw.needRefresh = true;
    render(<ReloadPrompt />);
    fireEvent.click(screen.getByRole("button", { name: "Later" }));
    expect(sw.setNeedRefresh).toHaveBeenCalledWith(false);
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
  });

  it("announces offline readiness without a reload button", () => {
    sw.offlineReady = true;
    render(<ReloadPrompt />);
    expect(screen.getByTestId("reload-prompt").textContent).toContain("ready to work offline");
    expect(screen.queryByRole("button", { name: "Reload" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "OK" }));
    expect(sw.setOfflineReady).toHaveBeenCalledWith(false);
  });
});
