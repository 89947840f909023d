// Focus after a route change: once the person has used the page (a key or a pointer), a new
// address (pathname, not just the query) moves focus to the new screen's main heading, so a
// screen reader starts reading there and Tab continues from there. The first load and redirects
// before any interaction leave focus alone. A screen whose heading is still on its way (a lazy
// chunk, a guard's loading state) gets focus on <main> first, then on its heading when it shows.
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/** How long a screen's heading is waited for after a route change. */
export const HEADING_WAIT_MS = 10_000;

function focusWithoutScroll(element: HTMLElement): void {
  // Headings are not tabbable; -1 lets script focus them without adding a Tab stop.
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus({ preventScroll: true });
}

/**
 * Moves focus to `main`'s h1, or to `main` until an h1 appears (then to the h1, unless focus has
 * moved on meanwhile). Returns a function that stops waiting.
 */
export function focusScreen(main: HTMLElement): () => void {
  const heading = () => main.querySelector<HTMLElement>("h1");
  const present = heading();
  if (present) {
    focusWithoutScroll(present);
    return () => {};
  }
  focusWithoutScroll(main);
  const observer = new MutationObserver(() => {
    const arrived = heading();
    if (!arrived) return;
    stop();
    if (document.activeElement === main) focusWithoutScroll(arrived);
  });
  const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/** True once the person has pressed a key or a pointer in this document. */
function useInteracted(): { readonly current: boolean } {
  const interacted = useRef(false);
  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener("keydown", mark, { capture: true, once: true });
    document.addEventListener("pointerdown", mark, { capture: true, once: true });
    return () => {
      document.removeEventListener("keydown", mark, { capture: true });
      document.removeEventListener("pointerdown", mark, { capture: true });
    };
  }, []);
  return interacted;
}

/** Mounted once in the layout, beside the `<main id="main">` it moves focus into. */
export function RouteFocus() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  const interacted = useInteracted();
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const main = document.getElementById("main");
    if (!interacted.current || !main) return;
    return focusScreen(main);
  }, [pathname, interacted]);
  return null;
}
