// The "a new version is available" prompt with a real second build: the PWA the suite built is
// served from a copy, its service worker takes control, then a second `vite build` (a different
// build id, so index.html and the precache manifest change) replaces what the server hands out.
// The waiting worker must be announced, nothing reloads until the person says so, and "Reload"
// brings up the new build.
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../tools/emulators/prepare";
import { runProcess } from "../../tools/lib/processes";
import { viteCommand } from "../../tools/lib/stack";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";

// page.evaluate callbacks run in the browser; tsconfig.tools.json has no DOM lib.
declare const navigator: {
  serviceWorker: { getRegistration(): Promise<{ update(): Promise<unknown> } | undefined> };
};
declare const document: {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves one build folder at a time, like a static host: files as they are, index.html for app
 * routes, and no HTTP caching of the service worker script (Hosting's own default for it).
 */
function serveBuild(): { server: Server; switchTo(dir: string): void; ready: Promise<string> } {
  let root = "";
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
      let file = path.join(root, pathname);
      if (!file.startsWith(root)) return void response.writeHead(403).end();
      const isFile = await stat(file).then(
        (info) => info.isFile(),
        () => false,
      );
      if (!isFile) file = path.join(root, "index.html");
      response.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      response.end(await readFile(file));
    })().catch(() => response.writeHead(500).end());
  });
  const ready = new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
  return { server, switchTo: (dir) => (root = dir), ready };
}

/** This process's environment as a plain shell has it: without Vitest's own settings. */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("VITEST") || key === "NODE_ENV" || key === "TEST") delete env[key];
  }
  return env;
}

describe("update prompt after a new deploy", () => {
  let session: BrowserSession;
  let work: string;
  let host: ReturnType<typeof serveBuild>;
  let origin: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "ideaspark-update-"));
    // The first deploy: the build this suite runs against.
    await cp(path.join(REPO_ROOT, "web", "dist"), path.join(work, "first"), { recursive: true });
    // The second deploy: the same sources built again with another build id.
    const second = path.join(work, "second");
    const vite = viteCommand(["build", "--mode", "emulator", "--logLevel", "warn"]);
    vite.args.push("--outDir", second, "--emptyOutDir");
    const code = await runProcess("build:second", vite.command, vite.args, {
      cwd: path.join(REPO_ROOT, "web"),
      env: { ...buildEnv(), IDEASPARK_BUILD_ID: "second-deploy" },
      echo: false,
    });
    if (code !== 0) throw new Error(`the second build failed (exit code ${code})`);
    host = serveBuild();
    host.switchTo(path.join(work, "first"));
    origin = await host.ready;
    session = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    host?.server.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const buildId = () =>
    session.page.evaluate(
      () => document.querySelector("meta[name='ideaspark-build']")?.getAttribute("content") ?? "",
    );

  it("announces the second build once its worker waits, and reloads into it only when asked", async () => {
    const { page } = session;
    await page.goto(`${origin}/signin`);
    // The first visit installs the worker; it controls the page from the next load on.
    await new AppShell(page, session.context).waitForServiceWorkerControl(30_000);
    expect(await buildId()).toBe("local");
    const prompt = page.getByTestId("reload-prompt");
    expect(await prompt.isVisible()).toBe(false);

    host.switchTo(path.join(work, "second"));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect
      .poll(async () => (await prompt.isVisible()) && (await prompt.textContent()), {
        timeout: 30_000,
      })
      .toContain("A new version is available.");
    // Still the first build on screen: nothing reloaded under the person's hands.
    expect(await buildId()).toBe("local");

    await Promise.all([page.waitForEvent("load"), page.getByTestId("reload-button").click()]);
    await expect.poll(buildId, { timeout: 15_000 }).toBe("second-deploy");
    expect(session.pageErrors).toEqual([]);
  });
});
