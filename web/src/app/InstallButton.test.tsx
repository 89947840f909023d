import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { InstallButton } from "./InstallButton";
import { createInstallStore } from "./installStore";

/** A stand-in for Chromium's BeforeInstallPromptEvent. */
function fakeInstallPrompt(outcome: "accepted" | "dismissed") {
  const event = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
    prompt: vi.fn(() => Promise.resolve()),
    userChoice: Promise.resolve({ outcome, platform: "web" }),
  });
  return event;
}

describe("InstallButton", () => {
  it("stays hidden until the browser offers installation", () => {
    const target = new EventTarget();
    render(<InstallButton store={createInstallStore(target, vi.fn())} />);
    expect(screen.queryByTestId("install-button")).toBeNull();
  });

  it("appears on beforeinstallprompt, suppressing the browser's own infobar", () => {
    const target = new EventTarget();
    render(<InstallButton store={createInstallStore(target, vi.fn())} />);
    const event = fakeInstallPrompt("dismissed");
    act(() => {
      target.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(screen.getByTestId("install-button").textContent).toBe("Install app");
  });

  it("opens the browser's install dialog once, reports its outcome, and then hides", async () => {
    const target = new EventTarget();
    const report = vi.fn();
    const store = createInstallStore(target, report);
    render(<InstallButton store={store} />);
    const event = fakeInstallPrompt("accepted");
    act(() => {
      target.dispatchEvent(event);
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("install-button"));
    });
    expect(event.prompt).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("install-button")).toBeNull();
    expect(report).toHaveBeenCalledWith("install_prompted", { outcome: "accepted" });
  });

  it("hides for good after appinstalled, which is reported", () => {
    const target = new EventTarget();
    const report = vi.fn();
    const store = createInstallStore(target, report);
    render(<InstallButton store={store} />);
    act(() => {
      target.dispatchEvent(fakeInstallPrompt("dismissed"));
    });
    act(() => {
      target.dispatchEvent(new Event("appinstalled"));
    });
    expect(screen.queryByTestId("install-button")).toBeNull();
    expect(store.getState().installed).toBe(true);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith("installed");
  });
});
