// Page objects for home, history and usage: spark lists, search, the usage meter and chart.
import type { Locator, Page } from "playwright-core";

/** The digits of a formatted number ("3,000" → 3000), whatever the browser's locale. */
export async function numberIn(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? "").replace(/\D/g, ""));
}

export class HistoryPages {
  readonly items: Locator;
  readonly topics: Locator;
  readonly search: Locator;
  readonly starredOnly: Locator;
  readonly savedNotice: Locator;
  readonly meter: Locator;
  readonly used: Locator;
  readonly limit: Locator;
  readonly plan: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByTestId("spark-item");
    this.topics = page.getByTestId("spark-topic");
    this.search = page.getByTestId("history-search");
    this.starredOnly = page.getByTestId("history-starred-only");
    this.savedNotice = page.getByTestId("saved-data-notice");
    this.meter = page.getByTestId("usage-meter");
    this.used = page.getByTestId("usage-used");
    this.limit = page.getByTestId("usage-limit");
    this.plan = page.getByTestId("usage-plan");
  }

  async openHome(): Promise<void> {
    await this.page.goto("/");
    await this.page.getByTestId("home-recent-list").waitFor();
    await this.meter.waitFor();
  }

  async openHistory(): Promise<void> {
    await this.page.goto("/history");
    await this.page.getByTestId("history-list").first().waitFor();
  }

  async openUsage(): Promise<void> {
    await this.page.goto("/usage");
    await this.meter.waitFor();
    await this.page.getByTestId("usage-chart").waitFor();
  }

  async topicTexts(): Promise<string[]> {
    return this.topics.allTextContents();
  }

  item(topic: string): Locator {
    return this.items.filter({ hasText: topic });
  }

  chartBar(day: string): Locator {
    return this.page.locator(`[data-testid="usage-chart-bar"][data-day="${day}"]`);
  }
}
