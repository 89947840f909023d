import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firebaseToolsEmulatorInfo, planFirestoreEmulator } from "./firestoreEmulator.js";
import { findJava } from "./java.js";
import { jarTool } from "./launcherJar.js";
import { fakeGcloudSdk, isolatedEnv, tempDir } from "./testSupport.js";

/** The bootstrap plans with the Java it found; the launcher case needs its real jar tool. */
const java = findJava();

/** A local URL nothing listens on: the "no network" case, without touching the network. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/cloud-firestore-emulator.jar`;
}

describe("planFirestoreEmulator", () => {
  it("uses an explicit override first", async () => {
    const root = tempDir();
    const jar = path.join(root, "my emulator.jar");
    writeFileSync(jar, "jar");
    const env = isolatedEnv(root, {
      FIRESTORE_EMULATOR_BINARY_PATH: jar,
      IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root),
    });
    await expect(
      planFirestoreEmulator({ env, java, launcherPath: path.join(root, "l.jar") }),
    ).resolves.toEqual({
      kind: "override",
      binaryPath: jar,
    });
  });

  it("refuses an override that does not exist, naming it", async () => {
    const root = tempDir();
    const env = isolatedEnv(root, { FIRESTORE_EMULATOR_BINARY_PATH: path.join(root, "gone.jar") });
    await expect(
      planFirestoreEmulator({ env, java, launcherPath: path.join(root, "l.jar") }),
    ).rejects.toThrow(/FIRESTORE_EMULATOR_BINARY_PATH points at .*gone\.jar, which does not exist/);
  });

  it("uses firebase-tools' cached jar before the Cloud SDK's", async () => {
    const root = tempDir();
    const env = isolatedEnv(root, { IDEASPARK_GCLOUD_SDK_ROOTS: fakeGcloudSdk(root) });
    const cacheDir = env.FIREBASE_EMULATORS_PATH ?? "";
    mkdirSync(cacheDir, { recursive: true });
    const cached = path.join(
      cacheDir,
      firebaseToolsEmulatorInfo().firestore.downloadPathRelativeToCacheDir,
    );
    writeFileSync(cached, "jar");
    await expect(
      planFirestoreEmulator({ env, java, launcherPath: path.join(root, "l.jar") }),
    ).resolves.toEqual({
      kind: "firebase-cache",
      jarPath: cached,
    });
  });

  it("wraps the Cloud SDK jar in a launcher whose manifest names its main class and jar", async () => {
    const root = tempDir();
    const sdk = fakeGcloudSdk(root);
    const launcherPath = path.join(root, "cache dir", "launcher.jar");
    const plan = await planFirestoreEmulator({
      env: isolatedEnv(root, { IDEASPARK_GCLOUD_SDK_ROOTS: sdk }),
      launcherPath,
      java,
    });
    expect(plan).toMatchObject({ kind: "gcloud-launcher", binaryPath: launcherPath });
    const extracted = tempDir();
    spawnSync(jarTool(java), ["--extract", "--file", launcherPath, "META-INF/MANIFEST.MF"], {
      cwd: extracted,
    });
    const manifest = readFileSync(path.join(extracted, "META-INF", "MANIFEST.MF"), "utf8");
    expect(manifest.replace(/\r\n /g, "")).toContain(
      "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore",
    );
    expect(manifest.replace(/\r\n /g, "")).toContain(
      "google%20cloud%20sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
    );
  });

  it("leaves the download to firebase-tools when the download host answers", async () => {
    const root = tempDir();
    const server = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jar`;
    try {
      const env = isolatedEnv(root, { IDEASPARK_EMULATOR_DOWNLOAD_URL: url });
      await expect(
        planFirestoreEmulator({ env, java, launcherPath: path.join(root, "l.jar") }),
      ).resolves.toEqual({
        kind: "download",
        url,
      });
    } finally {
      server.close();
    }
  });

  it("with no jar anywhere and no network, lists every place it looked and every fix", async () => {
    const root = tempDir();
    const env = isolatedEnv(root, { IDEASPARK_EMULATOR_DOWNLOAD_URL: await deadUrl() });
    const error = await planFirestoreEmulator({
      env,
      java,
      launcherPath: path.join(root, "l.jar"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/is not on this machine and cannot be downloaded/);
    expect(message).toContain(path.join(root, "firebase cache"));
    expect(message).toMatch(/apt-get install google-cloud-cli-firestore-emulator/);
    expect(message).toMatch(/set FIRESTORE_EMULATOR_BINARY_PATH/);
  });
});
