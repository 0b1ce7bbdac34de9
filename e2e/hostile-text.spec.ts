import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, db, type TestUser } from "./support/database";
import { signIn } from "./support/sign-in";

// Untrusted text everywhere (DESIGN.md section 8): a claim, its claimant, a verdict's headline,
// summary and explanation, review comments and a correction note that hold markup and script are
// shown as text on every page that shows them, no script runs, and the JSON-LD stays valid JSON.

const SCRIPT = "<script>alert(1)</script>";
const CLOSE_SCRIPT = "</script><script>alert(2)</script>";
const IMG = "<img src=x onerror=alert(3)>";
const JS_URL = "javascript:alert(4)";
const ENTITY = "&lt;b&gt;";
const ALL = [SCRIPT, CLOSE_SCRIPT, IMG, JS_URL, ENTITY];
const everything = (label: string) => `${label}: ${ALL.join(" ")}`;

type Watched = { page: Page; dialogs: string[] };

/** A page that records any dialog (alert, confirm, prompt) instead of letting it block. */
async function watchedPage(browser: Browser, user?: TestUser): Promise<Watched> {
  const page = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (user) await signIn(page, user.email, user.password);
  return { page, dialogs };
}

/** Nothing the text holds became markup: no injected image, script element or javascript: link. */
async function expectNothingInjected(watched: Watched) {
  const { page } = watched;
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.scripts].filter((script) => /^alert\(\d\)$/.test((script.textContent ?? "").trim())).length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((link) => link.getAttribute("href")!.trim().toLowerCase().startsWith("javascript:")).length,
    boldFromEntity: [...document.querySelectorAll("b")].length,
  }));
  expect(injected).toEqual({ images: 0, scripts: 0, javascriptLinks: 0, boldFromEntity: 0 });
  // Give any injected handler a moment to fire before checking that none did.
  await page.waitForTimeout(300);
  expect(watched.dialogs).toEqual([]);
}

type Hostile = {
  token: string;
  statement: string;
  claimant: string;
  headlines: [string, string, string];
  summary: string;
  explanation: string;
  comments: [string, string, string];
};

function hostileTexts(): Hostile {
  const token = randomUUID().slice(0, 8);
  return {
    token,
    statement: `Hostile claim ${token} ${ALL.join(" ")}`,
    claimant: `${IMG} ${ENTITY} Claimant ${token}`,
    // Headlines are under 75 characters, so each carries some of the strings.
    headlines: [`${SCRIPT} ${ENTITY} one ${token}`, `${CLOSE_SCRIPT} two ${token}`, `${IMG} ${JS_URL} ${token}`],
    summary: everything(`Summary ${token}`),
    explanation: `${everything(`Explanation ${token}`)}\n\nSecond paragraph ${SCRIPT} ${ENTITY}.`,
    comments: [everything("Sent back"), everything("Approved"), everything("Approved again")],
  };
}

/**
 * A hostile claim whose verdict was sent back once (revision 1), published (revision 2), and whose
 * correction (revision 3) is approved and waits to be published through the page.
 */
