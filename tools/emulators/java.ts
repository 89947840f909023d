// Finds a Java runtime new enough for the Firestore emulator (firebase-tools 15 needs ≥ 21).
// Order: JAVA_HOME, then JVMs installed in the usual places (newest first), then `java` on PATH.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { ToolchainError } from "./toolchainError.js";

export const MIN_JAVA_MAJOR = 21;

export interface JavaRuntime {
  /** Absolute path of the `java` executable. */
  bin: string;
  /** Directory to put first on PATH so child processes find this `java`. */
  binDir: string;
  major: number;
  version: string;
  source: string;
}

/** Parses `java -version` output ("openjdk version "25.0.1"", "java version "1.8.0_412""). */
export function parseJavaVersion(output: string): { version: string; major: number } | null {
  const match = /version "([^"]+)"/.exec(output);
  if (!match?.[1]) return null;
  const version = match[1];
  const parts = version.split(/[.+_-]/).map((p) => Number.parseInt(p, 10));
  const first = parts[0] ?? Number.NaN;
  const major = first === 1 ? (parts[1] ?? Number.NaN) : first;
  return Number.isFinite(major) ? { version, major } : null;
}

function probe(bin: string): { version: string; major: number } | null {
  const result = spawnSync(bin, ["-version"], { encoding: "utf8", timeout: 15_000 });
  if (result.error) return null;
  return parseJavaVersion(`${result.stderr ?? ""}\n${result.stdout ?? ""}`);
}

/** Directories that usually hold one JDK each; IDEASPARK_JVM_DIRS replaces them (tests, odd setups). */
export function jvmRoots(env: NodeJS.ProcessEnv): string[] {
  if (env.IDEASPARK_JVM_DIRS !== undefined) {
    return env.IDEASPARK_JVM_DIRS.split(path.delimiter).filter(Boolean);
  }
  return [
    "/usr/lib/jvm",
    "/usr/local/lib/jvm",
    "/opt/java",
    "/Library/Java/JavaVirtualMachines",
    path.join(homedir(), ".sdkman", "candidates", "java"),
  ];
}

function candidatesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) =>
    [
      path.join(root, name, "bin", "java"),
      path.join(root, name, "Contents", "Home", "bin", "java"),
    ].filter((bin) => existsSync(bin)),
  );
}

function javaOnPath(env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const bin = path.join(dir, process.platform === "win32" ? "java.exe" : "java");
    if (existsSync(bin)) return bin;
  }
  return null;
}

/** Returns the best Java ≥ 21 or throws a ToolchainError listing what was found and how to fix it. */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const seen: string[] = [];
  const consider = (bin: string, source: string): JavaRuntime | null => {
    const found = probe(bin);
    seen.push(`  - ${source}: ${bin} → ${found ? `Java ${found.version}` : "not runnable"}`);
    if (!found || found.major < MIN_JAVA_MAJOR) return null;
    return { bin, binDir: path.dirname(bin), ...found, source };
  };

  if (env.JAVA_HOME) {
    const fromHome = consider(path.join(env.JAVA_HOME, "bin", "java"), "JAVA_HOME");
    if (fromHome) return fromHome;
  }
  const installed = jvmRoots(env)
    .flatMap(candidatesUnder)
    .map((bin) => consider(bin, "installed JVM"))
    .filter((runtime): runtime is JavaRuntime => runtime !== null)
    .sort((a, b) => b.major - a.major);
  if (installed[0]) return installed[0];
  const onPath = javaOnPath(env);
  if (onPath) {
    const fromPath = consider(onPath, "PATH");
    if (fromPath) return fromPath;
  }

  throw new ToolchainError(
    [
      `No Java ${MIN_JAVA_MAJOR} or newer was found, and the Firestore emulator (firebase-tools 15) needs it.`,
      seen.length > 0
        ? `Checked:\n${seen.join("\n")}`
        : "Checked JAVA_HOME, the usual JVM folders and PATH: no Java at all.",
      `Fix: install a JDK ${MIN_JAVA_MAJOR}+ (for example Eclipse Temurin 21 or 25, or "brew install openjdk@21" on macOS)`,
      `and either set JAVA_HOME to it or put its bin/ first on PATH.`,
    ].join("\n"),
  );
}
