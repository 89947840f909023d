// How tall a part of the home screen was the last time this person saw it loaded, so its
// loading placeholder takes exactly that room and the screen does not jump when the data
// arrives (most people's recent sparks are the same few from one visit to the next). Only a
// number of pixels is kept, per account, and a sign-out forgets it.
import { useLayoutEffect, useRef, useState } from "react";
import { holdsPersonalState } from "../../lib/personalState";

const PREFIX = "ideaspark.height.";
const key = (name: string, uid: string) => `${PREFIX}${name}.${uid}`;

function read(name: string, uid: string | null): number | null {
  if (!uid) return null;
  try {
    const stored = Number(localStorage.getItem(key(name, uid)));
    return Number.isFinite(stored) && stored > 0 && stored < 10_000 ? stored : null;
  } catch {
    return null; // storage blocked: a placeholder of its own size
  }
}

function remember(name: string, uid: string, height: number): void {
  try {
    localStorage.setItem(key(name, uid), String(height));
  } catch {
    // storage blocked or full: nothing to remember
  }
}

holdsPersonalState("remembered heights", (uid) => {
  try {
    const mine = Object.keys(localStorage).filter(
      (stored) => stored.startsWith(PREFIX) && stored.endsWith(`.${uid}`),
    );
    for (const stored of mine) localStorage.removeItem(stored);
  } catch {
    // storage blocked: nothing was stored
  }
});

/**
 * `[ref, placeholderHeight]`: the ref goes on the part's element; while `status` is "loading"
 * the height (when known) is the one it had last time, and once "ready" its height is stored
 * for the next visit (an error's height is never remembered).
 */
export function useRememberedHeight<T extends HTMLElement>(
  name: string,
  uid: string | null,
  status: "loading" | "ready" | "error",
) {
  const loaded = status !== "loading";
  const ref = useRef<T>(null);
  const stored = useRef<string | null>(null);
  const [placeholderHeight] = useState(() => read(name, uid));
  // After every render once loaded (the content may have changed), written only on a change.
  useLayoutEffect(() => {
    if (!uid || status !== "ready" || !ref.current) return;
    const height = Math.round(ref.current.getBoundingClientRect().height);
    if (stored.current === `${uid}:${height}`) return;
    stored.current = `${uid}:${height}`;
    remember(name, uid, height);
  });
  return [ref, loaded ? null : placeholderHeight] as const;
}
