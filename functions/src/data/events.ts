// Recording one client event (the `track` callable) in one transaction: the visitor's and the
// signed-in account's rate limits (visitors/{visitorId}, visitors/uid:{uid}: recent event times),
// the event created once under its client-made id, and a landing added to today's rollup.
import {
  DomainError,
  RateDoc,
  decideTrackRate,
  rollupDay,
  type DayRollup,
  type EventDoc,
} from "@ideaspark/domain";
import { firestore, isContention, withContentionRetries } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";
import { addToRollups } from "./rollups.js";

/** Rate documents are useless after a minute; a TTL policy on this field deletes them. */
const RATE_DOC_TTL_MS = 86_400_000;

export interface RecordEventInput {
  eventId: string;
  event: EventDoc;
  /** What the event adds to its day's rollup (landings), or null. */
  rollup: DayRollup | null;
}

/**
 * The visitor's rate document, and the account's when signed in: keyed "uid:{uid}", which no
 * visitor id can be (they never contain ':'), so one account cannot dodge its limit by clearing
 * localStorage and two browsers of one person share it.
 */
export function rateRefs(visitorId: string, uid: string | null) {
  const db = firestore();
  return {
    visitor: db.doc(`visitors/${visitorId}`),
    account: uid === null ? null : db.doc(`visitors/uid:${uid}`),
  };
}

/**
 * Records the event unless its id was recorded before; returns false for such a duplicate
 * (a retry), which writes nothing at all. Over the visitor's or the account's limit the call is
 * refused (rate-limited) and writes nothing either: only recorded events count against it.
 */
export async function recordEvent(input: RecordEventInput): Promise<boolean> {
  const { eventId, event, rollup } = input;
  const db = firestore();
  const eventRef = db.doc(`events/${eventId}`);
  const refs = rateRefs(event.visitorId, event.uid);
  const attempt = () =>
    db.runTransaction(async (tx) => {
      const toRead = refs.account
        ? [eventRef, refs.visitor, refs.account]
        : [eventRef, refs.visitor];
      const [existing, visitorSnap, accountSnap] = await tx.getAll(...toRead);
      countReads(toRead.length);
      const decision = decideTrackRate({
        visitor: RateDoc.parse(visitorSnap?.data() ?? {}).recent,
        account: refs.account ? RateDoc.parse(accountSnap?.data() ?? {}).recent : null,
        nowMs: event.at,
      });
      if (!decision.ok) throw DomainError.rateLimited(decision.retryAfterSeconds);
      if (existing?.exists) return false;

      const expireAt = new Date(event.at + RATE_DOC_TTL_MS);
      tx.create(eventRef, event);
      tx.set(refs.visitor, { recent: decision.visitor, updatedAt: event.at, expireAt });
      if (refs.account && decision.account) {
        tx.set(refs.account, { recent: decision.account, updatedAt: event.at, expireAt });
      }
      countWrites(refs.account ? 3 : 2);
      if (rollup) addToRollups(tx, new Map([[rollupDay(event.at), rollup]]));
      return true;
    });
  try {
    // Safe to run again: a run that did commit makes the next one find the event (duplicate).
    return await withContentionRetries(attempt, 3);
  } catch (error) {
    // One visitor or account sending so many events at once that its document stays contended.
    if (isContention(error)) throw DomainError.rateLimited(1);
    throw error;
  }
}
