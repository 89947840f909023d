// Accessibility in real Chromium against the emulators:
// - axe-core (WCAG 2.x A/AA and best practices) finds nothing on every screen — guest, signed-in
//   (empty and with sparks), 403, 404 and every admin section — in light and dark, on a desktop
//   and a 375px phone;
// - a keyboard-only journey signs in, starts a spark, waits for its ideas and stars one: focus
//   lands on each new screen's heading, the title follows, and streaming ideas never move focus;
// - under prefers-reduced-motion every animation and transition is off.
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRIEF_LIMITS } from "@ideaspark/domain";
import { ADMIN_SECTIONS } from "../../web/src/features/admin/adminSections";
import { adminDb } from "../support/admin";
import { createAccount, profileDocument, type Account } from "../support/accounts";
import { injectFaults } from "../support/openaiServer";
import { axeViolations, describeViolations } from "./axe";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { seedHistory } from "./pages/historySeed";
import { Keyboard } from "./pages/keyboard";
import { SettingsPage } from "./pages/settingsPage";
import { SparkPage } from "./pages/sparkPage";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

/**
 * Client-side navigation, as the app's own links do it: one signed-in session stays warm across
 * screens instead of restarting Firebase on every page load. The old screen's heading is marked,
 * so `settle` waits for the new one (the address changes before a lazy screen has arrived).
 */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    if (`${location.pathname}${location.search}` === to) return;
    document.querySelectorAll("main h1").forEach((h1) => h1.setAttribute("data-left", ""));
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

/** Waits for the screen's heading, `ready` if given, and no "Loading…" left in main. */
async function settle(page: Page, ready?: Locator): Promise<void> {
  await page.locator("main h1:not([data-left])").first().waitFor();
  if (ready) await ready.first().waitFor();
  await page.waitForFunction(
    () => !/Loading|Checking your sign-in/.test(document.getElementById("main")?.textContent ?? ""),
  );
}

/**
 * Each screen is checked twice, light on a desktop and dark on a phone: both colour schemes (the
 * only thing contrast depends on) and both layouts (the phone's scrolling navigation and tables),
 * at half the time of every pairing.
 */
const LOOKS = [
  { colorScheme: "light", viewport: DESKTOP },
  { colorScheme: "dark", viewport: PHONE },
] as const;

/**
 * axe on the screen as shown, in each look; one readable line per failing element. Transitions
 * are off (reduced motion) so colours are final when measured.
 */
async function violationsOn(page: Page, screen: string): Promise<string[]> {
  const problems: string[] = [];
  for (const { colorScheme, viewport } of LOOKS) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    const label = `${screen} [${colorScheme}, ${viewport.width}px]`;
    problems.push(...describeViolations(label, await axeViolations(page)));
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
  return problems;
}

/** Fails with every violation spelled out, one per line. */
function expectNone(problems: string[]): void {
  expect(problems, `axe violations:\n${problems.join("\n")}`).toEqual([]);
}

describe("axe finds no violations on any screen", () => {
  let session: BrowserSession;
  let page: Page;
  let account: Account;

  const check = async (path: string, ready?: Locator) => {
    await navigate(page, path);
    await settle(page, ready);
    expectNone(await violationsOn(page, path));
  };

  beforeAll(async () => {
    session = await launchBrowser({ viewport: DESKTOP });
    page = session.page;
    account = await createAccount("a11y");
  });

  afterAll(async () => {
    await session?.close();
  });

  it("guest screens: welcome, sign-in (also with its errors), sign-up, password reset, 404", async () => {
    // Page loads, not client-side navigation: the landing page may be a static page of its own.
    await page.goto("/welcome");
    await page.locator("h1").first().waitFor();
    expectNone(await violationsOn(page, "/welcome"));
    await new AppShell(page, session.context).open("/signin");
    await settle(page, page.getByTestId("signin-screen"));
    expectNone(await violationsOn(page, "/signin"));
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("email-error").waitFor();
    expectNone(await violationsOn(page, "/signin with errors"));
    await check("/signup", page.getByTestId("signup-screen"));
    await check("/reset-password");
    await check("/no-such-page");
  });

  it("a new account's screens: empty home, history and usage; the brief; settings; 403", async () => {
    await navigate(page, "/signin");
    const auth = new AuthPages(page);
    await auth.signIn(account.email, account.password);
    await auth.waitForPath("/");
    await check("/", page.getByTestId("home-screen"));
    await check("/history");
    await check("/usage");
    await check("/spark", page.getByTestId("spark-form"));
    await page.getByTestId("spark-submit").click();
    await page.getByTestId("topic-error").waitFor();
    expectNone(await violationsOn(page, "/spark with errors"));
    await check(`/spark/${randomUUID()}`, page.getByTestId("spark-not-found"));
    await check("/settings", page.getByTestId("displayName-input"));
    const settings = new SettingsPage(page);
    await page.getByTestId("delete-account").click();
    await settings.deleteDialog.waitFor();
    expectNone(await violationsOn(page, "/settings delete dialog"));
    await page.keyboard.press("Escape");
    await check("/admin", page.getByTestId("forbidden"));
    await check("/no-such-page");
  });

  it("with sparks: home, history and usage (a finished spark: see the keyboard journey)", async () => {
    await seedHistory(account);
    await check("/", page.getByTestId("spark-item"));
    await check("/history", page.getByTestId("spark-item"));
    await check("/usage", page.getByTestId("usage-request"));
    expect(session.pageErrors).toEqual([]);
  });
});

