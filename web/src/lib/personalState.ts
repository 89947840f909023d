// The signed-in person's in-memory state (running sparks, unsaved marks, profile setup): each
// holder registers how to drop it, and a sign-out, or another account taking over the browser,
// drops all of it before the next person sees the app.

/** Drops what a holder keeps for `uid` (in memory, and any small local marks of its own). */
export type ForgetPerson = (uid: string) => void;

const holders = new Map<string, ForgetPerson>();

/** Registers (or replaces, by `name`) how one holder forgets a person. */
export function holdsPersonalState(name: string, forget: ForgetPerson): void {
  holders.set(name, forget);
}

/** Makes every registered holder forget `uid`; one failing holder does not stop the others. */
export function forgetPersonalState(uid: string): void {
  for (const [name, forget] of holders) {
    try {
      forget(uid);
    } catch (error) {
      console.error(`IdeaSpark could not reset ${name} at sign-out`, error);
    }
  }
}

/** Names of the registered holders (for tests and diagnostics). */
export function personalStateHolders(): string[] {
  return [...holders.keys()];
}
