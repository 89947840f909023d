// The spark screens in real Chromium against the emulators and the local model server: a brief
// streams into idea cards and is stored, survives a reload, takes feedback and stars; a bad brief
// is refused in the form; a failing model offers Retry; an offline brief waits for confirmation.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin";
import { createAccount, type Account } from "../support/accounts";
import { injectFaults } from "../support/openaiServer";
import { launchBrowser, type BrowserSession } from "./browser";
import { AppShell } from "./pages/appShell";
import { AuthPages } from "./pages/authPages";
import { SparkPage } from "./pages/sparkPage";

interface StoredSpark {
  ideas: { title: string }[];
  status: string;
  feedback?: string | null;
  starred?: number[];
}

const topic = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

async function storedSpark(uid: string, id: string): Promise<StoredSpark | undefined> {
  return (await adminDb().doc(`users/${uid}/sparks/${id}`).get()).data() as StoredSpark | undefined;
}

async function sparkCount(uid: string): Promise<number> {
  return (await adminDb().collection(`users/${uid}/sparks`).get()).size;
}

/** A fresh browser signed in as a fresh account. */
async function signedInSession(label: string): Promise<{
  session: BrowserSession;
  account: Account;
  spark: SparkPage;
}> {
  const session = await launchBrowser();
  const account = await createAccount(label);
  await new AuthPages(session.page).signInFresh(account.email, account.password);
  return { session, account, spark: new SparkPage(session.page) };
}

