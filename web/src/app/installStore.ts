// Install-to-home-screen state. `beforeinstallprompt` can fire before React mounts, so the
// listeners are attached at module load (main.tsx imports this first) and the event is kept here.
// Opening the install dialog (with its outcome) and the installation are reported as events.
import type { EventProps } from "@ideaspark/domain";
import { createStore, useStore } from "zustand";

/** Reports through the analytics module, fetched on first use (not with the app's first paint). */
const trackLater: InstallReport = (name, props) => {
  void import("../data/track").then(({ trackEvent }) => trackEvent(name, props));
};

/** Chromium's install prompt event; not in lib.dom. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed"; platform: string }>;
}

export interface InstallState {
  /** The deferred prompt while the browser allows installing; null otherwise. */
  deferredPrompt: BeforeInstallPromptEvent | null;
  installed: boolean;
}

export type InstallReport = (name: "install_prompted" | "installed", props?: EventProps) => void;

export function createInstallStore(
  target: Pick<Window, "addEventListener" | "removeEventListener"> = window,
  report: InstallReport = trackLater,
) {
  const store = createStore<InstallState>(() => ({ deferredPrompt: null, installed: false }));
  const onBeforeInstallPrompt = (event: Event) => {
    // Keep the browser's mini-infobar away; the header button offers installing instead.
    event.preventDefault();
    store.setState({ deferredPrompt: event as BeforeInstallPromptEvent });
  };
  const onInstalled = () => {
    store.setState({ deferredPrompt: null, installed: true });
    report("installed");
  };
  target.addEventListener("beforeinstallprompt", onBeforeInstallPrompt);
  target.addEventListener("appinstalled", onInstalled);

  /** Shows the browser's install dialog; a prompt event can be used only once. */
  async function promptInstall(): Promise<"accepted" | "dismissed" | "unavailable"> {
    const prompt = store.getState().deferredPrompt;
    if (!prompt) return "unavailable";
    store.setState({ deferredPrompt: null });
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    report("install_prompted", { outcome });
    return outcome;
  }

  const stop = () => {
    target.removeEventListener("beforeinstallprompt", onBeforeInstallPrompt);
    target.removeEventListener("appinstalled", onInstalled);
  };
  return Object.assign(store, { promptInstall, stop });
}

export type InstallStore = ReturnType<typeof createInstallStore>;

export const installStore = createInstallStore();

export function useInstallState<T>(store: InstallStore, select: (state: InstallState) => T): T {
  return useStore(store, select);
}
