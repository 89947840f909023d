import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findJava } from "./java.js";
import { jarTool, launcherManifest, writeLauncherJar } from "./launcherJar.js";
import { fakeJdk, tempDir } from "./testSupport.js";

const java = findJava();
const jar = jarTool(java);

/** The manifest inside a jar, as the JDK's own tool extracts it (continuation lines joined). */
function manifestOf(jarPath: string): string {
  const dir = tempDir();
  const run = spawnSync(jar, ["--extract", "--file", jarPath, "META-INF/MANIFEST.MF"], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return readFileSync(path.join(dir, "META-INF", "MANIFEST.MF"), "utf8").replace(/\r\n /g, "");
}

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

  it("finds the jar tool beside the real java when the chosen one is a symlink into the JDK", () => {
    const root = tempDir();
    const jdkJava = fakeJdk(root, "jdk-21", "21.0.5", { jarTool: true });
    const usrBin = path.join(root, "usr bin");
    mkdirSync(usrBin);
    symlinkSync(jdkJava, path.join(usrBin, "java"));
    expect(jarTool({ bin: path.join(usrBin, "java") })).toBe(
      path.join(root, "jdk-21", "bin", "jar"),
    );
  });

  it("is built by the JDK's jar tool: only a manifest naming the main class and the jar", () => {
    const target = writeLauncherJar(
      path.join(tempDir(), "launcher.jar"),
      "com.google.cloud.datastore.emulator.firestore.CloudFirestore",
      "/opt/google cloud sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
      jar,
    );
    const listing = spawnSync(jar, ["--list", "--file", target], { encoding: "utf8" });
    expect(listing.stdout.split("\n").filter(Boolean)).toEqual([
      "META-INF/",
      "META-INF/MANIFEST.MF",
    ]);
    const manifest = manifestOf(target);
    expect(manifest).toContain(
      "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore\r\n",
    );
    expect(manifest).toContain(
      "Class-Path: file:///opt/google%20cloud%20sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar\r\n",
    );
  });

  it("is a jar the real JVM starts: its Main-Class runs", () => {
    // javac's entry point ships with every JDK, so the JVM can only print its version if the
    // manifest it read names that class.
    const target = writeLauncherJar(
      path.join(tempDir(), "launcher.jar"),
      "com.sun.tools.javac.Main",
      "/nowhere/x.jar",
      jar,
    );
    const run = spawnSync(java.bin, ["-jar", target, "-version"], { encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toMatch(/javac \d+/);
    expect(run.status).toBe(0);
  });

  it("keeps an unchanged launcher as it is and rebuilds a changed one", () => {
    const target = path.join(tempDir(), "launcher.jar");
    writeLauncherJar(target, "a.Main", "/x.jar", jar);
    const first = statSync(target).ino;
    writeLauncherJar(target, "a.Main", "/x.jar", jar);
    expect(statSync(target).ino).toBe(first);
    writeLauncherJar(target, "b.Main", "/x.jar", jar);
    expect(manifestOf(target)).toContain("Main-Class: b.Main\r\n");
  });

  it("names the missing tool and the fix when the JDK has no jar tool", () => {
    const jreOnly = fakeJdk(tempDir(), "jre-21", "21.0.5");
    expect(() => jarTool({ bin: jreOnly })).toThrow(/jar tool is not next to .*jre-21/);
    expect(() => jarTool({ bin: jreOnly })).toThrow(/install a full JDK/);
  });
});
