// Test doubles for src/data/history and src/data/usage: each watch* call is recorded, and the test
// pushes snapshots (or errors) to the latest subscriber. Use with synchronous factories (two
// hooks may import one data module at the same time, which an async factory can race):
//   const fakes = await vi.hoisted(() => import("../history/liveFakes"));
//   vi.mock("../../data/usage", () => fakes.fakeUsageModule);
import { vi } from "vitest";
import type { Live } from "../../data/history";

type Listener = { onNext: (value: Live<unknown>) => void; onError: (error: Error) => void };

const listeners = new Map<string, Listener>();

function record(name: string) {
  return vi.fn((...args: unknown[]) => {
    const onError = args.at(-1) as Listener["onError"];
    const onNext = args.at(-2) as Listener["onNext"];
    listeners.set(name, { onNext, onError });
    return () => {
      if (listeners.get(name)?.onNext === onNext) listeners.delete(name);
    };
  });
}

export const fakeHistoryModule = { watchSparks: record("sparks") };
export const fakeUsageModule = {
  watchQuota: record("quota"),
  watchUsageRecords: record("usage"),
  watchAppConfig: record("config"),
};

export type LiveName = "sparks" | "quota" | "usage" | "config";

/** Sends `data` to the current subscriber of `name` (as from the server unless `fromCache`). */
export function push(name: LiveName, data: unknown, fromCache = false): void {
  const listener = listeners.get(name);
  if (!listener) throw new Error(`nothing is watching ${name}`);
  listener.onNext({ data, fromCache, hasPendingWrites: false });
}

export function fail(name: LiveName, error = new Error("permission-denied")): void {
  listeners.get(name)?.onError(error);
}

export function watching(name: LiveName): boolean {
  return listeners.has(name);
}
