// Nothing typed is lost, and nothing typed is shown to the next person: the brief form's draft is
// kept in localStorage while typing, and briefs submitted offline are queued here with their
// requestId (so sending later stays idempotent), both under the signed-in person's uid. Signing
// out removes them (`forgetDrafts`).
import { SparkBrief } from "@ideaspark/domain";

/** Where versions before per-person drafts kept the draft and the queue (nobody's in particular). */
export const LEGACY_FORM_DRAFT_KEY = "ideaspark.sparkDraft";
export const LEGACY_QUEUE_KEY = "ideaspark.sparkQueue";

export const formDraftKey = (uid: string) => `${LEGACY_FORM_DRAFT_KEY}.${uid}`;
export const queueKey = (uid: string) => `${LEGACY_QUEUE_KEY}.${uid}`;

/** What the form holds while typing (count kept as typed text). */
export interface FormDraft {
  topic: string;
  audience: string;
  constraints: string;
  count: string;
  tone: string;
}

/** A brief submitted offline, waiting for the person to confirm sending it. */
export interface QueuedBrief {
  requestId: string;
  brief: SparkBrief;
  queuedAt: number;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function read(storage: DraftStorage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

function write(storage: DraftStorage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch (error) {
    // Private mode or a full quota: the form still works, the draft just is not kept.
    console.warn("IdeaSpark could not keep a draft", error);
  }
}

function remove(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch (error) {
    console.warn("IdeaSpark could not remove a draft", error);
  }
}

function requireUid(uid: string): string {
  if (typeof uid !== "string" || uid.trim() === "") {
    throw new Error("Drafts belong to a signed-in person: a non-empty uid is required");
  }
  return uid;
}

const FIELDS = ["topic", "audience", "constraints", "count", "tone"] as const;

/** The draft and queued briefs of the person `uid` in `storage`. */
export function createDrafts(uid: string, storage: DraftStorage = localStorage) {
  const draftKey = formDraftKey(requireUid(uid));
  const listKey = queueKey(uid);
  return {
    loadForm(): FormDraft | null {
      const value = read(storage, draftKey);
      if (!value || typeof value !== "object") return null;
      const record = value as Record<string, unknown>;
      const draft = {} as FormDraft;
      for (const field of FIELDS) {
        const item = record[field];
        draft[field] = typeof item === "string" ? item : "";
      }
      return draft;
    },
    saveForm(draft: FormDraft): void {
      write(storage, draftKey, draft);
    },
    clearForm(): void {
      remove(storage, draftKey);
    },
    /** Queued briefs, oldest first; entries that no longer parse are dropped. */
    queued(): QueuedBrief[] {
      const value = read(storage, listKey);
      if (!Array.isArray(value)) return [];
      return value.flatMap((item: unknown) => {
        const entry = item as Partial<QueuedBrief> | null;
        const brief = SparkBrief.safeParse(entry?.brief);
        if (!entry || typeof entry.requestId !== "string" || !brief.success) return [];
        return [{ requestId: entry.requestId, brief: brief.data, queuedAt: entry.queuedAt ?? 0 }];
      });
    },
    queue(entry: QueuedBrief): void {
      const rest = this.queued().filter((item) => item.requestId !== entry.requestId);
      write(storage, listKey, [...rest, entry]);
    },
    unqueue(requestId: string): void {
      const rest = this.queued().filter((item) => item.requestId !== requestId);
      if (rest.length === 0) remove(storage, listKey);
      else write(storage, listKey, rest);
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;

/** Removes the draft and the queued briefs of `uid` (at sign-out, or when another person signs in). */
export function forgetDrafts(uid: string, storage: DraftStorage): void {
  remove(storage, formDraftKey(requireUid(uid)));
  remove(storage, queueKey(uid));
}

/**
 * Settles the draft and queue an earlier version kept for nobody in particular, once, when the
 * page opens. Whoever was signed in when that version ran was shown them, so they go to the person
 * whose session the page restored (`restoredUid`, unless that person already has their own);
 * with nobody signed in they are dropped, since they could be anyone's.
 */
export function settleLegacyDrafts(storage: DraftStorage, restoredUid: string | null): void {
  const legacy: [string, (uid: string) => string][] = [
    [LEGACY_FORM_DRAFT_KEY, formDraftKey],
    [LEGACY_QUEUE_KEY, queueKey],
  ];
  for (const [key, keyFor] of legacy) {
    const value = read(storage, key);
    if (value !== null && restoredUid && read(storage, keyFor(restoredUid)) === null) {
      write(storage, keyFor(restoredUid), value);
    }
    remove(storage, key);
  }
}
