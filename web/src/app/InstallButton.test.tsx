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
    render(<InstallButton store={createInstallStore(target)} />);
    expect(screen.queryByTestId("install-button")).toBeNull();
  });

  it("appears on beforeinstallprompt, suppressing the browser's own infobar", () => {
    const target = new EventTarget();
    render(<InstallButton store={createInstallStore(target)} />);
    const event = fakeInstallPrompt("dismissed");
    act(() => {
      target.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(screen.getByTestId("install-button").textContent).toBe("Install app");
  });

  it("opens the browser's install dialog once and then hides", async () => {
    const target = new EventTarget();
    const store = createInstallStore(target);
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
  });

  it("hides for good after appinstalled", () => {
    const target = new EventTarget();
    const store = createInstallStore(target);
    render(<InstallButton store={store} />);
    act(() => {
      target.dispatchEvent(fakeInstallPrompt("dismissed"));
    });
    act(() => {
      target.dispatchEvent(new Event("appinstalled"));
    });
    expect(screen.queryByTestId("install-button")).toBeNull();
    expect(store.getState().installed).toBe(true);
  });
});
