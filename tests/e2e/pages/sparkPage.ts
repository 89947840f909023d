// Page object for the spark screens: the brief form (/spark), queued offline briefs, and one
// spark's result (/spark/:id) — live phases, idea cards, errors, feedback and stars.
import type { Locator, Page } from "playwright-core";

// page.evaluate callbacks run in the browser; tsconfig.tools.json has no DOM lib.
declare const document: {
  querySelectorAll(selector: string): { length: number };
  body: object;
};
declare const localStorage: { getItem(key: string): string | null };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: object, options: { childList: boolean; subtree: boolean }): void;
}
declare const window: { __ideaCounts?: number[] };

export interface BriefValues {
  topic: string;
  audience?: string;
  constraints?: string;
  count?: number;
  tone?: "practical" | "bold" | "playful";
}

export class SparkPage {
  readonly form: Locator;
  readonly submit: Locator;
  readonly phase: Locator;
  readonly ideaCards: Locator;
  readonly storedIdeas: Locator;
  readonly cancel: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly queuedDraft: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("spark-form");
    this.submit = page.getByTestId("spark-submit");
    this.phase = page.getByTestId("spark-phase");
    this.ideaCards = page.getByTestId("idea-card");
    this.storedIdeas = page.getByTestId("spark-ideas");
    this.cancel = page.getByTestId("spark-cancel");
    this.error = page.getByTestId("spark-error");
    this.retry = page.getByTestId("spark-retry");
    this.queuedDraft = page.getByTestId("queued-draft");
    this.notFound = page.getByTestId("spark-not-found");
  }

  input(name: string): Locator {
    return this.page.getByTestId(`${name}-input`);
  }

  fieldError(name: string): Locator {
    return this.page.getByTestId(`${name}-error`);
  }

  feedback(value: "up" | "down"): Locator {
    return this.page.getByTestId(`feedback-${value}`);
  }

  star(index: number): Locator {
    return this.page.getByTestId(`star-idea-${index}`);
  }

  async openForm(): Promise<void> {
    await this.page.goto("/spark");
    await this.form.waitFor();
  }

  async fillBrief(brief: BriefValues): Promise<void> {
    await this.input("topic").fill(brief.topic);
    if (brief.audience !== undefined) await this.input("audience").fill(brief.audience);
    if (brief.constraints !== undefined) await this.input("constraints").fill(brief.constraints);
    if (brief.count !== undefined) await this.input("count").fill(String(brief.count));
    if (brief.tone !== undefined) await this.input("tone").selectOption(brief.tone);
  }

  /** The spark id of the current /spark/:id address, or null elsewhere. */
  sparkId(): string | null {
    const match = /^\/spark\/([^/]+)$/.exec(new URL(this.page.url()).pathname);
    return match ? (match[1] ?? null) : null;
  }

  /** Waits for /spark/:id (a different id than `previous`, when given) and returns the id. */
  async waitForSpark(previous?: string): Promise<string> {
    await this.page.waitForURL((url) => {
      const match = /^\/spark\/([^/]+)$/.exec(url.pathname);
      return match !== null && match[1] !== previous;
    });
    return this.sparkId() as string;
  }

  /** Waits until the stored spark (read from Firestore) shows `count` ideas. */
  async waitForStoredIdeas(count: number, timeout = 30_000): Promise<void> {
    await this.page
      .locator(`[data-testid="spark-ideas"][data-count="${count}"]`)
      .waitFor({ timeout });
  }

  async ideaTitles(): Promise<string[]> {
    return this.ideaCards.locator("h2").allTextContents();
  }

  /** Starts recording how many idea cards are on the page after every DOM change. */
  async recordIdeaCounts(): Promise<void> {
    await this.page.evaluate(() => {
      const counts: number[] = [];
      window.__ideaCounts = counts;
      new MutationObserver(() => {
        const count = document.querySelectorAll('[data-testid="idea-card"]').length;
        if (counts.at(-1) !== count) counts.push(count);
      }).observe(document.body, { childList: true, subtree: true });
    });
  }

  async recordedIdeaCounts(): Promise<number[]> {
    return this.page.evaluate(() => window.__ideaCounts ?? []);
  }

  /** The requestIds of the briefs `uid` queued in this browser (kept under their uid). */
  async queuedRequestIds(uid: string): Promise<string[]> {
    const raw = await this.page.evaluate(
      (key) => localStorage.getItem(key),
      `ideaspark.sparkQueue.${uid}`,
    );
    const list = raw === null ? [] : (JSON.parse(raw) as { requestId: string }[]);
    return list.map((entry) => entry.requestId);
  }
}
