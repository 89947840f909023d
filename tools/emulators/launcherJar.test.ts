import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findJava } from "./java.js";
import { launcherManifest, writeLauncherJar } from "./launcherJar.js";
import { tempDir } from "./testSupport.js";

describe("launcher jar", () => {
  it("wraps manifest lines at 72 bytes and encodes spaces in the Class-Path URL", () => {
    const manifest = launcherManifest(
      "a.b.Main",
      "/very long folder name with spaces/".repeat(3) + "x.jar",
    );
    for (const line of manifest.split("\r\n"))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(72);
    expect(manifest.replace(/\r\n /g, "")).toContain("Class-Path: file:///very%20long%20folder");
    expect(manifest.endsWith("\r\n\r\n")).toBe(true);
  });

  it("is a jar the real JVM starts: its Main-Class runs", () => {
    // javac's entry point ships with every JDK, so the JVM can only print its version if it
    // read our zip and manifest correctly.
    const java = findJava();
    const jar = writeLauncherJar(
      path.join(tempDir(), "launcher.jar"),
      "com.sun.tools.javac.Main",
      "/nowhere/x.jar",
    );
    const run = spawnSync(java.bin, ["-jar", jar, "-version"], { encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toMatch(/javac \d+/);
    expect(run.status).toBe(0);
  });

  it("keeps an unchanged launcher as it is", () => {
    const target = path.join(tempDir(), "launcher.jar");
    writeLauncherJar(target, "a.Main", "/x.jar");
    const first = statSync(target).mtimeMs;
    writeLauncherJar(target, "a.Main", "/x.jar");
    expect(statSync(target).mtimeMs).toBe(first);
    writeLauncherJar(target, "b.Main", "/x.jar");
    expect(statSync(target).mtimeMs).toBeGreaterThanOrEqual(first);
  });
});
