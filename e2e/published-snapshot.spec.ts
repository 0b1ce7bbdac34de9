import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { httpSession, type HttpSession } from "./support/actions";
import { createUser, db } from "./support/database";

// Issue 9: a published fact-check is what its reviewer approved, frozen. For every kind of workbench
// write that touches a published claim, the reader page's HTML (nonces removed), its ClaimReview
// JSON-LD, its feed entry and the anonymous annotation export of the quoted article stay byte for
// byte what they were, until a new revision is approved and published; then they change (the last
// step proves the comparison can fail).
//
// Everything here is the spec's own: its users, two articles, and four published fact-checks (the
// one under test, M; R, linked to M when it is published; S, linked by an editor afterwards; T, a
// bystander corrected before every comparison, see below). The seeded corpus is left alone.
//
// Getting Next's answer, not a cached copy. The front server (scripts/serve/) answers anonymous GETs
// of reader pages from its cache, and workbench writes no longer announce any page to it, so a plain
// GET after a write is a cache hit that proves nothing about what the app would render now. The cache
// keeps pages only for the site's own host names, and one entry per page whatever its spelling or
// query, so each fresh fetch names a host of its own: the front server passes it to Next, and it must
// come back without an X-Claimwork-Cache header, i.e. rendered by Next for this request (the test
// fails if the cache ever answers it). The CSP nonce, which Next writes both as nonce="…" attributes
// and inside the flight data, per response, is blanked out before comparing. (A fake session cookie
// also passes the cache by, but a page that looks at the session may render differently for it.) The
// plain URL, as readers get it through the cache, is compared too.
//
// The feed's entries are also kept inside Next, in memory, until publications change
// (lib/publishing/list-published-fact-checks.ts, cachedPublishedRead): between a write and its
// comparison, the bystander T gets a correction published, so the feed is read again from the
// database every time and our entry is compared as the database now makes it.

const run = randomBytes(4).toString("hex");

const ARTICLE_A = [
  `Harbour works report ${run}.`,
  "The minister said the new harbour wall was finished in March, two months ahead of schedule.",
  "Engineers on the site said work on the wall continued well into May.",
  "The ministry later published a budget of 40 million for the wall.",
  "A council report puts the cost of the wall at 55 million.",
  "End of the report.",
].join("\n\n");
/** The outlet's update: a new opening, a passage moved, another one reworded (re-anchored fuzzily or lost). */
const ARTICLE_A_UPDATED = [
  `Harbour works report ${run}, updated.`,
  "This story was updated after the council published its figures.",
  "The minister said the new harbour wall was finished in March, two months ahead of schedule.",
  "Engineers on the site said work on the wall went on until late June.",
  "The ministry later published a budget of 40 million for the wall.",
  "A council report puts the cost of the wall at 55 million.",
  "End of the report.",
].join("\n\n");
const ARTICLE_B = [
  `Port authority notes ${run}.`,
  "The port authority said the ferry terminal handled a record number of passengers last summer.",
  "A spokesman claimed the new cranes doubled the number of containers handled each day.",
  "Dock workers said the night shift was cut to save money.",
  "End of the notes.",
].join("\n\n");

const QUOTE_1 = "The minister said the new harbour wall was finished in March, two months ahead of schedule.";
const QUOTE_2 = "Engineers on the site said work on the wall continued well into May.";
const QUOTE_ADDED = "The ministry later published a budget of 40 million for the wall.";

const STATEMENT_R = `The new cranes doubled the containers handled each day (${run})`;
const STATEMENT_S = `The ferry terminal had record passengers last summer (${run})`;
const OLD_WORDING = `The new harbour wall was finished two months ahead of schedule (${run})`;
const NEW_WORDING = `The harbour wall was finished in March, ahead of its May deadline (${run})`;

type Fresh = { html: string; jsonLd: string; feedEntries: string[]; annotations: string; readerHtml: string };

let baseUrl: string;
let editor: HttpSession;
let reviewer: HttpSession;
const ids = { articleA: "", articleARevision: "", claimM: "", claimS: "", claimT: "", relationMR: "", passage1: "" };
let slugM = "";
let claimVersion = 0;
let claimFields: Record<string, unknown>;
let before: Fresh;
let bystanderCorrections = 0;
let reader: Page;

// --- Writing, as the workbench does: its server actions and its upload route ---------------------

