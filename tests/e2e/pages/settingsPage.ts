// Page object for the settings screen: name, consent, data export and account deletion.
import type { Download, Locator, Page } from "playwright-core";

export class SettingsPage {
  readonly screen: Locator;
  readonly nameInput: Locator;
  readonly consent: Locator;
  readonly deleteDialog: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId("settings-screen");
    this.nameInput = page.getByTestId("displayName-input");
    this.consent = page.getByTestId("consent-toggle");
    this.deleteDialog = page.getByTestId("delete-dialog");
  }

  async open(): Promise<void> {
    await this.page.goto("/settings");
    await this.nameInput.waitFor();
  }

  async saveName(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.page.getByTestId("save-name").click();
    await this.page.getByTestId("name-saved").waitFor();
  }

  /** Clicks "Download my data" and returns the browser download it starts. */
  async downloadData(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("export-data").click();
    return download;
  }

  async deleteAccount(password: string): Promise<void> {
    await this.page.getByTestId("delete-account").click();
    await this.deleteDialog.waitFor();
    await this.page.getByTestId("confirm-input").fill("DELETE");
    await this.page.getByTestId("deletePassword-input").fill(password);
    await this.page.getByTestId("delete-confirm").click();
  }
}
