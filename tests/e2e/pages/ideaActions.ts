// Page object for what a person does with a spark's ideas outside the app: copy and share one
// idea, export the whole spark as Markdown; and the queued-brief question shown on any screen.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";

// page.evaluate callbacks run in the browser; tsconfig.tools.json has no DOM lib.
declare const navigator: { clipboard: { readText(): Promise<string> } };

export class IdeaActions {
  readonly exportButton: Locator;
  readonly queuedPrompt: Locator;

  constructor(readonly page: Page) {
    this.exportButton = page.getByRole("button", { name: "Export as Markdown" });
    this.queuedPrompt = page.getByTestId("queued-prompt");
  }

  /** The Copy button of idea `index` (0-based), found by its accessible name. */
  copy(index: number, title: string): Locator {
    return this.page.getByRole("button", { name: `Copy idea ${index + 1}: ${title}`, exact: true });
  }

  share(index: number, title: string): Locator {
    return this.page.getByRole("button", {
      name: `Share idea ${index + 1}: ${title}`,
      exact: true,
    });
  }

  /** The live region that confirms a copy or share of idea `index`, or says why it failed. */
  status(index: number): Locator {
    return this.page.getByTestId(`idea-status-${index}`);
  }

  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Clicks Export as Markdown; the downloaded file's suggested name and text. */
  async exportMarkdown(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.exportButton.click(),
    ]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), text: await readFile(path, "utf8") };
  }
}
