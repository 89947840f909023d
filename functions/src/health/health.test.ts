import { HttpsError } from "firebase-functions/https";
import { describe, expect, it } from "vitest";
import { cachedProbe, handleHealth, HEALTH_CACHE_MS, HEALTH_FAILURE_CACHE_MS } from "./health.js";

describe("handleHealth", () => {
  it("reports Firestore unreachable when the probe fails", async () => {
    const body = await handleHealth({ auth: undefined, data: {} }, async () => false);
    expect(body).toMatchObject({
      status: "ok",
      firestore: "unreachable",
      uid: null,
      region: "us-central1",
    });
  });

  it("returns the caller's uid and echo", async () => {
    const auth = { uid: "alice", token: {} as never, rawToken: "" };
    const body = await handleHealth({ auth, data: { echo: "hi" } }, async () => true);
    expect(body).toMatchObject({ firestore: "ok", uid: "alice", echo: "hi" });
  });

  it("rejects an over-long echo with invalid-argument naming the field", async () => {
    const attempt = handleHealth(
      { auth: undefined, data: { echo: "x".repeat(201) } },
      async () => true,
    );
    await expect(attempt).rejects.toBeInstanceOf(HttpsError);
    await expect(attempt).rejects.toMatchObject({
      code: "invalid-argument",
      message: expect.stringMatching(/^Invalid request: echo/),
    });
  });
});

describe("cachedProbe", () => {
  /** A Firestore ping that answers `ok` when released, counting its runs. */
  function fakePing(ok = true) {
    let runs = 0;
    let release: () => void = () => {};
    const ping = () => {
      runs += 1;
      return new Promise<boolean>((resolve) => {
        release = () => resolve(ok);
      });
    };
    return { ping, runs: () => runs, release: () => release() };
  }

  it("reads Firestore once for every call within 30 seconds", async () => {
    let now = 1_000_000;
    const firestore = fakePing();
    const probe = cachedProbe(firestore.ping, () => now);
    const first = probe();
    firestore.release();
    expect(await first).toBe(true);
    now += HEALTH_CACHE_MS - 1;
    for (let i = 0; i < 50; i++) expect(await probe()).toBe(true);
    expect(firestore.runs()).toBe(1);
  });

  it("reads again once the 30 seconds have passed", async () => {
    let now = 1_000_000;
    const firestore = fakePing();
    const probe = cachedProbe(firestore.ping, () => now);
    const first = probe();
    firestore.release();
    await first;
    now += HEALTH_CACHE_MS;
    const second = probe();
    firestore.release();
    expect(await second).toBe(true);
    expect(firestore.runs()).toBe(2);
  });

  it("shares one read between callers that arrive while it runs", async () => {
    const firestore = fakePing();
    const probe = cachedProbe(firestore.ping, () => 1_000_000);
    const callers = [probe(), probe(), probe()];
    firestore.release();
    expect(await Promise.all(callers)).toEqual([true, true, true]);
    expect(firestore.runs()).toBe(1);
  });

  it("keeps an unreachable answer for 5 seconds only, and a throwing ping is unreachable", async () => {
    let now = 1_000_000;
    let runs = 0;
    const probe = cachedProbe(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error("DEADLINE_EXCEEDED");
        return true;
      },
      () => now,
    );
    expect(await probe()).toBe(false);
    now += HEALTH_FAILURE_CACHE_MS - 1;
    expect(await probe()).toBe(false);
    expect(runs).toBe(1);
    now += 1;
    expect(await probe()).toBe(true);
    expect(runs).toBe(2);
  });

  it("answers health callers from the cache", async () => {
    let now = 1_000_000;
    const firestore = fakePing();
    const probe = cachedProbe(firestore.ping, () => now);
    const pending = handleHealth({ auth: undefined, data: {} }, probe);
    firestore.release();
    expect((await pending).firestore).toBe("ok");
    now += 1_000;
    const again = await handleHealth({ auth: undefined, data: { echo: "b" } }, probe);
    expect(again).toMatchObject({ firestore: "ok", echo: "b" });
    expect(firestore.runs()).toBe(1);
  });
});
