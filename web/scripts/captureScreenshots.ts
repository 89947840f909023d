// Captures the manifest's install-dialog screenshots from the real app (`npm run screenshots -w
// web`): builds in emulator mode, serves it with `vite preview`, and photographs the home screen
// in Debian's Chromium at phone and desktop sizes. Re-run it when the home screen changes.
import { FUNCTIONS_REGION } from "@ideaspark/domain";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build, preview } from "vite";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const outDir = fileURLToPath(new URL("../public/screenshots/", import.meta.url));

const SHOTS = [
  { file: "home-narrow.png", viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 },
  { file: "home-wide.png", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
] as const;

// The screenshots show a healthy app without needing the Functions emulator running.
const HEALTHY = {
  result: {
    status: "ok",
    version: "screenshot",
    region: FUNCTIONS_REGION,
    firestore: "ok",
    uid: null,
    time: new Date(0).toISOString(),
  },
};

await build({ root: webDir, mode: "emulator", logLevel: "warn" });
const server = await preview({
  root: webDir,
  mode: "emulator",
  preview: { port: 4179, strictPort: false },
});
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  if (!url) throw new Error("vite preview did not report its address");
  await mkdir(outDir, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.deviceScaleFactor,
      colorScheme: "light",
      // No service worker: its "ready to work offline" toast does not belong in the picture.
      serviceWorkers: "block",
    });
    await context.route("**/health", (route) =>
      route.fulfill({
        json: HEALTHY,
        headers: { "access-control-allow-origin": "*" },
      }),
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText("Backend: ok").waitFor();
    await page.screenshot({ path: `${outDir}${shot.file}` });
    console.log(`wrote public/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