async function upload(path: string, session: HttpSession, text: string, fields: Record<string, string>) {
  const form = new FormData();
  form.set("file", new File([text], `${run}.txt`, { type: "text/plain" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { cookie: session.cookie, origin: baseUrl }, body: form });
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body;
}

async function importArticle(text: string, details: Record<string, string>): Promise<{ articleId: string; revisionId: string }> {
  const body = await upload("/api/articles", editor, text, details);
  expect(body.status).toBe("imported");
  return body as { articleId: string; revisionId: string };
}

/** The passage of `quote` in an article revision, with offsets into its stored text, as the editor's selection gives them. */
async function passageOf(revisionId: string, quote: string) {
  const { text } = (await db().query<{ text: string }>(`SELECT text FROM article_revisions WHERE id = $1`, [revisionId])).rows[0]!;
  const start = text.indexOf(quote);
  expect(start, `"${quote}" in the stored article`).toBeGreaterThanOrEqual(0);
  return { articleRevisionId: revisionId, start, end: start + quote.length, exact: quote };
}

type Content = { rating: string; headline: string; summary: string; explanation: string };

/** Draft (editor), submit (editor), approve and publish (reviewer, a second person); a correction when `correction` is given. */
async function publish(claimId: string, content: Content, correction?: { whatChanged: string; why: string }) {
  const existing = (await db().query<{ id: string; version: number }>(`SELECT id, version FROM verdicts WHERE claim_id = $1`, [claimId])).rows[0];
  const draft = await editor.must<{ verdictId: string; version: number }>("saveVerdictDraftAction", {
    claimId,
    expectedVersion: existing?.version ?? null,
    ...content,
  });
  const { revisionId } = await editor.must<{ revisionId: string }>("submitVerdictAction", { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewer.must("reviewVerdictAction", { verdictId: draft.verdictId, revisionId, decision: "approve" });
  const published = await reviewer.must<{ slug: string }>("publishVerdictAction", { verdictId: draft.verdictId, revisionId, ...(correction ? { correction } : {}) });
  return { verdictId: draft.verdictId, slug: published.slug };
}

async function createClaim(statement: string, articleRevisionId: string, quote: string, extra: Record<string, unknown> = {}) {
  return editor.must<{ id: string; passageId: string }>("createClaimAction", {
    statement,
    claimant: "The harbour minister",
    language: "en",
    passage: await passageOf(articleRevisionId, quote),
    ...extra,
  });
}

async function updateClaim(changes: Record<string, unknown>) {
  claimFields = { ...claimFields, ...changes };
  const saved = await editor.must<{ version: number; changed: boolean }>("updateClaimAction", { claimId: ids.claimM, expectedVersion: claimVersion, ...claimFields });
  expect(saved.changed).toBe(true);
  claimVersion = saved.version;
}

/** Publishes a correction of the bystander T: publications changed, so Next reads the feed's entries again. */
async function correctBystander() {
  bystanderCorrections++;
  await publish(
    ids.claimT,
    { rating: "mostly_true", headline: `Dock shifts ${run}`, summary: `Dock workers' account, checked ${bystanderCorrections} times.`, explanation: "Rosters confirm it." },
    { whatChanged: `Check number ${bystanderCorrections}.`, why: "Another roster was found." },
  );
}

// --- Reading, as readers and machines do --------------------------------------------------------

/** The body without what differs from response to response: the CSP nonce. */
function withoutNonce(body: string, policy: string | null | undefined): string {
  const nonce = policy?.match(/'nonce-([^']+)'/)?.[1];
  return (nonce ? body.replaceAll(nonce, "NONCE") : body).replace(/ nonce="[^"]*"/g, ' nonce="NONCE"');
}

async function normalised(response: Response): Promise<string> {
  return withoutNonce(await response.text(), response.headers.get("content-security-policy"));
}

/** A fresh render by Next (see the top of this file): asked for under a host name the reader cache does not serve. */
async function freshlyRendered(path: string): Promise<string> {
  const { status, headers, body } = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.get(`${baseUrl}${path}`, { headers: { host: "fresh-render.claimwork.invalid" }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on("error", reject);
  });
  expect(status, path).toBe(200);
  expect(headers["x-claimwork-cache"], `${path} rendered by Next for this request`).toBeUndefined();
  return withoutNonce(body, [headers["content-security-policy"]].flat()[0]);
}

/** The page as readers get it: through the reader cache. */
async function asReadersGetIt(path: string): Promise<string> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return normalised(response);
}

const jsonLdOf = (html: string) => {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  expect(blocks, "one JSON-LD block").toHaveLength(1);
  return blocks[0]!;
};

/** The feed's entries about this fact-check: its first publication and any correction, in feed order. */
const feedEntriesOf = (feed: string, slug: string) =>
  [...feed.matchAll(/<entry[\s>][\s\S]*?<\/entry>/g)]
    .map((match) => match[0])
    .filter((entry) => entry.includes(`/fact-checks/${slug}"`) || entry.includes(`/fact-checks/${slug}#corrections"`));

async function readAll(): Promise<Fresh> {
  const html = await freshlyRendered(`/fact-checks/${slugM}`);
  const feed = await freshlyRendered("/feed.xml");
  const annotations = await fetch(`${baseUrl}/api/articles/${ids.articleA}/annotations`);
  expect(annotations.status).toBe(200);
  return {
    html,
    jsonLd: jsonLdOf(html),
    feedEntries: feedEntriesOf(feed, slugM),
    annotations: await annotations.text(),
    readerHtml: await asReadersGetIt(`/fact-checks/${slugM}`),
  };
}

/** Equal strings; otherwise an error that shows where they part, rather than two whole pages. */
function expectSameBytes(now: string, then: string, what: string) {
  if (now === then) return;
  let at = 0;
  while (at < now.length && now[at] === then[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 120), at + 240));
  throw new Error(`${what} changed, from character ${at} on:\n  before: ${around(then)}\n  now:    ${around(now)}`);
}

