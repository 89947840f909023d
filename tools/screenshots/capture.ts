// The manifest's install-dialog screenshots, taken from the real signed-in app (run inside the
// whole emulator stack by `npm run screenshots`, see run.ts): the demo account (with the demo
// sparks the seed gives it) on the home screen, a spark's ideas and history, at phone and
// desktop sizes, light scheme, without the service worker's "ready to work offline" toast.
// web/pwa.config.ts lists the files written here; re-run after a visible change to these screens.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "../emulators/prepare.js";
import { DEMO_SPARKS, DEMO_USERS } from "../seed/demoData.js";
import { seedDemoData } from "../seed/seed.js";

const baseUrl = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:5002").replace(/\/+$/, "");
const outDir = path.join(REPO_ROOT, "web", "public", "screenshots");

const newest = DEMO_SPARKS.reduce((a, b) => (a.daysAgo <= b.daysAgo ? a : b));

/** What each picture shows, and the text that says its data has arrived. */
const SCREENSHOTS = [
  { file: "home-narrow.png", route: "/", ready: newest.brief.topic, form: "narrow" },
  { file: "spark-narrow.png", route: `/spark/${newest.id}`, ready: "Star", form: "narrow" },
  { file: "home-wide.png", route: "/", ready: newest.brief.topic, form: "wide" },
  { file: "history-wide.png", route: "/history", ready: newest.brief.topic, form: "wide" },
] as const;

const VIEWPORTS = {
  narrow: { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 },
  wide: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByTestId("email-input").fill(email);
  await page.getByTestId("password-input").fill(password);
  await page.getByTestId("signin-submit").click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function main(): Promise<void> {
  await seedDemoData();
  const demo = DEMO_USERS.find((user) => !user.admin);
  if (!demo) throw new Error("no demo account");
  await mkdir(outDir, { recursive: true });
  for (const form of ["narrow", "wide"] as const) {
    const profile = await mkdtemp(path.join(tmpdir(), "ideaspark-screenshots-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
      ...VIEWPORTS[form],
      colorScheme: "light",
      reducedMotion: "reduce",
      serviceWorkers: "block",
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await signIn(page, demo.email, demo.password);
      for (const shot of SCREENSHOTS.filter((each) => each.form === form)) {
        await page.goto(`${baseUrl}${shot.route}`);
        await page.getByText(shot.ready).first().waitFor({ timeout: 30_000 });
        await page.getByText("Backend: ok").waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(outDir, shot.file) });
        console.log(`wrote web/public/screenshots/${shot.file}`);
      }
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
}

await main();
