// Keyboard-only driving for the accessibility journeys: Tab to a control (never a click), and what
// has focus. Also a focus log, to prove focus did not jump while something streamed in.
import type { Locator, Page } from "playwright-core";

declare global {
  interface Window {
    __focusLog?: string[];
  }
}

export class Keyboard {
  constructor(readonly page: Page) {}

  async focused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === document.activeElement);
  }

  /** Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. */
  async tabTo(locator: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
    await locator.waitFor();
    for (let presses = 0; presses < max; presses++) {
      if (await this.focused(locator)) return;
      await this.page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    if (await this.focused(locator)) return;
    throw new Error(`${max} presses of Tab never reached ${locator.toString()}`);
  }

  /** Tag, and text or test id, of the focused element ("body" when nothing has focus). */
  async describeFocus(): Promise<string> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return "body";
      const name = element.getAttribute("data-testid") ?? element.textContent?.trim() ?? "";
      return `${element.tagName.toLowerCase()} ${name}`.trim();
    });
  }

  /** Starts logging every element that takes focus, and every loss of focus to the body. */
  async startFocusLog(): Promise<void> {
    await this.page.evaluate(() => {
      const log: string[] = [];
      window.__focusLog = log;
      const describe = (element: Element) =>
        `${element.tagName.toLowerCase()} ${element.getAttribute("data-testid") ?? element.textContent?.trim() ?? ""}`.trim();
      document.addEventListener("focusin", (event) => log.push(describe(event.target as Element)));
      document.addEventListener("focusout", (event) => {
        if (event.relatedTarget === null) log.push("body");
      });
    });
  }

  async focusLog(): Promise<string[]> {
    return this.page.evaluate(() => window.__focusLog ?? []);
  }
}
