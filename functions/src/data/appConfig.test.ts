import { DEFAULT_APP_CONFIG } from "@ideaspark/domain";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetAppConfig, getAppConfig } from "./appConfig.js";

// config/app as a stand-in Firestore serves it; each get() can be held open to race a save.
const stored: { data: Record<string, unknown> | undefined; reads: number; hold?: Promise<void> } = {
  data: undefined,
  reads: 0,
};

vi.mock("./firestore.js", () => ({
  firestore: () => ({
    doc: () => ({
      get: async () => {
        stored.reads++;
        const data = stored.data;
        await stored.hold;
        return { exists: data !== undefined, data: () => data };
      },
    }),
  }),
}));

const MINUTE = 60_000;

beforeEach(() => {
  forgetAppConfig();
  stored.data = undefined;
  stored.reads = 0;
  stored.hold = undefined;
});

describe("getAppConfig", () => {
  it("serves config/app from memory until the cache time is up", async () => {
    stored.data = { aiPaused: true };
    expect((await getAppConfig(MINUTE, 0)).aiPaused).toBe(true);
    stored.data = { aiPaused: false };
    expect((await getAppConfig(MINUTE, 1_000)).aiPaused).toBe(true);
    expect((await getAppConfig(MINUTE, MINUTE + 1)).aiPaused).toBe(false);
    expect(stored.reads).toBe(2);
  });

  it("reads config/app again after forgetAppConfig (a save by this instance)", async () => {
    expect(await getAppConfig(MINUTE, 0)).toEqual(DEFAULT_APP_CONFIG);
    stored.data = { aiPaused: true };
    forgetAppConfig();
    expect((await getAppConfig(MINUTE, 1_000)).aiPaused).toBe(true);
  });

  it("does not cache a read that was under way when the config was saved", async () => {
    let release = () => {};
    stored.hold = new Promise<void>((resolve) => (release = resolve));
    const stale = getAppConfig(MINUTE, 0);
    stored.hold = undefined;
    stored.data = { aiPaused: true };
    forgetAppConfig();
    release();
    expect((await stale).aiPaused).toBe(false);
    expect((await getAppConfig(MINUTE, 1_000)).aiPaused).toBe(true);
  });
});
