// The CLI as a developer runs it: a child process that prints its URL and stops on SIGTERM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("main.ts (CLI)", () => {
  it("prints the base URL, serves requests and exits 0 on SIGTERM", async () => {
    // Own process group, stopped by its pid only (never by name).
    const child = spawn(process.execPath, ["--import", "tsx", main, "--port", "0", "--fast"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const [line] = (await once(child.stdout, "data")) as [Buffer];
      const url = line.toString().trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const client = new OpenAI({ apiKey: "local", baseURL: url, maxRetries: 0 });
      const response = await client.responses.create({
        model: "gpt-5-mini",
        input: "Topic: a garden party",
      });
      expect(response.output_text).toContain("garden party");
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    }
  });

  it.each([
    [["--port", "banana"], /--port must be an integer/],
    [
      ["--port", "0", "--cache-min-tokens", "lots"],
      /--cache-min-tokens must be a non-negative integer/,
    ],
  ])("refuses bad flags %j with exit code 2", async (flags, message) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, ...flags], { stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
