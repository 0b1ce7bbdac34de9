import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Browser, type Page, type Request } from "@playwright/test";
import { createUser, db, type TestUser } from "./support/database";
import { signInDirectly } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/accessibility";
import { makeSlug } from "../lib/publishing/make-slug";

// The verdict workflow of DESIGN.md section 3 in the browser, on the seeded corpus: draft, four eyes,
// changes requested, approval, publication, the reader's page, a correction.
//
// The journey uses the seeded Bolton-departure claim: it has no verdict yet, two quoted passages (in
// two articles) and a "contradicts" relation to the published Maduro fact-check, so its publication
// must also refresh the Maduro page and nothing else. (The Maduro claim itself is already published
// by the seed; a new verdict on it would be a correction, which this journey covers at its end.)

const BOLTON = "Those who contact the US behind Maduro's back only talk about his departure";
const MADURO_SLUG = "the-contacts-with-us-officials-had-his-express-authorisation";

type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** The server action POST a browser sent: what an attacker could replay by hand. */
function capture(request: Request): CapturedAction {
  const headers = request.headers();
  return {
    url: request.url(),
    headers: { "next-action": headers["next-action"] ?? "", "content-type": headers["content-type"] ?? "", accept: "text/x-component" },
    body: request.postData() ?? "",
  };
}