describe("a spark from brief to stored ideas", () => {
  let session: BrowserSession;
  let account: Account;
  let spark: SparkPage;
  let sparkId = "";
  let titles: string[] = [];

  beforeAll(async () => {
    ({ session, account, spark } = await signedInSession("spark-happy"));
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows Thinking…, then idea cards one by one, and stores exactly the requested ideas", async () => {
    // A slow first token keeps "Thinking…" on screen long enough to be seen for certain.
    const brief = topic("Neighbourhood bakery launch");
    await injectFaults([{ delayMs: 1_500, match: brief }]);
    await spark.openForm();
    await spark.fillBrief({ topic: brief, count: 3, tone: "bold" });
    await spark.recordIdeaCounts();
    await spark.submit.click();
    sparkId = await spark.waitForSpark();

    await spark.page.locator('[data-testid="spark-phase"]', { hasText: "Thinking…" }).waitFor();
    await spark.waitForStoredIdeas(3);
    expect(await spark.ideaCards.count()).toBe(3);
    // Cards arrived one at a time: the page showed 1, then 2, then 3 cards.
    const counts = await spark.recordedIdeaCounts();
    expect(counts.filter((n) => n > 0).slice(0, 3)).toEqual([1, 2, 3]);

    titles = (await spark.ideaTitles()).map((t) => t.replace(/^\d+\.\s*/, ""));
    const doc = await storedSpark(account.uid, sparkId);
    expect(doc?.status).toBe("complete");
    expect(doc?.ideas.map((idea) => idea.title)).toEqual(titles);
    expect(await spark.page.getByTestId("spark-usage").textContent()).toMatch(/\d+ tokens/);
  });

  it("still shows the ideas after a reload (read from Firestore)", async () => {
    await spark.page.reload();
    await spark.waitForStoredIdeas(3);
    const reloaded = (await spark.ideaTitles()).map((t) => t.replace(/^\d+\.\s*/, ""));
    expect(reloaded).toEqual(titles);
    expect(await spark.phase.count()).toBe(0);
  });

  it("saves thumbs up and a star on the first idea to the spark document", async () => {
    await spark.feedback("up").click();
    await spark.star(0).click();
    expect(await spark.feedback("up").getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(async () => {
        const doc = await storedSpark(account.uid, sparkId);
        return { feedback: doc?.feedback, starred: doc?.starred };
      })
      .toEqual({ feedback: "up", starred: [0] });
    await spark.page.reload();
    await spark.waitForStoredIdeas(3);
    expect(await spark.star(0).getAttribute("aria-pressed")).toBe("true");
    expect(session.pageErrors).toEqual([]);
  });

  it("fits a 375px phone without sideways scrolling, result and form alike", async () => {
    const shell = new AppShell(spark.page, session.context);
    await spark.page.setViewportSize({ width: 375, height: 800 });
    await spark.page.goto(`/spark/${sparkId}`);
    await spark.waitForStoredIdeas(3);
    expect(await shell.overflowsHorizontally()).toBe(false);
    expect(await spark.star(2).isVisible()).toBe(true);
    await spark.openForm();
    expect(await shell.overflowsHorizontally()).toBe(false);
    await spark.page.setViewportSize({ width: 1280, height: 800 });
  });

  it("shows a clear not-found state for an unknown spark id", async () => {
    await spark.page.goto(`/spark/${randomUUID()}`);
    await spark.notFound.waitFor();
    expect(await spark.notFound.textContent()).toContain("Spark not found");
  });
});

describe("spark errors and recovery", () => {
  const sessions: BrowserSession[] = [];

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
  });

  it("refuses a 2-character topic in the form and sends nothing", async () => {
    const { session, account, spark } = await signedInSession("spark-invalid");
    sessions.push(session);
    const calls: string[] = [];
    // The spark callable is a POST to …/<region>/spark on the Functions emulator.
    session.page.on("request", (request) => {
      const callable = /\/[a-z0-9-]+\/spark$/.test(new URL(request.url()).pathname);
      if (request.method() === "POST" && callable) calls.push(request.url());
    });
    await spark.openForm();
    await spark.fillBrief({ topic: "ab" });
    await spark.submit.click();
    await spark.fieldError("topic").waitFor();
    expect(await spark.fieldError("topic").textContent()).toBe(
      "Topic must be at least 3 characters.",
    );
    expect(await spark.input("topic").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(session.page.url()).pathname).toBe("/spark");
    expect(calls).toEqual([]);
    expect(await sparkCount(account.uid)).toBe(0);
  });

  it("shows a model failure with Retry, and Retry (a new request) succeeds", async () => {
    const { session, account, spark } = await signedInSession("spark-retry");
    sessions.push(session);
    // Aimed at this brief (`match`), so suites running beside this one keep their answers.
    const brief = topic("Library summer reading challenge");
    await injectFaults([1, 2, 3].map(() => ({ status: 500, match: brief })));
    await spark.openForm();
    await spark.fillBrief({ topic: brief, count: 2 });
    await spark.submit.click();
    const failedId = await spark.waitForSpark();

    await spark.error.waitFor({ timeout: 45_000 });
    expect(await spark.error.getAttribute("data-kind")).toBe("provider-unavailable");
    expect(await spark.error.getAttribute("data-next")).toBe("retry");
    expect(await spark.error.textContent()).toMatch(/try again/i);
    expect(await spark.retry.isVisible()).toBe(true);

    await spark.retry.click();
    const retriedId = await spark.waitForSpark(failedId);
    expect(retriedId).not.toBe(failedId);
    await spark.waitForStoredIdeas(2);
    expect((await storedSpark(account.uid, retriedId))?.ideas).toHaveLength(2);
    expect((await storedSpark(account.uid, failedId))?.status).toBe("error");
  });

  it("says the model declined a brief and offers to edit it, charging nothing", async () => {
    const { session, account, spark } = await signedInSession("spark-refused");
    sessions.push(session);
    const brief = topic("Neighbourhood bake-off themes");
    await injectFaults([{ refusal: "I can't help with that.", match: brief }]);
    await spark.openForm();
    await spark.fillBrief({ topic: brief, count: 2 });
    await spark.submit.click();
    const id = await spark.waitForSpark();

    await spark.error.waitFor({ timeout: 45_000 });
    expect(await spark.error.getAttribute("data-kind")).toBe("refused");
    expect(await spark.error.getAttribute("data-next")).toBe("edit-brief");
    expect(await spark.error.textContent()).toMatch(/declined/i);
    expect(await session.page.getByTestId("spark-edit").isVisible()).toBe(true);
    expect(await spark.retry.count()).toBe(0);
    expect(await storedSpark(account.uid, id)).toMatchObject({
      status: "refused",
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    });
  });

  it("keeps the ideas a cut answer delivered as a partial result, and offers the rest", async () => {
    const { session, account, spark } = await signedInSession("spark-partial");
    sessions.push(session);
    const brief = topic("Lunchtime clubs for a library");
    // Both models stop at max_output_tokens after the first idea: the answer cannot finish.
    await injectFaults(
      [1, 2].map(() => ({ incomplete: "max_output_tokens", afterChunks: 130, match: brief })),
    );
    await spark.openForm();
    await spark.fillBrief({ topic: brief, count: 3 });
    await spark.submit.click();
    const id = await spark.waitForSpark();

    const notice = session.page.getByTestId("spark-partial");
    await notice.waitFor({ timeout: 45_000 });
    const stored = await storedSpark(account.uid, id);
    expect(stored?.status).toBe("partial");
    const kept = stored?.ideas.length ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3);
    expect(await notice.textContent()).toMatch(new RegExp(`${kept} of the 3`));
    await session.page.getByTestId("spark-ask-rest").click();
    await session.page.waitForURL((url) => url.pathname === "/spark");
    expect(await spark.input("topic").inputValue()).toBe(brief);
    expect(await spark.input("count").inputValue()).toBe(String(3 - kept));
  });

  it("queues a brief submitted offline and sends it, with the same requestId, once confirmed", async () => {
    const { session, account, spark } = await signedInSession("spark-offline");
    sessions.push(session);
    const shell = new AppShell(session.page, session.context);
    await spark.openForm();

    await shell.setOffline(true);
    await expect.poll(() => shell.offlineIndicator.getAttribute("data-state")).toBe("offline");
    await spark.fillBrief({ topic: topic("Rainy day activities for toddlers"), count: 2 });
    expect(await spark.submit.textContent()).toBe("Queue brief");
    await spark.submit.click();
    await spark.queuedDraft.waitFor();
    expect(await spark.queuedDraft.getAttribute("data-state")).toBe("waiting");
    const [queuedId] = await spark.queuedRequestIds(account.uid);
    expect(queuedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new URL(session.page.url()).pathname).toBe("/spark");
    expect(await sparkCount(account.uid)).toBe(0);

    await shell.setOffline(false);
    await spark.page.locator('[data-testid="queued-draft"][data-state="ready"]').waitFor();
    expect(await spark.queuedDraft.textContent()).toContain(
      "You're back online — send your queued brief?",
    );
    await spark.page.getByTestId("queued-send").click();
    expect(await spark.waitForSpark()).toBe(queuedId);
    await spark.waitForStoredIdeas(2);
    expect((await storedSpark(account.uid, queuedId as string))?.ideas).toHaveLength(2);
    expect(await spark.queuedRequestIds(account.uid)).toEqual([]);
  });
});
