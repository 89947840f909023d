import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findJava, parseJavaVersion } from "./java.js";
import { ToolchainError } from "./toolchainError.js";
import { fakeJdk, isolatedEnv, tempDir } from "./testSupport.js";

describe("parseJavaVersion", () => {
  it("reads modern and legacy version strings", () => {
    expect(parseJavaVersion('openjdk version "25.0.3" 2026-04-21')).toEqual({
      version: "25.0.3",
      major: 25,
    });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({
      version: "21",
      major: 21,
    });
    expect(parseJavaVersion('java version "1.8.0_412"')).toEqual({
      version: "1.8.0_412",
      major: 8,
    });
    expect(parseJavaVersion("no java here")).toBeNull();
  });
});

describe("findJava", () => {
  it("explains what it found and how to fix it when only Java 17 exists", () => {
    const root = tempDir();
    const jvms = path.join(root, "jvm");
    const old = fakeJdk(jvms, "java-17", "17.0.15");
    const env = isolatedEnv(root, {
      IDEASPARK_JVM_DIRS: jvms,
      JAVA_HOME: path.join(jvms, "java-17"),
    });
    const attempt = () => findJava(env);
    expect(attempt).toThrow(ToolchainError);
    expect(attempt).toThrow(/No Java 21 or newer/);
    expect(attempt).toThrow(
      new RegExp(`JAVA_HOME: ${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} → Java 17.0.15`),
    );
    expect(attempt).toThrow(/set JAVA_HOME/);
  });

  it("says no Java was found at all when none exists", () => {
    const root = tempDir();
    expect(() => findJava(isolatedEnv(root))).toThrow(/no Java at all/);
  });

  it("prefers JAVA_HOME when it is new enough", () => {
    const root = tempDir();
    fakeJdk(path.join(root, "jvm"), "temurin-25", "25.0.3");
    const home = path.dirname(path.dirname(fakeJdk(root, "my jdk 21", "21.0.5")));
    const java = findJava(
      isolatedEnv(root, { JAVA_HOME: home, IDEASPARK_JVM_DIRS: path.join(root, "jvm") }),
    );
    expect(java).toMatchObject({ major: 21, source: "JAVA_HOME" });
  });

  it("skips an old JAVA_HOME and picks the newest installed JDK", () => {
    const root = tempDir();
    const jvms = path.join(root, "jvm");
    fakeJdk(jvms, "java-17", "17.0.15");
    fakeJdk(jvms, "temurin-21", "21.0.5");
    fakeJdk(jvms, "temurin-25", "25.0.3");
    const java = findJava(
      isolatedEnv(root, { JAVA_HOME: path.join(jvms, "java-17"), IDEASPARK_JVM_DIRS: jvms }),
    );
    expect(java.major).toBe(25);
    expect(java.bin).toBe(path.join(jvms, "temurin-25", "bin", "java"));
  });

  it("falls back to java on PATH", () => {
    const root = tempDir();
    const java = fakeJdk(root, "on path", "22.0.1");
    mkdirSync(path.join(root, "empty bin"), { recursive: true });
    const found = findJava(isolatedEnv(root, { PATH: path.dirname(java) }));
    expect(found).toMatchObject({ major: 22, source: "PATH", binDir: path.dirname(java) });
  });
});