/** The four, and the page readers get through the cache, byte for byte as before; and what a reader sees. */
async function expectUnchanged(write: string) {
  await correctBystander();
  const now = await readAll();
  expectSameBytes(now.jsonLd, before.jsonLd, `JSON-LD after ${write}`);
  expectSameBytes(now.feedEntries.join("\n"), before.feedEntries.join("\n"), `feed entry after ${write}`);
  expectSameBytes(now.annotations, before.annotations, `annotation export after ${write}`);
  expectSameBytes(now.html, before.html, `page HTML (rendered by Next) after ${write}`);
  expectSameBytes(now.readerHtml, before.readerHtml, `page HTML (through the reader cache) after ${write}`);

  // The text is rendered on the server: no need to wait for scripts.
  await reader.goto(`/fact-checks/${slugM}`, { waitUntil: "domcontentloaded" });
  await expect(reader.getByRole("region", { name: "The claim" }).getByText(OLD_WORDING)).toBeVisible();
  await expect(reader.getByText(NEW_WORDING)).toHaveCount(0);
  await expect(reader.locator("mark").filter({ hasText: QUOTE_1 })).toBeVisible();
  await expect(reader.locator("mark").filter({ hasText: QUOTE_2 })).toBeVisible();
  await expect(reader.locator("mark").filter({ hasText: QUOTE_ADDED })).toHaveCount(0);
  await expect(reader.getByRole("link", { name: `“${STATEMENT_R}”` })).toBeVisible();
  await expect(reader.getByRole("link", { name: `“${STATEMENT_S}”` })).toHaveCount(0);
}

