// Client analytics without a say over the UI: a stable visitor id kept in localStorage, a fresh
// id per event (the server records an id once, so a resend after a network failure is never
// counted twice), fire-and-forget sending that swallows every failure, and one landing_view per
// page load carrying the landing URL's campaign parameters.
import {
  MAX_PROP_TEXT,
  type Attribution,
  type ClientEventName,
  type EventProps,
  type TrackRequest,
} from "@ideaspark/domain";
import { attributionFromUrl } from "./attribution";

export const VISITOR_STORAGE_KEY = "ideaspark.visitorId";
const CLIENT_ID = /^[A-Za-z0-9_-]{20,40}$/;
/** Failures worth one resend of the same event (a network blip, a cold or busy backend). */
const RESEND_CODES = ["functions/unavailable", "functions/deadline-exceeded", "functions/internal"];
const RESEND_DELAY_MS = 3_000;

export type VisitorStorage = Pick<Storage, "getItem" | "setItem">;

/**
 * 32 random hex characters (128 bits). getRandomValues, unlike randomUUID, also works outside
 * secure contexts (the dev server opened from a phone over the LAN).
 */
export function newClientId(
  randomBytes: (length: number) => Uint8Array = (length) =>
    crypto.getRandomValues(new Uint8Array(length)),
): string {
  const hex = Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, "0"));
  return hex.join("");
}

/**
 * The visitor id stored in `storage`, created (and stored) on first use. Without usable storage
 * (private mode, blocked cookies) `fallback` is used, an id for this page only.
 */
export function visitorIdFrom(storage: VisitorStorage | null, fallback: string): string {
  try {
    const stored = storage?.getItem(VISITOR_STORAGE_KEY) ?? null;
    if (stored !== null && CLIENT_ID.test(stored)) return stored;
    storage?.setItem(VISITOR_STORAGE_KEY, fallback);
  } catch {
    // storage disabled or full: the page-long id below
  }
  return fallback;
}

export interface TrackerDeps {
  send(request: TrackRequest): Promise<unknown>;
  storage(): VisitorStorage | null;
  now(): number;
  newId?(): string;
  wait?(ms: number): Promise<void>;
}

export interface Tracker {
  /** Sends one event in the background; never throws, never waits. */
  track(name: ClientEventName, props?: EventProps, attribution?: Attribution): void;
  /**
   * landing_view for this landing URL, at most once per page load. Sent in the background like
   * `track`; the promise (which never rejects) settles once it was delivered or given up, for a
   * page that is about to be left.
   */
  trackLanding(url: { pathname: string; search: string }): Promise<void>;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function createTracker(deps: TrackerDeps): Tracker {
  const newId = deps.newId ?? (() => newClientId());
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let pageVisitorId: string | undefined;
  let landed = false;

  async function deliver(request: TrackRequest): Promise<void> {
    try {
      await deps.send(request);
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || !RESEND_CODES.includes(code)) return;
      await wait(RESEND_DELAY_MS);
      // The same eventId: if the first try did land, the server answers recorded: false.
      await deps.send(request).catch(() => undefined);
    }
  }

  function send(
    name: ClientEventName,
    props: EventProps = {},
    attribution?: Attribution,
  ): Promise<void> {
    try {
      const request: TrackRequest = {
        eventId: newId(),
        name,
        visitorId: visitorIdFrom(deps.storage(), (pageVisitorId ??= newId())),
        props,
        ...(attribution ? { attribution } : {}),
      };
      return deliver(request).catch(() => undefined);
    } catch {
      // Analytics never breaks the app.
      return Promise.resolve();
    }
  }

  function track(name: ClientEventName, props?: EventProps, attribution?: Attribution): void {
    void send(name, props, attribution);
  }

  return {
    track,
    trackLanding(url) {
      if (landed) return Promise.resolve();
      landed = true;
      const touch = attributionFromUrl(url, deps.now());
      const path = Array.from(url.pathname).slice(0, MAX_PROP_TEXT).join("");
      return send("landing_view", { path }, touch ?? undefined);
    },
  };
}
