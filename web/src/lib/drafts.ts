// Nothing typed is lost: the brief form's draft is kept in localStorage while typing, and briefs
// submitted offline are queued here with their requestId, so sending later stays idempotent.
import { SparkBrief } from "@ideaspark/domain";

export const FORM_DRAFT_KEY = "ideaspark.sparkDraft";
export const QUEUE_KEY = "ideaspark.sparkQueue";

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

const FIELDS = ["topic", "audience", "constraints", "count", "tone"] as const;

export function createDrafts(storage: DraftStorage = localStorage) {
  return {
    loadForm(): FormDraft | null {
      const value = read(storage, FORM_DRAFT_KEY);
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
      write(storage, FORM_DRAFT_KEY, draft);
    },
    clearForm(): void {
      storage.removeItem(FORM_DRAFT_KEY);
    },
    /** Queued briefs, oldest first; entries that no longer parse are dropped. */
    queued(): QueuedBrief[] {
      const value = read(storage, QUEUE_KEY);
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
      write(storage, QUEUE_KEY, [...rest, entry]);
    },
    unqueue(requestId: string): void {
      const rest = this.queued().filter((item) => item.requestId !== requestId);
      if (rest.length === 0) storage.removeItem(QUEUE_KEY);
      else write(storage, QUEUE_KEY, rest);
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