test.describe.serial("a published fact-check shows what was approved, whatever editors do meanwhile", { lock: "-exclusive-" }, () => {
  // One anonymous reader, in one browser page, for the whole story.
  test.beforeAll(async ({ browser }) => {
    reader = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  });
  test.afterAll(async () => {
    await reader.context().close();
  });

  test("setup: a fact-check published with two quoted passages and a related fact-check, as readers see it", async ({ baseURL }) => {
    baseUrl = baseURL!;
    const [editorUser, reviewerUser] = await Promise.all([createUser("editor", "snapshot-editor"), createUser("reviewer", "snapshot-reviewer")]);
    [editor, reviewer] = await Promise.all([
      httpSession(baseUrl, editorUser.email, editorUser.password),
      httpSession(baseUrl, reviewerUser.email, reviewerUser.password),
    ]);

    const a = await importArticle(ARTICLE_A, {
      title: `Harbour wall finished early, says minister ${run}`,
      outlet: "The Harbour Courier",
      author: "A. Reporter",
      url: `https://example.org/harbour-wall-${run}`,
      language: "en",
      publishedAt: "2025-03-20",
    });
    const b = await importArticle(ARTICLE_B, { title: `Port authority notes ${run}`, outlet: "Port Weekly", language: "en", publishedAt: "2025-02-01" });
    ids.articleA = a.articleId;
    ids.articleARevision = a.revisionId;

    // R and S: published fact-checks M is linked to, before and after M's publication.
    const claimR = await createClaim(STATEMENT_R, b.revisionId, "A spokesman claimed the new cranes doubled the number of containers handled each day.");
    await publish(claimR.id, { rating: "mostly_false", headline: `Cranes did not double the port's capacity ${run}`, summary: "Up a quarter, not doubled.", explanation: "Port statistics." });
    const claimS = await createClaim(STATEMENT_S, b.revisionId, "The port authority said the ferry terminal handled a record number of passengers last summer.");
    await publish(claimS.id, { rating: "mostly_true", headline: `A record summer at the ferry terminal ${run}`, summary: "A record, narrowly.", explanation: "Ticket counts." });
    ids.claimS = claimS.id;
    const claimT = await createClaim(`The night shift at the docks was cut to save money (${run})`, b.revisionId, "Dock workers said the night shift was cut to save money.");
    await publish(claimT.id, { rating: "mostly_true", headline: `Dock shifts ${run}`, summary: "Dock workers' account.", explanation: "Rosters confirm it." });
    ids.claimT = claimT.id;

    // M: two quoted passages in article A, claimant link, date, a link to R; then published.
    claimFields = {
      statement: OLD_WORDING,
      claimant: "The harbour minister",
      claimantSameAs: `https://example.org/people/harbour-minister-${run}`,
      claimedAt: "2025-03-14",
      language: "en",
      tags: ["harbour"],
    };
    const claimM = await editor.must<{ id: string; passageId: string }>("createClaimAction", { ...claimFields, passage: await passageOf(a.revisionId, QUOTE_1) });
    ids.claimM = claimM.id;
    ids.passage1 = claimM.passageId;
    await editor.must("addPassageAction", { claimId: claimM.id, ...(await passageOf(a.revisionId, QUOTE_2)) });
    ids.relationMR = (
      await editor.must<{ id: string }>("relateClaimsAction", { type: "contradicts", fromClaimId: claimM.id, toClaimId: claimR.id, rationale: "Both are about the port's works budget." })
    ).id;
    const m = await publish(claimM.id, {
      rating: "mixed",
      headline: `The harbour wall was late, not early ${run}`,
      summary: "Finished in March on paper; engineers worked on it until May.",
      explanation: "The minister's statement and the engineers' account disagree.",
    });
    slugM = m.slug;
    claimVersion = (await db().query<{ version: number }>(`SELECT version FROM claims WHERE id = $1`, [claimM.id])).rows[0]!.version;

    before = await readAll();
    // What is captured is the page as published: the claim, both passages, the related fact-check.
    expect(JSON.parse(before.jsonLd)).toMatchObject({
      claimReviewed: OLD_WORDING,
      itemReviewed: { author: { sameAs: claimFields.claimantSameAs }, datePublished: "2025-03-14", appearance: [{ headline: `Harbour wall finished early, says minister ${run}` }] },
    });
    for (const shown of [OLD_WORDING, QUOTE_1, QUOTE_2, STATEMENT_R]) expect(before.html.includes(shown), `the page shows "${shown}"`).toBe(true);
    expect(before.html.includes(STATEMENT_S), "S is not linked yet").toBe(false);
    expect(before.feedEntries).toHaveLength(1);
    expect(before.feedEntries[0]).toContain(OLD_WORDING);
    expect(before.annotations).toContain(OLD_WORDING);
    expect(before.annotations).toContain(QUOTE_1);
  });

  test("claim wording edited (updateClaim)", async () => {
    await updateClaim({ statement: NEW_WORDING });
    await expectUnchanged("a new claim wording");
  });

  test("claimant link edited (updateClaim, claimantSameAs)", async () => {
    await updateClaim({ claimantSameAs: `https://example.org/people/someone-else-${run}` });
    await expectUnchanged("a new claimant link");
  });

  test("claim date edited (updateClaim, claimedAt)", async () => {
    await updateClaim({ claimedAt: "2025-04-02" });
    await expectUnchanged("a new claim date");
  });

  test("passage added (addPassage)", async () => {
    await editor.must("addPassageAction", { claimId: ids.claimM, ...(await passageOf(ids.articleARevision, QUOTE_ADDED)) });
    await expectUnchanged("a passage added");
  });

  test("quoted passage removed (removePassage)", async () => {
    await editor.must("removePassageAction", { passageId: ids.passage1 });
    await expectUnchanged("a quoted passage removed");
  });

  test("link added to another published claim (relateClaims)", async () => {
    await editor.must("relateClaimsAction", { type: "supports", fromClaimId: ids.claimM, toClaimId: ids.claimS, rationale: "Both describe a busy year at the port." });
    await expectUnchanged("a link added");
  });

  test("link removed (removeRelation)", async () => {
    await editor.must("removeRelationAction", { relationId: ids.relationMR });
    await expectUnchanged("a link removed");
  });

  test("new article revision (POST /api/articles/{id}/revisions, as the revise page does)", async () => {
    const body = await upload(`/api/articles/${ids.articleA}/revisions`, editor, ARTICLE_A_UPDATED, { expectedRevisionNumber: "1" });
    expect(body).toMatchObject({ revisionNumber: 2 });
    await expectUnchanged("a new article revision");
  });

  test("article details edited (updateArticleDetails)", async () => {
    const { version } = (await db().query<{ version: number }>(`SELECT version FROM articles WHERE id = $1`, [ids.articleA])).rows[0]!;
    await editor.must("updateArticleDetailsAction", {
      articleId: ids.articleA,
      expectedVersion: version,
      title: `Harbour works, retitled ${run}`,
      outlet: "Another Outlet",
      author: "Someone Else",
      url: `https://example.org/harbour-${run}`,
      language: "en",
      publishedAt: "2025-01-02",
    });
    await expectUnchanged("article details edited");
  });

  test("a correction approved and published: now the page, JSON-LD, feed and export change", async () => {
    await publish(
      ids.claimM,
      {
        rating: "mixed",
        headline: `The harbour wall was late, not early ${run}`,
        summary: "Finished in March on paper; engineers worked on it until late June.",
        explanation: "The minister's statement and the engineers' account disagree.",
      },
      { whatChanged: "The claim is quoted as the minister now puts it, with the article's update.", why: "The article was updated and the claim reworded." },
    );
    const after = await readAll();
    expect(after.html === before.html, "the page changed").toBe(false);
    expect(after.jsonLd === before.jsonLd, "the JSON-LD changed").toBe(false);
    expect(after.annotations === before.annotations, "the annotation export changed").toBe(false);
    // Every edit made meanwhile is now public, as the reviewer approved it.
    expect(JSON.parse(after.jsonLd)).toMatchObject({
      claimReviewed: NEW_WORDING,
      itemReviewed: { author: { sameAs: `https://example.org/people/someone-else-${run}` }, datePublished: "2025-04-02" },
    });
    expect(after.html.includes(STATEMENT_S) && !after.html.includes(STATEMENT_R), "the links as they are now").toBe(true);
    expect(after.annotations).toContain(NEW_WORDING);
    expect(after.annotations).not.toContain(OLD_WORDING);
    // The feed keeps the first publication's entry as it was, and adds the correction's.
    expect(after.feedEntries).toHaveLength(2);
    expect(after.feedEntries[1]).toBe(before.feedEntries[0]);
    expect(after.feedEntries[0]).toContain(NEW_WORDING);
    expect(after.feedEntries[0]).toContain("<title type=\"text\">Correction: ");

    // The correction announced the page: the reader cache drops it (its follower polls twice a
    // second), and readers get the new wording.
    await expect.poll(async () => (await asReadersGetIt(`/fact-checks/${slugM}`)).includes(NEW_WORDING), { timeout: 5_000 }).toBe(true);
    await reader.goto(`/fact-checks/${slugM}`);
    await expect(reader.getByRole("region", { name: "The claim" }).getByText(NEW_WORDING)).toBeVisible();
    await expect(reader.getByText(OLD_WORDING)).toHaveCount(0);
    await expect(reader.locator("mark").filter({ hasText: QUOTE_ADDED })).toBeVisible();
    await expect(reader.locator(".correction")).toContainText("The claim is quoted as the minister now puts it");
    // The new snapshot has the links as they are now: S, not R.
    await expect(reader.getByRole("link", { name: `“${STATEMENT_S}”` })).toBeVisible();
    await expect(reader.getByRole("link", { name: `“${STATEMENT_R}”` })).toHaveCount(0);
    // The version before the correction still reads as approved.
    await reader.getByRole("link", { name: "Read the version before this correction" }).click();
    await expect(reader.getByRole("region", { name: "The claim" }).getByText(OLD_WORDING)).toBeVisible();
  });
});