function isActionPost(request: Request): boolean {
  return request.method() === "POST" && Boolean(request.headers()["next-action"]);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A browser of the user's own, signed in, on `path`. */
async function signedIn(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const page = await newPage(browser);
  await signInDirectly(page, user.email, user.password, path);
  return page;
}

async function claimIdOf(statement: string): Promise<string> {
  const { rows } = await db().query<{ id: string }>(`SELECT id FROM claims WHERE statement = $1`, [statement]);
  expect(rows, `the seeded claim "${statement}"`).toHaveLength(1);
  return rows[0]!.id;
}

async function verdictOf(claimId: string) {
  const { rows } = await db().query<{ id: string; status: string; version: number; current_revision_id: string | null; draft_headline: string }>(
    `SELECT id, status, version, current_revision_id, draft_headline FROM verdicts WHERE claim_id = $1`,
    [claimId],
  );
  return rows[0] ?? null;
}

async function reviewsOf(revisionId: string): Promise<number> {
  const { rows } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM reviews WHERE verdict_revision_id = $1`, [revisionId]);
  return Number(rows[0]?.n ?? 0);
}

type Content = { rating: string; headline: string; summary: string; explanation: string };

async function insertClaim(author: TestUser, statement: string): Promise<string> {
  const id = randomUUID();
  await db().query(`INSERT INTO claims (id, statement, claimant, language, created_by_id, updated_at) VALUES ($1, $2, 'A test minister', 'en', $3, now())`, [
    id,
    statement,
    author.id,
  ]);
  return id;
}

/**
 * A claim with a verdict brought to a state straight in the database, for the parts of a test that
 * are setup and not the subject (the subject always goes through the browser).
 */
async function seedVerdict(options: {
  author: TestUser;
  reviewer?: TestUser;
  state: "in_review" | "published";
  statement?: string;
  content?: Content;
}): Promise<{ claimId: string; verdictId: string; revisionId: string; slug: string | null; statement: string }> {
  const token = randomUUID().slice(0, 8);
  const statement = options.statement ?? `A test minister approved the talks ${token}`;
  const content = options.content ?? {
    rating: "mixed",
    headline: `Partly supported ${token}`,
    summary: `Both sides confirm the talks; the approval is disputed ${token}.`,
    explanation: `The office confirmed the talks ${token}.`,
  };
  const claimId = randomUUID();
  const verdictId = randomUUID();
  const revisionId = randomUUID();
  let slug: string | null = null;
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO claims (id, statement, claimant, language, created_by_id, updated_at) VALUES ($1, $2, 'A test minister', 'en', $3, now())`,
      [claimId, statement, options.author.id],
    );
    await client.query(
      `INSERT INTO verdicts (id, claim_id, status, draft_rating, draft_headline, draft_summary, draft_explanation, created_by_id, updated_at)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, now())`,
      [verdictId, claimId, content.rating, content.headline, content.summary, content.explanation, options.author.id],
    );
    await client.query(
      `INSERT INTO verdict_revisions (id, verdict_id, number, rating, headline, summary, explanation, author_id) VALUES ($1, $2, 1, $3, $4, $5, $6, $7)`,
      [revisionId, verdictId, content.rating, content.headline, content.summary, content.explanation, options.author.id],
    );
    // What submitting writes with the revision: its author and the snapshot of its page (a claim with no passages or links).
    await client.query(`INSERT INTO verdict_revision_authors (verdict_revision_id, user_id) VALUES ($1, $2)`, [revisionId, options.author.id]);
    await client.query(
      `INSERT INTO fact_check_snapshots (verdict_revision_id, content)
       VALUES ($1, jsonb_build_object('claim', jsonb_build_object('id', $2::text, 'statement', $3::text, 'claimant', 'A test minister',
         'claimantSameAs', NULL, 'claimedAt', NULL, 'language', 'en'), 'passages', '[]'::jsonb, 'related', '[]'::jsonb))`,
      [revisionId, claimId, statement],
    );
    await client.query(`UPDATE verdicts SET status = 'in_review', current_revision_id = $2, version = 2, updated_at = now() WHERE id = $1`, [verdictId, revisionId]);
    if (options.state === "published") {
      const reviewer = options.reviewer!;
      slug = `e2e-published-${token}`;
      await client.query(`INSERT INTO reviews (id, verdict_revision_id, reviewer_id, decision) VALUES ($1, $2, $3, 'approve')`, [randomUUID(), revisionId, reviewer.id]);
      await client.query(
        `INSERT INTO publications (id, verdict_id, slug, published_revision_id, published_by_id, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
        [randomUUID(), verdictId, slug, revisionId, reviewer.id],
      );
      await client.query(`UPDATE verdicts SET status = 'published', version = 3, updated_at = now() WHERE id = $1`, [verdictId]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return { claimId, verdictId, revisionId, slug, statement };
}

async function cacheState(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.headers()["x-claimwork-cache"] ?? "(none)";
}

test("an editor drafts and submits, a reviewer sends it back, approves and publishes, a reader reads it, and a correction keeps the earlier version", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(300_000);
  const editor = await createUser("editor", "editor");
  const reviewer = await createUser("reviewer", "reviewer");
  const otherEditor = await createUser("editor", "other");
  const claimId = await claimIdOf(BOLTON);
  expect(await verdictOf(claimId), "the seeded Bolton claim has no verdict yet").toBeNull();
  const slug = makeSlug(BOLTON);

  // Setup for the replay and for "exactly the pages it changes": a revision by someone else for the
  // reviewer to approve, and a published fact-check that has nothing to do with Bolton.
  const unrelatedReviewer = await createUser("reviewer", "unrelated");
  const other = await seedVerdict({ author: otherEditor, state: "in_review" });
  const unrelated = await seedVerdict({ author: otherEditor, reviewer: unrelatedReviewer, state: "published" });

  // 1. The editor drafts a verdict on the claim and submits it.
  const editorPage = await signedIn(browser, editor, `/workbench/claims/${claimId}/verdict`);
  await expect(editorPage.getByRole("heading", { level: 1 })).toContainText(BOLTON);
  await expect(editorPage.getByText("This claim has no verdict yet.")).toBeVisible();
  await expectNoAxeViolations(editorPage);
  await editorPage.getByRole("radio", { name: /^Mostly false/ }).check();
  const headline = "Bolton's claim about who talks to Washington is one-sided";
  await editorPage.getByLabel("Headline").fill(headline);
  await expect(editorPage.getByText(`${headline.length} of 74 characters`)).toBeVisible();
  await editorPage.getByLabel("Summary").fill("Bolton says the people who contact Washington behind Maduro's back only discuss his departure.");
  await editorPage.getByLabel("Explanation").fill("Both articles quote Bolton's statement:");
  await editorPage.getByText("Cite a passage in the explanation").click();
  await editorPage.getByRole("button", { name: "Insert quote" }).first().click();
  await expect(editorPage.getByLabel("Explanation")).toHaveValue(/Both articles quote Bolton's statement: “"Those who contact us on the back of Maduro/);
  await editorPage.getByRole("button", { name: "Save draft" }).click();
  await expect(editorPage.getByRole("status").filter({ hasText: "Draft saved (version 1)." })).toBeVisible();
  await editorPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(editorPage.getByText("In review:")).toBeVisible();
  const submitted = await verdictOf(claimId);
  expect(submitted).toMatchObject({ status: "in_review" });
  const revision1 = submitted!.current_revision_id!;

  // Readers get the same 404 for the claim's future address as for a page that never existed, and
  // no draft text, not even in the RSC payload.
  const anonymous = await playwright.request.newContext();
  for (const path of [`/fact-checks/${slug}`, `/fact-checks/${slug}/revisions/1`]) {
    const html = await anonymous.get(path);
    expect(html.status(), path).toBe(404);
    expect(await html.text()).not.toContain(headline);
    const rsc = await anonymous.get(path, { headers: { RSC: "1" } });
    expect(await rsc.text()).not.toContain(headline);
  }
  const missing = await anonymous.get("/fact-checks/no-such-fact-check-anywhere");
  const draftUrl = await anonymous.get(`/fact-checks/${slug}`);
  expect(draftUrl.status()).toBe(missing.status());
  // Equal but for the address itself, the build id, each response's own CSP nonce, and the order in
  // which React streamed the rows of its payload (which varies with timing, not with the page): the
  // payload's script chunks are joined and its rows compared as a sorted list.
  const normalise = async (response: APIResponse, path: string) => {
    const nonce = response.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1] ?? "no nonce";
    const text = (await response.text()).replaceAll(path, "SLUG").replaceAll(nonce, "NONCE").replace(/"b":"[^"]*"/g, "");
    const joined = text.replaceAll('"])</script><script nonce="NONCE">self.__next_f.push([1,"', "");
    return joined.split("\\n").sort().join("\n");
  };
  expect(await normalise(draftUrl, slug)).toBe(await normalise(missing, "no-such-fact-check-anywhere"));

  // 2. The author finds no way to approve: no button on the review page...
  await editorPage.getByRole("link", { name: "revision 1", exact: true }).click();
  await expect(editorPage).toHaveURL(new RegExp(`/workbench/review/${revision1}$`));
  await expect(editorPage.getByText("You wrote or edited this revision, so you cannot approve it or send it back. It is waiting for another reviewer.")).toBeVisible();
  await expect(editorPage.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await editorPage.goto("/workbench/review");
  await expect(editorPage.getByRole("region", { name: /Your revisions, waiting for another reviewer/ }).getByText(headline, { exact: true })).toBeVisible();
  await expect(editorPage.getByRole("region", { name: /Awaiting your review/ })).toHaveCount(0);
  await expectNoAxeViolations(editorPage);

  // ...and a reviewer's approve POST replayed with the editor's session, aimed at the editor's own
  // revision, is refused and writes nothing.
  const reviewerPage = await signedIn(browser, reviewer, `/workbench/review/${other.revisionId}`);
  const approvalSent = reviewerPage.waitForRequest(isActionPost);
  await reviewerPage.getByRole("button", { name: "Approve revision 1" }).click();
  const approval = capture(await approvalSent);
  await expect(reviewerPage.getByText(`Approved by ${reviewer.name}.`)).toBeVisible();
  expect(approval.body).toContain(other.revisionId);
  const forged = approval.body.replaceAll(other.verdictId, submitted!.id).replaceAll(other.revisionId, revision1);
  const reply = await editorPage.context().request.post(approval.url, { headers: approval.headers, data: forged });
  expect(reply.status()).toBeLessThan(500);
  expect(await reply.text()).toContain("You are not allowed to do this.");
  expect(await verdictOf(claimId)).toMatchObject({ status: "in_review", current_revision_id: revision1 });
  expect(await reviewsOf(revision1)).toBe(0);

  // 3. The reviewer finds it in the queue and requests changes; a comment is required.
  await reviewerPage.goto("/workbench/review");
  const awaiting = reviewerPage.getByRole("region", { name: /Awaiting your review/ });
  await expectNoAxeViolations(reviewerPage);
  await awaiting.getByRole("link", { name: new RegExp(`Review revision 1: ${headline}`) }).click();
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reviewerPage.getByText("This is the first revision anyone reviews")).toBeVisible();
  await expectNoAxeViolations(reviewerPage);
  await reviewerPage.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewerPage.getByRole("main").getByRole("alert")).toContainText("a comment is required");
  expect(await reviewsOf(revision1)).toBe(0);
  const comment = "Say which article quotes Bolton first, and that Maduro disputes it.";
  await reviewerPage.getByLabel("Comment").fill(comment);
  await reviewerPage.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewerPage.getByText("Sent back to its author with a comment")).toBeVisible();
  await expect.poll(async () => (await verdictOf(claimId))?.status).toBe("changes_requested");

  // 4. The editor sees the comment, revises and resubmits.
  await editorPage.goto(`/workbench/claims/${claimId}/verdict`);
  await expect(editorPage.getByRole("note")).toContainText(`Changes requested on revision 1 by ${reviewer.name}`);
  await expect(editorPage.getByRole("note")).toContainText(comment);
  const explanation = editorPage.getByLabel("Explanation");
  await explanation.fill(
    `${await explanation.inputValue()}\n\nThe AFP dispatch quotes Bolton first; Maduro says the contacts had his authorisation, which Bolton disputes.`,
  );
  await editorPage.getByRole("button", { name: "Save and submit for review" }).click();
  await expect(editorPage.getByText("In review:")).toBeVisible();
  const resubmitted = await verdictOf(claimId);
  const revision2 = resubmitted!.current_revision_id!;
  expect(revision2).not.toBe(revision1);

  // 5. The reviewer reads the word diff from revision 1, approves and publishes.
  await reviewerPage.goto("/workbench/review");
  await reviewerPage.getByRole("region", { name: /Awaiting your review/ }).getByRole("link", { name: new RegExp(`Review revision 2: ${headline}`) }).click();
  await expect(reviewerPage.getByRole("heading", { name: "Changes since revision 1" })).toBeVisible();
  await expect(reviewerPage.locator(".diff-list ins").filter({ hasText: "Maduro says the contacts had his authorisation" })).toBeVisible();
  await expect(reviewerPage.getByText(comment)).toBeVisible();
  await reviewerPage.getByRole("button", { name: "Approve revision 2" }).click();
  await expect(reviewerPage.getByRole("button", { name: "Publish revision 2" })).toBeVisible();

  // Warm the cache of the home page and two published pages: the related Maduro page and an unrelated one.
  const unrelatedPath = `/fact-checks/${unrelated.slug}`;
  for (const path of ["/", unrelatedPath, `/fact-checks/${MADURO_SLUG}`]) {
    // Read until served from the cache: another test's publication may drop the home page meanwhile.
    await expect.poll(() => cacheState(anonymous, path), { message: path }).toBe("hit");
  }

  await reviewerPage.getByRole("button", { name: "Publish revision 2" }).click();
  await expect(reviewerPage.getByText(`Public at /fact-checks/${slug}`)).toBeVisible();
  await expect.poll(async () => (await verdictOf(claimId))?.status).toBe("published");

  // Exactly the pages it changes: its own and the lists. The Maduro page shows the related
  // fact-checks its own approved snapshot listed, so it is still served from the cache, like the
  // unrelated page; the home page is rendered again once the reader cache has read the change.
  await expect.poll(() => cacheState(anonymous, "/")).toBe("miss");
  expect(await cacheState(anonymous, `/fact-checks/${MADURO_SLUG}`)).toBe("hit");
  expect(await cacheState(anonymous, unrelatedPath)).toBe("hit");

  // 6. An anonymous reader finds it from the home page and reads it, with ClaimReview data.
  const reader = await newPage(browser);
  await reader.goto("/");
  const card = reader.getByRole("listitem").filter({ hasText: headline });
  await expect(card.getByLabel(/Rating: Mostly false, 2 on a scale of 1 \(false\) to 5 \(true\)/)).toBeVisible();
  await card.getByRole("link", { name: headline }).click();
  await expect(reader).toHaveURL(new RegExp(`/fact-checks/${slug}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByLabel(/Rating: Mostly false/).first()).toBeVisible();
  await expect(reader.locator("mark").filter({ hasText: "Those who contact us on the back of Maduro are only talking about his departure" })).toBeVisible();
  await expect(reader.locator("mark").filter({ hasText: "only talk about the departure of Nicolas Maduro and free elections" })).toBeVisible();
  await expect(reader.getByText("Claimed by John Bolton")).toBeVisible();
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "null") as Record<string, unknown>;
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: BOLTON,
    headline,
    reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
    itemReviewed: { "@type": "Claim", author: { name: "John Bolton" } },
  });
  expect((jsonLd.itemReviewed as { appearance: unknown[] }).appearance).toHaveLength(2);
  expect(String(jsonLd.url)).toMatch(new RegExp(`/fact-checks/${slug}$`));
  await expectNoAxeViolations(reader);
  // Maduro's page lists Bolton only once a revision of its own listing it is approved and published.
  await reader.goto(`/fact-checks/${MADURO_SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(reader.getByRole("link", { name: `“${BOLTON}”` })).toHaveCount(0);

  // 7. A correction: the editor revises the published verdict, a reviewer approves and publishes it
  // with a note; the reader sees the note and can still read the earlier version.
  await editorPage.goto(`/workbench/claims/${claimId}/verdict`);
  await expect(editorPage.getByText("Published. Saving changes starts a correction")).toBeVisible();
  await editorPage.getByRole("radio", { name: /^Mixed/ }).check();
  await editorPage.getByLabel("Summary").fill("Bolton's account is one side of a disputed story: Maduro says the contacts were authorised.");
  await editorPage.getByRole("button", { name: "Save and submit for review" }).click();
  await expect(editorPage.getByText("In review:")).toBeVisible();
  const revision3 = (await verdictOf(claimId))!.current_revision_id!;

  await reviewerPage.goto(`/workbench/review/${revision3}`);
  await expect(reviewerPage.getByRole("heading", { name: "Changes since revision 2" })).toBeVisible();
  await expect(reviewerPage.locator(".diff-list del").filter({ hasText: "Mostly false" })).toBeVisible();
  await expect(reviewerPage.locator(".diff-list ins").filter({ hasText: "Mixed" })).toBeVisible();
  await reviewerPage.getByRole("button", { name: "Approve revision 3" }).click();
  await expect(reviewerPage.getByRole("button", { name: "Publish correction" })).toBeVisible();
  await expectNoAxeViolations(reviewerPage);
  await reviewerPage.getByRole("button", { name: "Publish correction" }).click();
  await expect(reviewerPage.getByRole("main").getByRole("alert")).toContainText("fill in both");
  await reviewerPage.getByLabel("What changed").fill("The rating is now Mixed instead of Mostly false.");
  await reviewerPage.getByLabel("Why").fill("Maduro's side of the story was left out of the first version.");
  await reviewerPage.getByRole("button", { name: "Publish correction" }).click();
  await expect(reviewerPage.getByText(`Public at /fact-checks/${slug}`)).toBeVisible();
  await expect.poll(async () => (await verdictOf(claimId))?.status).toBe("published");

  await reader.goto(`/fact-checks/${slug}`);
  await expect(reader.getByLabel(/Rating: Mixed, 3 on a scale/).first()).toBeVisible();
  const note = reader.locator(".correction").filter({ hasText: "The rating is now Mixed instead of Mostly false." });
  await expect(note).toContainText("Why: Maduro's side of the story was left out of the first version.");
  await note.getByRole("link", { name: "Read the version before this correction" }).click();
  await expect(reader).toHaveURL(new RegExp(`/fact-checks/${slug}/revisions/2$`));
  await expect(reader.getByRole("complementary", { name: "About this version" })).toContainText("This is an earlier version; see the current fact-check.");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByLabel(/Rating: Mostly false/).first()).toBeVisible();
  await expect(reader.getByText("The rating is now Mixed instead of Mostly false.")).toBeVisible();
  await expectNoAxeViolations(reader);
  await reader.getByRole("link", { name: "see the current fact-check" }).click();
  await expect(reader).toHaveURL(new RegExp(`/fact-checks/${slug}$`));
  // Revision 1 was sent back, never published: not found, like any missing page.
  expect((await anonymous.get(`/fact-checks/${slug}/revisions/1`)).status()).toBe(404);

  const feed = await (await anonymous.get("/feed.xml")).text();
  expect(feed).toContain(`<title type="text">Correction: ${headline.replaceAll("'", "&apos;")}</title>`);
  expect(feed).toContain(`<title type="text">${headline.replaceAll("'", "&apos;")}</title>`);
  expect(await (await anonymous.get("/sitemap.xml")).text()).toContain(`/fact-checks/${slug}</loc>`);
  await anonymous.dispose();
});

test("two editors save the same draft: the second sees a conflict with both versions and nothing is overwritten", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await createUser("editor", "first");
  const second = await createUser("editor", "second");
  const claimId = await insertClaim(first, `The minister chose the negotiators himself ${randomUUID().slice(0, 8)}`);

  const a = await signedIn(browser, first, `/workbench/claims/${claimId}/verdict`);
  await a.getByRole("radio", { name: /^Unproven/ }).check();
  await a.getByLabel("Headline").fill("Nobody has shown who chose the negotiators");
  await a.getByLabel("Summary").fill("First summary.");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Draft saved (version 1)." })).toBeVisible();

  // Both open the same version 1.
  const b = await signedIn(browser, second, `/workbench/claims/${claimId}/verdict`);
  await expect(b.getByLabel("Headline")).toHaveValue("Nobody has shown who chose the negotiators");

  await a.getByLabel("Headline").fill("Their headline, saved first");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Draft saved (version 2)." })).toBeVisible();

  await b.getByLabel("Headline").fill("My headline, saved second");
  await b.getByLabel("Summary").fill("My summary.");
  await b.getByRole("button", { name: "Save draft" }).click();
  const conflict = b.getByRole("main").getByRole("alert").filter({ hasText: "Your changes were not saved" });
  await expect(conflict).toContainText("Someone else saved this verdict after you opened it.");
  const table = conflict.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Their version (saved, version 2)" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Your version (not saved)" })).toBeVisible();
  const headlineRow = table.getByRole("row").filter({ hasText: "Headline" });
  await expect(headlineRow.getByRole("cell").nth(0)).toHaveText("Their headline, saved first");
  await expect(headlineRow.getByRole("cell").nth(1)).toHaveText("My headline, saved second");
  await expectNoAxeViolations(b);
  // Nothing of the second writer reached the database.
  const stored = await db().query<{ draft_headline: string; version: number }>(`SELECT draft_headline, version FROM verdicts WHERE claim_id = $1`, [claimId]);
  expect(stored.rows[0]).toEqual({ draft_headline: "Their headline, saved first", version: 2 });

  // The second editor takes their version, edits it and saves on top of it.
  await conflict.getByRole("button", { name: "Use their version" }).click();
  await expect(b.getByLabel("Headline")).toHaveValue("Their headline, saved first");
  await expect(b.getByLabel("Summary")).toHaveValue("First summary.");
  await b.getByLabel("Summary").fill("Merged summary.");
  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Draft saved (version 3)." })).toBeVisible();

  // Now the first editor is the stale one; they choose to keep their text, knowingly.
  await a.getByLabel("Summary").fill("The first editor's final summary.");
  await a.getByRole("button", { name: "Save draft" }).click();
  const secondConflict = a.getByRole("main").getByRole("alert").filter({ hasText: "Your changes were not saved" });
  await expect(secondConflict.getByRole("row").filter({ hasText: "Summary" }).getByRole("cell").nth(0)).toHaveText("Merged summary.");
  await secondConflict.getByRole("button", { name: "Keep my version (save over theirs)" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Draft saved (version 4)." })).toBeVisible();
  const final = await db().query<{ draft_summary: string; version: number }>(`SELECT draft_summary, version FROM verdicts WHERE claim_id = $1`, [claimId]);
  expect(final.rows[0]).toEqual({ draft_summary: "The first editor's final summary.", version: 4 });
});

test("a reviewer who wrote a revision sees it waiting for another reviewer, and a replayed approval with their session is refused", async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await createUser("reviewer", "author");
  const colleague = await createUser("reviewer", "colleague");
  const someoneElse = await createUser("editor", "someone");
  const own = await seedVerdict({ author, state: "in_review" });
  const others = await seedVerdict({ author: someoneElse, state: "in_review" });

  const authorPage = await signedIn(browser, author, "/workbench/review");
  const headlineOf = async (revisionId: string) =>
    (await db().query<{ headline: string }>(`SELECT headline FROM verdict_revisions WHERE id = $1`, [revisionId])).rows[0]!.headline;
  const ownHeadline = await headlineOf(own.revisionId);
  await expect(authorPage.getByRole("region", { name: /Your revisions, waiting for another reviewer/ }).getByText(ownHeadline, { exact: true })).toBeVisible();
  await expect(authorPage.getByRole("region", { name: /Awaiting your review/ }).getByText(ownHeadline, { exact: true })).toHaveCount(0);
  await authorPage.goto(`/workbench/review/${own.revisionId}`);
  await expect(authorPage.getByText("You wrote or edited this revision, so you cannot approve it or send it back. It is waiting for another reviewer.")).toBeVisible();
  await expect(authorPage.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  // The author approves someone else's revision legitimately; the same POST aimed at their own is refused.
  await authorPage.goto(`/workbench/review/${others.revisionId}`);
  const sent = authorPage.waitForRequest(isActionPost);
  await authorPage.getByRole("button", { name: "Approve revision 1" }).click();
  const approval = capture(await sent);
  await expect(authorPage.getByText(`Approved by ${author.name}.`)).toBeVisible();
  const forged = approval.body.replaceAll(others.verdictId, own.verdictId).replaceAll(others.revisionId, own.revisionId);
  const reply = await authorPage.context().request.post(approval.url, { headers: approval.headers, data: forged });
  expect(reply.status()).toBeLessThan(500);
  expect(await reply.text()).toContain("You wrote or edited this revision, so another reviewer must review it.");
  expect(await reviewsOf(own.revisionId)).toBe(0);

  // Another reviewer can.
  const colleaguePage = await signedIn(browser, colleague, `/workbench/review/${own.revisionId}`);
  await colleaguePage.getByRole("button", { name: "Approve revision 1" }).click();
  await expect(colleaguePage.getByText(`Approved by ${colleague.name}.`)).toBeVisible();
  expect(await reviewsOf(own.revisionId)).toBe(1);
});
