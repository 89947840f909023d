// Feedback and stars on a finished spark: shown at once (optimistic), written to the spark doc
// as a SparkOwnerUpdate, and rolled back with a message when the write fails. `reset` (at
// sign-out) forgets all of it, including the outcome of writes still under way.
import { SparkOwnerUpdate, type Feedback } from "@ideaspark/domain";
import { createStore, useStore } from "zustand";
import { holdsPersonalState } from "../../lib/personalState";

export interface OwnerMarks {
  feedback: Feedback;
  starred: number[];
}

interface OwnerState {
  /** Local values not yet confirmed by a successful write, by spark id. */
  pending: Record<string, Partial<OwnerMarks>>;
  errors: Record<string, string | null>;
}

export interface OwnerBackend {
  updateSparkOwner(uid: string, id: string, update: SparkOwnerUpdate): Promise<void>;
}

export const OWNER_UPDATE_FAILED = "Your change could not be saved. Please try again.";

export function createSparkOwnerStore(loadBackend: () => Promise<OwnerBackend>) {
  const store = createStore<OwnerState>(() => ({ pending: {}, errors: {} }));
  /** Bumped by `reset`: a write started before it must not bring its person's marks back. */
  let generation = 0;

  const setPending = (id: string, marks: Partial<OwnerMarks> | null) =>
    store.setState((state) => {
      const pending = { ...state.pending };
      if (marks) pending[id] = marks;
      else delete pending[id];
      return { pending };
    });

  async function apply(uid: string, id: string, update: Partial<OwnerMarks>): Promise<void> {
    const parsed = SparkOwnerUpdate.safeParse(update);
    if (!parsed.success) {
      store.setState((state) => ({ errors: { ...state.errors, [id]: OWNER_UPDATE_FAILED } }));
      return;
    }
    const before = store.getState().pending[id];
    const started = generation;
    setPending(id, { ...before, ...update });
    store.setState((state) => ({ errors: { ...state.errors, [id]: null } }));
    try {
      await (await loadBackend()).updateSparkOwner(uid, id, parsed.data);
      if (started !== generation) return;
      // The doc snapshot now carries the value; drop the override only if nothing newer replaced it.
      const current = store.getState().pending[id];
      if (current && Object.entries(update).every(([k, v]) => current[k as keyof OwnerMarks] === v))
        setPending(id, null);
    } catch (error) {
      console.warn("IdeaSpark could not save feedback or stars", error);
      if (started !== generation) return;
      setPending(id, before ?? null);
      store.setState((state) => ({ errors: { ...state.errors, [id]: OWNER_UPDATE_FAILED } }));
    }
  }

  /** Sets feedback; choosing the current value again clears it. */
  function toggleFeedback(uid: string, id: string, current: OwnerMarks, value: "up" | "down") {
    return apply(uid, id, { feedback: current.feedback === value ? null : value });
  }

  function toggleStar(uid: string, id: string, current: OwnerMarks, index: number) {
    const starred = current.starred.includes(index)
      ? current.starred.filter((i) => i !== index)
      : [...current.starred, index].sort((a, b) => a - b);
    return apply(uid, id, { starred });
  }

  /** What to show: the pending local values over the stored ones. */
  function marks(id: string, stored: OwnerMarks): OwnerMarks {
    return { ...stored, ...store.getState().pending[id] };
  }

  /** Forgets every pending mark and error. */
  function reset(): void {
    generation += 1;
    store.setState({ pending: {}, errors: {} });
  }

  return Object.assign(store, { toggleFeedback, toggleStar, marks, reset });
}

export const sparkOwner = createSparkOwnerStore(() => import("../../data/sparkDocs"));
holdsPersonalState("sparkOwner", () => sparkOwner.reset());

export function useOwnerMarks(id: string, stored: OwnerMarks): OwnerMarks {
  const pending = useStore(sparkOwner, (state) => state.pending[id]);
  return { ...stored, ...pending };
}

export function useOwnerError(id: string): string | null {
  return useStore(sparkOwner, (state) => state.errors[id] ?? null);
}
