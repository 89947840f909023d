// Page objects for the account screens: sign-up, sign-in, the settings actions, and the guards'
// outcomes (loading, 403, admin area).
import type { Locator, Page } from "playwright-core";

// page.evaluate callbacks run in the browser; tsconfig.tools.json has no DOM lib.
declare const localStorage: { getItem(key: string): string | null };

export class AuthPages {
  readonly forbidden: Locator;
  readonly adminArea: Locator;
  readonly signUpScreen: Locator;
  readonly signInScreen: Locator;

  constructor(readonly page: Page) {
    this.forbidden = page.getByTestId("forbidden");
    this.adminArea = page.getByTestId("admin-area");
    this.signUpScreen = page.getByTestId("signup-screen");
    this.signInScreen = page.getByTestId("signin-screen");
  }

  input(name: string): Locator {
    return this.page.getByTestId(`${name}-input`);
  }

  fieldError(name: string): Locator {
    return this.page.getByTestId(`${name}-error`);
  }

  formError(): Locator {
    return this.page.getByTestId("form-error");
  }

  /** Path and query of the current address, e.g. "/signin?next=%2Fhistory". */
  location(): string {
    const url = new URL(this.page.url());
    return `${url.pathname}${url.search}`;
  }

  async waitForPath(pathname: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === pathname);
  }

  async fillSignUp(values: { displayName: string; email: string; password: string }) {
    await this.signUpScreen.waitFor();
    await this.input("displayName").fill(values.displayName);
    await this.input("email").fill(values.email);
    await this.input("password").fill(values.password);
    await this.page.getByTestId("signup-submit").click();
  }

  async signIn(email: string, password: string) {
    await this.signInScreen.waitFor();
    await this.input("email").fill(email);
    await this.input("password").fill(password);
    await this.page.getByTestId("signin-submit").click();
  }

  /** Opens /signin, signs in, and waits for the home screen. */
  async signInFresh(email: string, password: string) {
    await this.page.goto("/signin");
    await this.signIn(email, password);
    await this.waitForPath("/");
  }

  /** Settings → Sign out; resolves once the sign-in screen shows. */
  async signOutFromSettings() {
    await this.page.getByRole("link", { name: "Settings", exact: true }).click();
    await this.page.getByTestId("sign-out").click();
    await this.signInScreen.waitFor();
  }

  /** The first-touch attribution the app stored in this browser, parsed. */
  async storedAttribution(): Promise<Record<string, unknown> | null> {
    const raw = await this.page.evaluate(() => localStorage.getItem("ideaspark.attribution"));
    return raw === null ? null : (JSON.parse(raw) as Record<string, unknown>);
  }
}