async function seedHostileVerdict(hostile: Hostile, editor: TestUser, reviewer: TestUser) {
  const claimId = randomUUID();
  const verdictId = randomUUID();
  const revisions = [randomUUID(), randomUUID(), randomUUID()] as const;
  const slug = `e2e-hostile-${hostile.token}`;
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO claims (id, statement, claimant, claimant_same_as, language, created_by_id, updated_at) VALUES ($1, $2, $3, $4, 'en', $5, now())`,
      [claimId, hostile.statement, hostile.claimant, JS_URL, editor.id],
    );
    const [h1, h2, h3] = hostile.headlines;
    await client.query(
      `INSERT INTO verdicts (id, claim_id, status, draft_rating, draft_headline, draft_summary, draft_explanation, created_by_id, updated_at)
       VALUES ($1, $2, 'draft', 'false', $3, $4, $5, $6, now())`,
      [verdictId, claimId, h3, hostile.summary, hostile.explanation, editor.id],
    );
    const addRevision = (id: string, number: number, headline: string, rating: string) =>
      client.query(
        `INSERT INTO verdict_revisions (id, verdict_id, number, rating, headline, summary, explanation, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, verdictId, number, rating, headline, `${hostile.summary} (${number})`, hostile.explanation, editor.id],
      );
    const addReview = (revisionId: string, decision: string, comment: string) =>
      client.query(`INSERT INTO reviews (id, verdict_revision_id, reviewer_id, decision, comment) VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        revisionId,
        reviewer.id,
        decision,
        comment,
      ]);
    await addRevision(revisions[0], 1, h1, "mostly_false");
    await addReview(revisions[0], "request_changes", hostile.comments[0]);
    await addRevision(revisions[1], 2, h2, "mostly_false");
    await addReview(revisions[1], "approve", hostile.comments[1]);
    await client.query(
      `INSERT INTO publications (id, verdict_id, slug, published_revision_id, published_by_id, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [randomUUID(), verdictId, slug, revisions[1], reviewer.id],
    );
    await addRevision(revisions[2], 3, h3, "false");
    await addReview(revisions[2], "approve", hostile.comments[2]);
    await client.query(`UPDATE verdicts SET status = 'approved', current_revision_id = $2, version = 7, updated_at = now() WHERE id = $1`, [
      verdictId,
      revisions[2],
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return { claimId, verdictId, revisions, slug };
}

test("markup and script in claims, verdicts, comments and corrections are shown as text everywhere, and no script runs", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const editor = await createUser("editor", "hostile-editor");
  const reviewer = await createUser("reviewer", "hostile-reviewer");
  const publisher = await createUser("reviewer", "hostile-publisher");
  const hostile = hostileTexts();
  const seeded = await seedHostileVerdict(hostile, editor, reviewer);
  const [, secondHeadline, thirdHeadline] = hostile.headlines;
  const whatChanged = everything("What changed");
  const why = everything("Why");

  // The verdict editor: the claim in the title, the draft in the form fields, the comments in the history.
  const editorView = await watchedPage(browser, editor);
  await editorView.page.goto(`/workbench/claims/${seeded.claimId}/verdict`);
  await expect(editorView.page.getByRole("heading", { level: 1 })).toHaveText(`“${hostile.statement}”`);
  await expect(editorView.page.getByText(`Claimed by ${hostile.claimant}`)).toBeVisible();
  await expect(editorView.page.getByLabel("Headline")).toHaveValue(thirdHeadline);
  await expect(editorView.page.getByLabel("Summary")).toHaveValue(hostile.summary);
  await expect(editorView.page.getByLabel("Explanation")).toHaveValue(hostile.explanation);
  const history = editorView.page.getByRole("region", { name: "Revision history" });
  for (const comment of hostile.comments) await expect(history.getByText(comment, { exact: true })).toBeVisible();
  for (const headline of hostile.headlines) await expect(history.getByText(headline, { exact: true })).toBeVisible();
  await expectNothingInjected(editorView);

  // The review queue and the review page of the correction, with its word diff.
  const publisherView = await watchedPage(browser, publisher);
  await publisherView.page.goto("/workbench/review");
  const ready = publisherView.page.getByRole("region", { name: /Approved, ready to publish/ });
  await expect(ready.getByText(thirdHeadline, { exact: true })).toBeVisible();
  await expect(ready.getByText(`${hostile.claimant}: “${hostile.statement}”`, { exact: true })).toBeVisible();
  await expectNothingInjected(publisherView);

  await publisherView.page.goto(`/workbench/review/${seeded.revisions[2]}`);
  await expect(publisherView.page.getByRole("heading", { level: 1 })).toHaveText(thirdHeadline);
  await expect(publisherView.page.locator(".claim-box blockquote")).toHaveText(`“${hostile.statement}”`);
  await expect(publisherView.page.locator(".lede")).toHaveText(`${hostile.summary} (3)`);
  for (const text of ALL) await expect(publisherView.page.locator(".explanation").first()).toContainText(text);
  // The headline's word diff, read back as text: without the removed words it is the new headline,
  // without the added words the old one.
  const headlineDiff = await publisherView.page.locator(".diff-list > div").filter({ hasText: "Headline" }).locator("dd").evaluate((dd) => {
    const read = (drop: string) => {
      const copy = dd.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(`${drop}, .visually-hidden`).forEach((node) => node.remove());
      return copy.textContent;
    };
    return { after: read("del"), before: read("ins"), marked: dd.querySelectorAll("ins, del").length };
  });
  expect(headlineDiff).toMatchObject({ after: thirdHeadline, before: secondHeadline });
  expect(headlineDiff.marked).toBeGreaterThan(0);
  for (const comment of hostile.comments) await expect(publisherView.page.getByText(comment, { exact: true })).toBeVisible();
  await expectNothingInjected(publisherView);

  // Publishing the correction through the page, with a hostile note, refreshes the reader pages.
  await publisherView.page.getByLabel("What changed").fill(whatChanged);
  await publisherView.page.getByLabel("Why").fill(why);
  await publisherView.page.getByRole("button", { name: "Publish correction" }).click();
  await expect(publisherView.page.getByText(`Public at /fact-checks/${seeded.slug}`)).toBeVisible();
  await expectNothingInjected(publisherView);

  // The reader's fact-check page, its JSON-LD, and the earlier revision.
  const reader = await watchedPage(browser);
  await reader.page.goto(`/fact-checks/${seeded.slug}`);
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(thirdHeadline);
  await expect(reader.page.locator(".claim-box blockquote")).toHaveText(`“${hostile.statement}”`);
  await expect(reader.page.getByText(`Claimed by ${hostile.claimant}`)).toBeVisible();
  await expect(reader.page.locator(".lede")).toHaveText(`${hostile.summary} (3)`);
  for (const text of ALL) await expect(reader.page.locator(".explanation")).toContainText(text);
  const note = reader.page.locator(".correction");
  await expect(note).toContainText(whatChanged);
  await expect(note).toContainText(`Why: ${why}`);
  const ldScripts = reader.page.locator('script[type="application/ld+json"]');
  await expect(ldScripts).toHaveCount(1);
  const raw = (await ldScripts.textContent()) ?? "";
  expect(raw).not.toContain("</script");
  expect(raw).not.toContain("<");
  const claimReview = JSON.parse(raw) as { claimReviewed: string; headline: string; itemReviewed: { author: { name: string; sameAs?: string } } };
  expect(claimReview.claimReviewed).toBe(hostile.statement);
  expect(claimReview.headline).toBe(thirdHeadline);
  expect(claimReview.itemReviewed.author.name).toBe(hostile.claimant);
  await expectNothingInjected(reader);

  await note.getByRole("link", { name: "Read the version before this correction" }).click();
  await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(secondHeadline);
  await expect(reader.page.locator(".claim-box blockquote")).toHaveText(`“${hostile.statement}”`);
  await expect(reader.page.locator(".correction")).toContainText(whatChanged);
  await expectNothingInjected(reader);

  // The home page lists it as text.
  await reader.page.goto("/");
  const card = reader.page.getByRole("listitem").filter({ hasText: hostile.token }).first();
  await expect(card.getByRole("link")).toHaveText(thirdHeadline);
  await expect(card.locator(".claim")).toHaveText(`${hostile.claimant}: “${hostile.statement}”`);
  await expectNothingInjected(reader);

  // The feed is well-formed XML whose entries carry the texts exactly; opening it runs nothing.
  const anonymous = await playwright.request.newContext();
  const feedResponse = await anonymous.get("/feed.xml");
  expect(feedResponse.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feedResponse.text();
  expect(xml).not.toContain(SCRIPT);
  expect(xml).not.toContain(IMG);
  const entries = await reader.page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) return null;
    return [...doc.getElementsByTagName("entry")].map((entry) => ({
      title: entry.getElementsByTagName("title")[0]?.textContent ?? "",
      summary: entry.getElementsByTagName("summary")[0]?.textContent ?? "",
      content: entry.getElementsByTagName("content")[0]?.textContent ?? "",
    }));
  }, xml);
  expect(entries, "the feed parses as XML").not.toBeNull();
  const correctionEntry = entries!.find((entry) => entry.title === `Correction: ${thirdHeadline}`);
  expect(correctionEntry, "the correction's entry").toBeDefined();
  expect(correctionEntry!.summary).toContain(hostile.statement);
  expect(correctionEntry!.summary).toContain(hostile.claimant);
  expect(correctionEntry!.content).toContain(`What changed: ${whatChanged}`);
  expect(correctionEntry!.content).toContain(`Why: ${why}`);
  expect(entries!.some((entry) => entry.title === secondHeadline)).toBe(true);
  await reader.page.goto("/feed.xml");
  await expectNothingInjected(reader);
  await anonymous.dispose();
});