describe("axe finds no violations in the admin area", () => {
  let session: BrowserSession;
  let page: Page;
  let admin: Account;

  beforeAll(async () => {
    session = await launchBrowser({ viewport: DESKTOP });
    page = session.page;
    admin = await createAccount("a11y-admin", { admin: true });
    await new AuthPages(page).signInFresh(admin.email, admin.password);
    // The user page reads the profile the app creates at sign-in.
    for (let tries = 0; !(await profileDocument(admin.uid)) && tries < 60; tries++) {
      await page.waitForTimeout(250);
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  it("every admin section, and one user's page", async () => {
    const problems: string[] = [];
    const screens = [
      ...ADMIN_SECTIONS.map((section) => `/admin${section.path ? `/${section.path}` : ""}`),
      `/admin/users/${admin.uid}`,
    ];
    for (const path of screens) {
      await navigate(page, path);
      await settle(page, path.includes(admin.uid) ? page.getByTestId("user-email") : undefined);
      problems.push(...(await violationsOn(page, path)));
    }
    expectNone(problems);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("keyboard only: sign in, spark, star an idea", () => {
  let session: BrowserSession;
  let page: Page;
  let keys: Keyboard;
  let spark: SparkPage;
  let account: Account;

  beforeAll(async () => {
    session = await launchBrowser({ viewport: DESKTOP });
    page = session.page;
    keys = new Keyboard(page);
    spark = new SparkPage(page);
    account = await createAccount("a11y-keys");
  });

  afterAll(async () => {
    await session?.close();
  });

  const heading = (name: string) => page.getByRole("heading", { level: 1, name, exact: true });

  it("signs in with the keyboard; focus stays put on load, then moves to the new screen's heading", async () => {
    await new AppShell(page, session.context).open("/signin");
    await page.getByTestId("signin-screen").waitFor();
    expect(await keys.describeFocus()).toBe("body");
    const auth = new AuthPages(page);
    await keys.tabTo(auth.input("email"));
    await page.keyboard.type(account.email);
    await keys.tabTo(auth.input("password"));
    await page.keyboard.type(account.password);
    await page.keyboard.press("Enter");
    await auth.waitForPath("/");
    await expect.poll(() => keys.focused(heading("Your sparks"))).toBe(true);
    expect(await page.title()).toBe("IdeaSpark");
  });

  it("opens the brief from home and sends it, landing on the spark's heading", async () => {
    await keys.tabTo(page.getByTestId("new-spark"));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/spark");
    await expect.poll(() => keys.focused(heading("New spark"))).toBe(true);
    expect(await page.title()).toBe("New spark · IdeaSpark");
    await keys.tabTo(spark.input("topic"));
    const topic = `Keyboard-only picnic ${randomUUID().slice(0, 8)}`;
    // A slow first answer keeps the spark running while the focus log below watches.
    await injectFaults([{ delayMs: 1_500, match: topic }]);
    await page.keyboard.type(topic);
    await keys.tabTo(spark.submit);
    await page.keyboard.press("Enter");
    await spark.waitForSpark();
    await expect.poll(() => keys.focused(heading("Spark"))).toBe(true);
    expect(await page.title()).toBe("Spark · IdeaSpark");
  });

  it("keeps focus on the heading while the ideas stream in and the spark is stored", async () => {
    await keys.startFocusLog();
    await spark.phase.waitFor();
    await spark.waitForStoredIdeas(BRIEF_LIMITS.count.default);
    expect(await keys.focusLog()).toEqual([]);
    expect(await keys.focused(heading("Spark"))).toBe(true);
    expectNone(await violationsOn(page, "/spark/:id after a live run"));
  });

  it("stars the first idea with the keyboard, and the star is stored", async () => {
    const star = spark.star(0);
    await keys.tabTo(star);
    await page.keyboard.press("Space");
    await expect.poll(() => star.getAttribute("aria-pressed")).toBe("true");
    const id = spark.sparkId();
    await expect
      .poll(async () =>
        (await adminDb().doc(`users/${account.uid}/sparks/${id}`).get()).get("starred"),
      )
      .toEqual([0]);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("reduced motion", () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchBrowser({ viewport: DESKTOP });
    page = session.page;
    await new AppShell(page, session.context).open("/signin");
    await page.getByTestId("signin-screen").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  /**
   * Adds one element per style rule that animates or transitions (its last compound selector's
   * tag and classes), then returns which elements on the page animate or transition, by selector.
   */
  const moving = () =>
    page.evaluate(() => {
      const probes = document.getElementById("motion-probes") ?? document.createElement("div");
      probes.id = "motion-probes";
      document.body.append(probes);
      const rules: CSSStyleRule[] = [];
      const collect = (list: CSSRuleList) => {
        for (const rule of Array.from(list)) {
          if (rule instanceof CSSStyleRule) rules.push(rule);
          else if (rule instanceof CSSGroupingRule) collect(rule.cssRules);
          else if (rule instanceof CSSImportRule && rule.styleSheet)
            collect(rule.styleSheet.cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
      const animated = rules.filter(
        (rule) =>
          (rule.style.animationName && rule.style.animationName !== "none") ||
          (rule.style.transitionProperty && rule.style.transitionProperty !== "none"),
      );
      probes.replaceChildren();
      for (const rule of animated) {
        for (const selector of rule.selectorText.split(",")) {
          const last =
            selector
              .trim()
              .split(/[\s>+~]+/)
              .at(-1) ?? "";
          const tag = /^[a-z][a-z0-9]*/i.exec(last)?.[0] ?? "span";
          const probe = document.createElement(tag);
          probe.className = [...last.matchAll(/\.([\w-]+)/g)].map((m) => m[1]).join(" ");
          probe.dataset.selector = selector.trim();
          probes.append(probe);
        }
      }
      const seconds = (list: string) => Math.max(...list.split(",").map((s) => parseFloat(s) || 0));
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll("body *"))) {
        for (const pseudo of [null, "::before", "::after"]) {
          const style = getComputedStyle(element, pseudo);
          const animating = style.animationName !== "none" && seconds(style.animationDuration) > 0;
          const transitioning = seconds(style.transitionDuration) > 0;
          if (!animating && !transitioning) continue;
          const name =
            (element as HTMLElement).dataset.selector ??
            `${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")}`;
          const what = animating
            ? `animation ${style.animationName} ${style.animationDuration}`
            : `transition ${style.transitionDuration}`;
          found.push(`${name}${pseudo ?? ""}: ${what}`);
        }
      }
      const smooth = getComputedStyle(document.documentElement).scrollBehavior === "smooth";
      return { found: [...new Set(found)], smooth };
    });

  it("turns off every animation and transition, and smooth scrolling, when asked to", async () => {
    await page.emulateMedia({ reducedMotion: "no-preference" });
    const normal = await moving();
    // The check can see motion: the route-progress bar and the spinner do move normally.
    expect(normal.found.join("\n")).toMatch(/\.route-progress: animation/);
    expect(normal.found.join("\n")).toMatch(/\.spark-spinner: animation/);

    await page.emulateMedia({ reducedMotion: "reduce" });
    const reduced = await moving();
    expect(reduced.found).toEqual([]);
    expect(reduced.smooth).toBe(false);
  });
});
