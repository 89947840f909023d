// Everyday things in real Chromium against the emulators: copy an idea to the clipboard, share it
// where the browser has no share sheet (copied instead, and said so), export the spark as a
// Markdown file, and the "send your queued brief?" question on another screen than the form when
// the connection returns — sending it opens the spark with the queued requestId.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin";
import { createAccount, type Account } from "../support/accounts";
import { baseUrl, launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { IdeaActions } from "./pages/ideaActions";
import { SparkPage } from "./pages/sparkPage";

// Init scripts run in the browser; tsconfig.tools.json has no DOM lib.
declare const Navigator: { prototype: { share?: unknown } };

interface StoredIdea {
  title: string;
  pitch: string;
}

const topic = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
/** What a Markdown reader shows for escaped text. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, "$1");

async function storedIdeas(uid: string, id: string): Promise<StoredIdea[]> {
  const doc = await adminDb().doc(`users/${uid}/sparks/${id}`).get();
  return (doc.data() as { ideas: StoredIdea[] }).ideas;
}

describe("copy, share and export a spark", () => {
  let session: BrowserSession;
  let account: Account;
  let spark: SparkPage;
  let actions: IdeaActions;
  let ideas: StoredIdea[] = [];
  const brief = topic("Street party for the whole block");

  beforeAll(async () => {
    session = await launchBrowser();
    await session.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: baseUrl(),
    });
    // No share sheet, as in most desktop browsers: Share must fall back to the clipboard.
    await session.context.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    account = await createAccount("everyday");
    await new AuthPages(session.page).signInFresh(account.email, account.password);
    spark = new SparkPage(session.page);
    actions = new IdeaActions(session.page);

    await spark.openForm();
    await spark.fillBrief({ topic: brief, count: 2 });
    await spark.submit.click();
    const id = await spark.waitForSpark();
    await spark.waitForStoredIdeas(2);
    ideas = await storedIdeas(account.uid, id);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("copies an idea as plain text and confirms it in the idea's live region", async () => {
    const [first] = ideas as [StoredIdea];
    await actions.copy(0, first.title).click();
    await expect.poll(() => actions.status(0).textContent()).toBe("Copied");
    expect(await actions.status(0).getAttribute("aria-live")).toBe("polite");
    const text = await actions.clipboardText();
    expect(text.startsWith(`${first.title}\n\nEffort: `)).toBe(true);
    expect(text).toContain(first.pitch);
    expect(text).toContain("First steps:\n1. ");
  });

  it("copies instead of sharing where there is no share sheet, and says so", async () => {
    const second = ideas[1] as StoredIdea;
    await actions.share(1, second.title).focus();
    await session.page.keyboard.press("Enter");
    await expect
      .poll(() => actions.status(1).textContent())
      .toMatch(/Sharing isn't available in this browser, so the idea was copied/);
    expect((await actions.clipboardText()).startsWith(`${second.title}\n\n`)).toBe(true);
  });

  it("exports the whole spark as <topic slug>.md with the brief and every idea", async () => {
    const { fileName, text } = await actions.exportMarkdown();
    expect(fileName).toBe(`${brief.toLowerCase().replace(/ /g, "-")}.md`);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`# ${brief}`);
    expect(text).toContain("- **Ideas:** 2 of 2 asked for");
    const headings = lines.filter((line) => line.startsWith("## ")).map(unescape);
    expect(headings).toEqual(ideas.map((idea, i) => `## ${i + 1}. ${idea.title}`));
    expect(text.match(/^### First steps$/gm)).toHaveLength(2);
    expect(session.pageErrors).toEqual([]);
  });
});

describe("a queued brief on another screen", () => {
  let session: BrowserSession;

  afterAll(async () => {
    await session?.close();
  });

  it("asks on /history when the connection returns; Not now keeps it, Send opens the spark", async () => {
    session = await launchBrowser();
    const account = await createAccount("everyday-queue");
    await new AuthPages(session.page).signInFresh(account.email, account.password);
    const shell = new AppShell(session.page, session.context);
    const spark = new SparkPage(session.page);
    const actions = new IdeaActions(session.page);
    const nav = (name: string) => shell.nav.getByRole("link", { name, exact: true });

    // Visit History online first so its screen is loaded, then move around without reloads.
    await session.page.goto("/history");
    await shell.heading("History").waitFor();
    await nav("New spark").click();
    await spark.form.waitFor();
    await shell.setOffline(true);
    await expect.poll(() => shell.offlineIndicator.getAttribute("data-state")).toBe("offline");
    const brief = topic("Rainy day games for a library");
    await spark.fillBrief({ topic: brief, count: 2 });
    await spark.submit.click();
    await spark.queuedDraft.waitFor();
    const [queuedId] = await spark.queuedRequestIds(account.uid);

    await nav("History").click();
    await shell.heading("History").waitFor();
    expect(await actions.queuedPrompt.count()).toBe(0);
    await shell.setOffline(false);
    await actions.queuedPrompt.waitFor();
    expect(await actions.queuedPrompt.textContent()).toContain(
      "You're back online — send your queued brief?",
    );
    expect(await actions.queuedPrompt.textContent()).toContain(brief);

    await actions.queuedPrompt.getByRole("button", { name: "Not now" }).click();
    expect(await actions.queuedPrompt.count()).toBe(0);
    expect(await spark.queuedRequestIds(account.uid)).toEqual([queuedId]);

    await shell.setOffline(true);
    await expect.poll(() => shell.offlineIndicator.getAttribute("data-state")).toBe("offline");
    await shell.setOffline(false);
    await actions.queuedPrompt.getByRole("button", { name: "Send" }).click();
    expect(await spark.waitForSpark()).toBe(queuedId);
    await spark.waitForStoredIdeas(2);
    expect(await spark.queuedRequestIds(account.uid)).toEqual([]);
    expect(await actions.queuedPrompt.count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
