// Fixtures for the bootstrap tests: throwaway folders (with spaces in their names, as a
// user's checkout may have) holding fake `java` executables and fake SDK layouts.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findJava } from "./java.js";
import { jarTool } from "./launcherJar.js";

export function tempDir(prefix = "ideaspark boot "): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

let realJar: string | undefined;

/**
 * A fake JDK at `<root>/<name>/bin/java` that reports `version` the way `java -version` does.
 * With `jarTool`, its bin/ also holds a `jar` that hands over to this machine's real JDK tool.
 */
export function fakeJdk(
  root: string,
  name: string,
  version: string,
  options: { jarTool?: boolean } = {},
): string {
  const bin = path.join(root, name, "bin");
  mkdirSync(bin, { recursive: true });
  const java = path.join(bin, "java");
  writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`);
  chmodSync(java, 0o755);
  if (options.jarTool) {
    realJar ??= jarTool(findJava());
    const jar = path.join(bin, "jar");
    writeFileSync(jar, `#!/bin/sh\nexec '${realJar}' "$@"\n`);
    chmodSync(jar, 0o755);
  }
  return java;
}

/** A fake Google Cloud SDK root containing the Firestore emulator jar. */
export function fakeGcloudSdk(root: string): string {
  const dir = path.join(root, "google cloud sdk", "platform", "cloud-firestore-emulator");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "cloud-firestore-emulator.jar"), "not really a jar");
  return path.join(root, "google cloud sdk");
}

/** An environment with no real Java, gcloud or firebase cache in sight. */
export function isolatedEnv(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const emptyBin = path.join(root, "empty bin");
  mkdirSync(emptyBin, { recursive: true });
  return {
    PATH: emptyBin,
    HOME: root,
    IDEASPARK_JVM_DIRS: "",
    IDEASPARK_GCLOUD_SDK_ROOTS: "",
    FIREBASE_EMULATORS_PATH: path.join(root, "firebase cache"),
    // Never let a test's launcher (pointing at a fake jar) replace the repo's real one.
    IDEASPARK_CACHE_DIR: path.join(root, "repo cache"),
    ...extra,
  };
}
