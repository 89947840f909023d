// Decides how the Firestore emulator will run, in this order: an explicit override, the jar
// firebase-tools already cached, the Google Cloud SDK's jar through a generated launcher, and
// last firebase-tools' own download (only when the download host answers).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import type { JavaRuntime } from "./java.js";
import { jarTool, writeLauncherJar } from "./launcherJar.js";
import { ToolchainError } from "./toolchainError.js";

const FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const GCLOUD_JAR = path.join(
  "platform",
  "cloud-firestore-emulator",
  "cloud-firestore-emulator.jar",
);

export type FirestoreEmulatorPlan =
  | { kind: "override"; binaryPath: string }
  | { kind: "firebase-cache"; jarPath: string }
  | { kind: "gcloud-launcher"; binaryPath: string; gcloudJar: string }
  | { kind: "download"; url: string };

interface DownloadInfo {
  version: string;
  remoteUrl: string;
  downloadPathRelativeToCacheDir: string;
}

/** What firebase-tools expects to find in (or download into) its emulator cache. */
export function firebaseToolsEmulatorInfo(): {
  firestore: DownloadInfo;
  ui: { main: DownloadInfo };
} {
  const require = createRequire(import.meta.url);
  const toolsRoot = path.dirname(require.resolve("firebase-tools/package.json"));
  const infoPath = path.join(toolsRoot, "lib", "emulator", "downloadableEmulatorInfo.json");
  return JSON.parse(readFileSync(infoPath, "utf8")) as {
    firestore: DownloadInfo;
    ui: { main: DownloadInfo };
  };
}

export function firebaseCacheDir(env: NodeJS.ProcessEnv): string {
  return env.FIREBASE_EMULATORS_PATH ?? path.join(homedir(), ".cache", "firebase", "emulators");
}

/** Google Cloud SDK roots to look in; IDEASPARK_GCLOUD_SDK_ROOTS replaces the search (tests). */
export function gcloudSdkRoots(env: NodeJS.ProcessEnv): string[] {
  if (env.IDEASPARK_GCLOUD_SDK_ROOTS !== undefined) {
    return env.IDEASPARK_GCLOUD_SDK_ROOTS.split(path.delimiter).filter(Boolean);
  }
  const roots: string[] = [];
  const info = spawnSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
    encoding: "utf8",
    timeout: 20_000,
    env,
  });
  const reported = info.status === 0 ? info.stdout.trim() : "";
  if (reported) roots.push(reported);
  roots.push(
    "/usr/lib/google-cloud-sdk",
    "/usr/share/google-cloud-sdk",
    path.join(homedir(), "google-cloud-sdk"),
  );
  return [...new Set(roots)];
}

async function reachable(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs) });
    return response.status < 500;
  } catch {
    return false;
  }
}

export interface PlanOptions {
  env: NodeJS.ProcessEnv;
  /** Where a generated launcher jar may be written (inside the repo's .cache/). */
  launcherPath: string;
  /** The Java the bootstrap chose; its JDK's `jar` tool builds the launcher. */
  java: Pick<JavaRuntime, "bin">;
  downloadProbeTimeoutMs?: number;
}

export async function planFirestoreEmulator(options: PlanOptions): Promise<FirestoreEmulatorPlan> {
  const { env, launcherPath } = options;
  const override = env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (override) {
    if (!existsSync(override)) {
      throw new ToolchainError(
        `FIRESTORE_EMULATOR_BINARY_PATH points at ${override}, which does not exist.\n` +
          `Fix: point it at a Firestore emulator jar, or unset it to let the bootstrap find one.`,
      );
    }
    return { kind: "override", binaryPath: override };
  }

  const info = firebaseToolsEmulatorInfo().firestore;
  const cached = path.join(firebaseCacheDir(env), info.downloadPathRelativeToCacheDir);
  if (existsSync(cached)) return { kind: "firebase-cache", jarPath: cached };

  const searched = gcloudSdkRoots(env);
  for (const root of searched) {
    const gcloudJar = path.join(root, GCLOUD_JAR);
    if (existsSync(gcloudJar)) {
      const binaryPath = writeLauncherJar(
        launcherPath,
        FIRESTORE_MAIN_CLASS,
        gcloudJar,
        jarTool(options.java),
      );
      return { kind: "gcloud-launcher", binaryPath, gcloudJar };
    }
  }

  const url = env.IDEASPARK_EMULATOR_DOWNLOAD_URL ?? info.remoteUrl;
  if (await reachable(url, options.downloadProbeTimeoutMs ?? 5_000))
    return { kind: "download", url };

  throw new ToolchainError(
    [
      `The Firestore emulator (v${info.version}) is not on this machine and cannot be downloaded (${url} did not answer).`,
      `Looked for:`,
      `  - FIRESTORE_EMULATOR_BINARY_PATH: not set`,
      `  - firebase-tools cache: ${cached}`,
      ...searched.map((root) => `  - Google Cloud SDK: ${path.join(root, GCLOUD_JAR)}`),
      `Fix one of:`,
      `  - install the Cloud SDK's emulator: apt-get install google-cloud-cli-firestore-emulator (Debian/Ubuntu with the Google Cloud apt repo),`,
      `  - copy cloud-firestore-emulator-v${info.version}.jar into ${path.dirname(cached)},`,
      `  - set FIRESTORE_EMULATOR_BINARY_PATH to a Firestore emulator jar,`,
      `  - or connect to the internet once so firebase-tools can download it.`,
    ].join("\n"),
  );
}
