// Page objects for the admin overview and AI config screens: the figures' raw values (data-value),
// one day's row in a chart's table, the config form and its change log.
import type { Locator, Page } from "playwright-core";

export class AdminOverviewPage {
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId("admin-overview");
  }

  /** Opens /admin over the last `range` days and waits for the figures. */
  async open(range: 7 | 30 | 90): Promise<void> {
    await this.page.goto(`/admin?range=${range}`);
    await this.card("stat-requests").waitFor({ timeout: 30_000 });
  }

  card(testId: string): Locator {
    return this.screen.getByTestId(testId);
  }

  /** A card's raw number (its data-value). */
  async value(testId: string): Promise<number> {
    return Number(
      await this.card(testId).getByTestId(`${testId}-value`).getAttribute("data-value"),
    );
  }

  async tone(testId: string): Promise<string | null> {
    return this.card(testId).getAttribute("data-tone");
  }

  /** The raw numbers in a chart table's row for `day`, in the chart's series order. */
  async chartRow(chartTestId: string, day: string): Promise<number[]> {
    const cells = this.screen
      .getByTestId(`${chartTestId}-table`)
      .locator(`tr[data-day="${day}"] td`);
    const values = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")));
    return values.map(Number);
  }
}

export class AdminConfigPage {
  readonly screen: Locator;
  readonly form: Locator;
  readonly log: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId("admin-config");
    this.form = page.getByTestId("config-form");
    this.log = page.getByTestId("change-log");
  }

  async open(): Promise<void> {
    await this.page.goto("/admin/ai");
    await this.form.waitFor({ timeout: 30_000 });
  }

  input(name: string): Locator {
    return this.form.getByTestId(`${name}-input`);
  }

  /** Saves and returns the confirmation; throws with the form's own words when it refused. */
  async save(): Promise<string> {
    await this.form.getByTestId("config-save").click();
    const outcome = this.form
      .getByTestId("config-saved")
      .or(this.form.getByTestId("config-save-error"))
      .or(this.form.getByTestId("config-invalid"));
    await outcome.waitFor({ timeout: 45_000 });
    const text = (await outcome.textContent()) ?? "";
    if ((await outcome.getAttribute("data-testid")) !== "config-saved") {
      throw new Error(`The configuration was not saved: ${text}`);
    }
    return text;
  }

  /** The newest change log entry. */
  newestEntry(): Locator {
    return this.log.getByTestId("change-log-entry").first();
  }

  /** Before and after of `key` in a change log entry. */
  async keyChange(entry: Locator, key: string): Promise<{ before: string; after: string }> {
    const row = entry.locator(`[data-testid="change-log-key"][data-key="${key}"]`);
    // Not there (yet): answer at once rather than wait out a locator's timeout inside a poll.
    if ((await row.count()) === 0) return { before: "", after: "" };
    return {
      before: (await row.getByTestId("change-before").textContent()) ?? "",
      after: (await row.getByTestId("change-after").textContent()) ?? "",
    };
  }
}
