// Builds a tiny launcher jar with the JDK's own `jar` tool: it holds only a manifest whose
// Main-Class and Class-Path point into another jar, so `java -jar` can run a jar that names no
// Main-Class itself (the Google Cloud SDK's Firestore emulator).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { JavaRuntime } from "./java.js";
import { ToolchainError } from "./toolchainError.js";

/** Manifest lines wrap at 72 bytes; continuation lines start with one space (JAR spec). */
function manifestLine(key: string, value: string): string {
  const line = `${key}: ${value}`;
  const chunks = [line.slice(0, 72)];
  for (let i = 72; i < line.length; i += 71) chunks.push(` ${line.slice(i, i + 71)}`);
  return chunks.join("\r\n");
}

export function launcherManifest(mainClass: string, classPathJar: string): string {
  return (
    [
      "Manifest-Version: 1.0",
      manifestLine("Main-Class", mainClass),
      manifestLine("Class-Path", pathToFileURL(classPathJar).href),
    ].join("\r\n") + "\r\n\r\n"
  );
}

/**
 * The `jar` tool of the JDK the bootstrap chose: beside the real `java` binary (a PATH entry
 * such as /usr/bin/java is usually a symlink into the JDK), else beside the one it was given.
 */
export function jarTool(java: Pick<JavaRuntime, "bin">): string {
  const name = process.platform === "win32" ? "jar.exe" : "jar";
  const candidates = [
    path.join(path.dirname(realpathSync(java.bin)), name),
    path.join(path.dirname(java.bin), name),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new ToolchainError(
    [
      `The JDK's jar tool is not next to ${java.bin} (looked for ${[...new Set(candidates)].join(", ")}).`,
      `It builds the launcher for the Google Cloud SDK's Firestore emulator.`,
      `Fix: install a full JDK (not only a JRE) and point JAVA_HOME at it, or set`,
      `FIRESTORE_EMULATOR_BINARY_PATH to a Firestore emulator jar.`,
    ].join("\n"),
  );
}

/**
 * Writes (or keeps, when its manifest is unchanged) a launcher jar at `target` with `jar`;
 * returns its path. The manifest it was built from is kept beside it as `<target>.mf`.
 */
export function writeLauncherJar(
  target: string,
  mainClass: string,
  classPathJar: string,
  jar: string,
): string {
  const manifest = launcherManifest(mainClass, classPathJar);
  const builtFrom = `${target}.mf`;
  if (existsSync(target) && existsSync(builtFrom) && readFileSync(builtFrom, "utf8") === manifest)
    return target;
  mkdirSync(path.dirname(target), { recursive: true });
  // Build beside the target then rename, so a JVM starting at this moment never reads a
  // half-written jar.
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(`${temp}.mf`, manifest);
  const run = spawnSync(jar, ["--create", "--file", temp, "--manifest", `${temp}.mf`], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) {
    rmSync(temp, { force: true });
    rmSync(`${temp}.mf`, { force: true });
    throw new ToolchainError(
      `${jar} could not build the Firestore emulator launcher ${target}:\n` +
        `${run.error?.message ?? ""}${run.stderr ?? ""}`.trim(),
    );
  }
  renameSync(temp, target);
  renameSync(`${temp}.mf`, builtFrom);
  return target;
}
