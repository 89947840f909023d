// Page object for the app shell: navigation, connectivity, service worker and manifest.
import type { BrowserContext, Locator, Page, Response } from "playwright-core";

// Functions passed to page.evaluate run in the browser; tsconfig.tools.json has no DOM lib, so
// the few browser globals they touch are declared here, for this module only.
declare const navigator: {
  serviceWorker: { ready: Promise<unknown>; controller: object | null };
};
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

/** The subset of the web app manifest the journeys check. */
export interface WebManifest {
  name?: string;
  start_url?: string;
  display?: string;
  icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
  shortcuts?: { name: string; url: string }[];
  screenshots?: { src: string; sizes?: string; form_factor?: string }[];
}

export class AppShell {
  readonly shell: Locator;
  readonly nav: Locator;
  readonly offlineIndicator: Locator;
  readonly backendStatus: Locator;
  readonly reloadPrompt: Locator;

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {
    this.shell = page.getByTestId("app-shell");
    this.nav = page.getByTestId("main-nav");
    this.offlineIndicator = page.getByTestId("offline-indicator");
    this.backendStatus = page.getByTestId("backend-status");
    this.reloadPrompt = page.getByTestId("reload-prompt");
  }

  /** Opens `path` (relative to the base URL) and waits for the shell to render. */
  async open(path = "/"): Promise<Response | null> {
    const response = await this.page.goto(path);
    await this.shell.waitFor();
    return response;
  }

  async reload(): Promise<Response | null> {
    const response = await this.page.reload();
    await this.shell.waitFor();
    return response;
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name, exact: true });
  }

  /**
   * Waits until the service worker is active and controls this page. With registerType
   * "prompt" the first visit is not controlled yet, so the page is reloaded once.
   */
  async waitForServiceWorkerControl(timeoutMs = 15_000): Promise<void> {
    const active = await this.page.evaluate(
      (ms) =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), ms)),
        ]),
      timeoutMs,
    );
    if (!active) {
      throw new Error(`no service worker became active within ${timeoutMs} ms (is /sw.js served?)`);
    }
    const controlled = () => this.page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!(await controlled())) await this.reload();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: timeoutMs,
    });
  }

  /** The URL of the linked manifest, resolved against the page. */
  async manifestUrl(): Promise<string | null> {
    const link = this.page.locator('link[rel="manifest"]');
    if ((await link.count()) !== 1) return null;
    const href = await link.getAttribute("href");
    return href === null ? null : new URL(href, this.page.url()).href;
  }

  async manifest(): Promise<WebManifest> {
    const url = await this.manifestUrl();
    if (!url) throw new Error("the page links no web app manifest");
    const response = await this.context.request.get(url);
    if (!response.ok()) throw new Error(`manifest ${url} answered ${response.status()}`);
    return (await response.json()) as WebManifest;
  }

  /** Status and content type of an asset fetched through the browser context. */
  async fetchAsset(path: string): Promise<{ status: number; contentType: string }> {
    const response = await this.context.request.get(new URL(path, this.page.url()).href);
    return { status: response.status(), contentType: response.headers()["content-type"] ?? "" };
  }

  /** Chromium's own verdict on installability (empty when the app can be installed). */
  async installabilityErrors(): Promise<string[]> {
    const cdp = await this.context.newCDPSession(this.page);
    try {
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
        installabilityErrors: { errorId: string }[];
      };
      return installabilityErrors.map((error) => error.errorId);
    } finally {
      await cdp.detach();
    }
  }

  /** Whether the document is wider than the viewport (a phone would scroll sideways). */
  async overflowsHorizontally(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }
}
