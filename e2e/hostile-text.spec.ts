import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, db, rowCounts, type TestUser } from "./support/database";
import { fits, hostilePayloads, recordExecutions, type HostilePayload } from "./support/hostile-payloads";
import { signInDirectly } from "./support/sign-in";
import { httpSession, type HttpSession } from "./support/actions";

// Untrusted text everywhere (DESIGN.md section 8). Every payload of the hostile corpus goes into every
// field a user can write, through the same server actions and API routes the pages use: a field that
// cannot hold it (NUL, lone surrogate, over its length) refuses it with a message naming the field
// and writes nothing; what is accepted is published and then shown as literal text on every screen
// that shows it, in Chromium, where no script runs, no dialog opens and no CSP violation happens.
// The feed and sitemap stay well-formed XML and the ClaimReview JSON-LD parses to the stored text.

const PAYLOADS = hostilePayloads(randomUUID().slice(0, 4));
const STORABLE = PAYLOADS.filter((payload) => !payload.unstorable);

/** Every field a user writes, with its length limit (the article text's is 2 MiB). */
const FIELDS = {
  title: { code: "ti", max: 300 },
  outlet: { code: "ou", max: 120 },
  author: { code: "au", max: 200 },
  text: { code: "tx", max: 2 * 1024 * 1024 },
  statement: { code: "st", max: 500 },
  claimant: { code: "cl", max: 200 },
  tag: { code: "tg", max: 40 },
  rationale: { code: "ra", max: 2000 },
  headline: { code: "he", max: 74 },
  summary: { code: "su", max: 2000 },
  explanation: { code: "ex", max: 50_000 },
  comment: { code: "co", max: 5000 },
  whatChanged: { code: "wc", max: 2000 },
  why: { code: "wy", max: 2000 },
  userName: { code: "un", max: Infinity },
} as const;
type Field = keyof typeof FIELDS;

/** The payload as written into a field: prefixed with the field's code, so each field's text is unique. */
const hostile = (field: Field, payload: HostilePayload): HostilePayload => ({ ...payload, text: `${FIELDS[field].code} ${payload.text}` });
const accepts = (field: Field, payload: HostilePayload) => fits(hostile(field, payload), FIELDS[field].max);
/** What goes into a field that refuses the payload, so the rest of the record can still be written. */
const plain = (field: Field, payload: HostilePayload) => `${FIELDS[field].code} ${payload.marker} plain text`;
const valueFor = (field: Field, payload: HostilePayload) => (accepts(field, payload) ? hostile(field, payload).text : plain(field, payload));

type Written = {
  payload: HostilePayload;
  user: TestUser;
  articleId: string;
  claimId: string;
  verdictId: string;
  revisions: string[];
  slug: string;
};

const written: Written[] = [];
let editor: TestUser;
let reviewer: TestUser;
let admin: TestUser;
/** screen -> field -> payloads shown literally there. */
const shown = new Map<string, Map<Field, number>>();
const refused = new Map<Field, number>();
let screensVisited = 0;

// --- Writing -------------------------------------------------------------------------------------

async function importArticle(session: HttpSession, details: Record<string, string>, text: string, fileName: string) {
  const form = new FormData();
  form.set("file", new File([text], fileName, { type: "text/plain" }));
  for (const [key, value] of Object.entries(details)) form.set(key, value);
  const response = await fetch(`${session.baseUrl}/api/articles`, { method: "POST", headers: { cookie: session.cookie, origin: session.baseUrl }, body: form });
  return { status: response.status, body: (await response.json()) as { articleId?: string; revisionId?: string; status?: string; error?: { message: string } } };
}

const verdictVersion = async (verdictId: string) =>
  (await db().query<{ version: number }>("SELECT version FROM verdicts WHERE id = $1", [verdictId])).rows[0]!.version;

/** One claim per payload, with its article, passage, link, and a verdict published once and corrected once (the correction approved, not yet published). */
async function writeRecord(payload: HostilePayload, user: TestUser, editorSession: HttpSession, reviewerSession: HttpSession): Promise<Written> {
  const value = (field: Field) => valueFor(field, payload);
  const articleText = `Report ${payload.marker}.\n\n${value("text")}\n\nEnd of the report.`;
  const imported = await importArticle(editorSession, { title: value("title"), outlet: value("outlet"), author: value("author"), language: "en" }, articleText, `${payload.marker}.txt`);
  expect(imported.status, `import of ${payload.name}: ${JSON.stringify(imported.body).slice(0, 300)}`).toBe(200);
  const { articleId, revisionId } = imported.body as { articleId: string; revisionId: string };
  const stored = (await db().query<{ text: string }>("SELECT text FROM article_revisions WHERE id = $1", [revisionId])).rows[0]!.text;
  expect(stored, `the article text of ${payload.name} is stored as sent`).toContain(value("text"));
  // A passage quotes the hostile text (or its start, when longer than a passage can be).
  const exact = value("text").length <= 5000 ? value("text") : `${FIELDS.text.code} ${payload.marker}`;
  const start = stored.indexOf(exact);
  const claim = await editorSession.must<{ id: string }>("createClaimAction", {
    statement: value("statement"),
    claimant: value("claimant"),
    language: "en",
    tags: [value("tag")],
    passage: { articleRevisionId: revisionId, start, end: start + exact.length, exact },
  });

  const content = { claimId: claim.id, rating: "false", headline: value("headline"), summary: value("summary"), explanation: value("explanation") };
  const { verdictId } = await editorSession.must<{ verdictId: string }>("saveVerdictDraftAction", { ...content, expectedVersion: null });
  const submit = async () =>
    (await editorSession.must<{ revisionId: string }>("submitVerdictAction", { verdictId, expectedVersion: await verdictVersion(verdictId) })).revisionId;
  const review = (revisionId: string, decision: string) =>
    reviewerSession.must("reviewVerdictAction", { verdictId, revisionId, decision, comment: value("comment") });
  const draft = async (changes: Partial<typeof content>) =>
    editorSession.must("saveVerdictDraftAction", { ...content, ...changes, expectedVersion: await verdictVersion(verdictId) });

  const first = await submit();
  await review(first, "request_changes");
  const revised = `${content.explanation}\n\nRevised after review.`;
  await draft({ explanation: revised });
  const second = await submit();
  await review(second, "approve");
  const { slug } = await reviewerSession.must<{ slug: string }>("publishVerdictAction", { verdictId, revisionId: second });
  await draft({ explanation: revised, summary: `${content.summary} Corrected.` });
  const third = await submit();
  await review(third, "approve");
  return { payload, user, articleId, claimId: claim.id, verdictId, revisions: [first, second, third], slug };
}

/** A query string that finds every record of this run, by its marker. */
const searchForMarkers = () => new URLSearchParams({ q: written.map((record) => record.payload.marker).join(" or ") }).toString();

// --- Looking ---------------------------------------------------------------------------------------

type Watched = { page: Page; dialogs: string[]; errors: string[] };

/** A page that records dialogs, page errors and CSP reports, and counts every alert/confirm/prompt/print. */
async function watchedPage(browser: Browser, user?: TestUser): Promise<Watched> {
  const context = await browser.newContext();
  await context.addInitScript(recordExecutions);
  const page = await context.newPage();
  const watched: Watched = { page, dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => watched.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to (execute|load)/i.test(message.text())) watched.errors.push(message.text());
  });
  if (user) await signInDirectly(page, user.email, user.password);
  return watched;
}

/** Opens `path`, checks that nothing ran, and returns the page's text, form values included. */
async function visit(watched: Watched, path: string): Promise<string> {
  const response = await watched.page.goto(path, { waitUntil: "load" });
  expect(response?.status(), path).toBe(200);
  screensVisited += 1;
  const state = await watched.page.evaluate(() => {
    const record = (window as unknown as { __hostile: { calls: string[]; violations: string[] } }).__hostile;
    const all = [...document.querySelectorAll("*")];
    return {
      calls: record.calls,
      violations: record.violations,
      // Nothing the texts hold became markup: no handler attribute, no foreign script, no script link.
      handlers: all.filter((element) => [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith("on"))).map((element) => element.outerHTML.slice(0, 80)),
      // (Next's own inline scripts carry the page's data, texts included, as JSON strings.)
      scripts: [...document.scripts].filter((script) => (script.textContent ?? "").trim() === "alert(1)").length,
      links: [...document.querySelectorAll("[href], [src]")]
        .map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? "")
        .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)),
      markup: [...document.querySelectorAll("img[src='x'], svg[onload]"), ...[...document.querySelectorAll("b")].filter((b) => b.textContent === "bold")].length,
      text: `${document.body.textContent ?? ""}\n${[...document.querySelectorAll("input, textarea")].map((field) => (field as HTMLInputElement).value).join("\n")}`,
    };
  });
  const { text, ...executed } = state;
  expect({ ...executed, dialogs: watched.dialogs, errors: watched.errors }, `nothing ran on ${path}`).toEqual({
    calls: [],
    violations: [],
    handlers: [],
    scripts: 0,
    links: [],
    markup: 0,
    dialogs: [],
    errors: [],
  });
  return text;
}

/** The field's text of each record is in `text`, literally; tallied for the report. */
function expectShown(screen: string, text: string, fields: Field[], records: Written[]) {
  const byField = shown.get(screen) ?? new Map<Field, number>();
  shown.set(screen, byField);
  for (const record of records) {
    for (const field of fields) {
      if (!accepts(field, record.payload)) continue;
      const expected = hostile(field, record.payload).text;
      expect(text.includes(expected), `${screen} shows the ${field} of "${record.payload.name}" literally`).toBe(true);
      byField.set(field, (byField.get(field) ?? 0) + 1);
    }
  }
}

// --- Tests -----------------------------------------------------------------------------------------

// The people who write and look; made in each worker, since the first test (which runs alone) and
// the two others need not run in the same one.
test.beforeAll(async () => {
  editor = await createUser("editor", "hostile-editor", hostile("userName", STORABLE[0]!).text);
  reviewer = await createUser("reviewer", "hostile-reviewer", hostile("userName", STORABLE[2]!).text);
  admin = await createUser("admin", "hostile-admin");
});

test("every field refuses what it cannot store, with a message naming the field, and writes nothing", { lock: "-exclusive-" }, async ({ baseURL }) => {
  test.setTimeout(120_000);
  const session = await httpSession(baseURL!, reviewer.email, reviewer.password);
  const before = await rowCounts();
  const someId = randomUUID();
  // Each field with the payload, the rest valid: what refuses is the field itself, before any lookup.
  const attempts: Record<Exclude<Field, "userName">, (text: string) => Promise<{ message: string; path: string }>> = {
    title: (text) => importRefusal(session, { title: text }, "Plain text.", "title"),
    outlet: (text) => importRefusal(session, { outlet: text }, "Plain text.", "outlet"),
    author: (text) => importRefusal(session, { author: text }, "Plain text.", "author"),
    text: (text) => importRefusal(session, {}, text, "file"),
    statement: (text) => actionRefusal(session, "createClaimAction", { statement: text, claimant: "A person", language: "en" }, "statement"),
    claimant: (text) => actionRefusal(session, "createClaimAction", { statement: "A statement", claimant: text, language: "en" }, "claimant"),
    tag: (text) => actionRefusal(session, "createClaimAction", { statement: "A statement", claimant: "A person", language: "en", tags: [text] }, "tags.0"),
    rationale: (text) => actionRefusal(session, "relateClaimsAction", { type: "supports", fromClaimId: someId, toClaimId: randomUUID(), rationale: text }, "rationale"),
    headline: (text) => actionRefusal(session, "saveVerdictDraftAction", { claimId: someId, expectedVersion: null, rating: null, headline: text, summary: "", explanation: "" }, "headline"),
    summary: (text) => actionRefusal(session, "saveVerdictDraftAction", { claimId: someId, expectedVersion: null, rating: null, headline: "", summary: text, explanation: "" }, "summary"),
    explanation: (text) => actionRefusal(session, "saveVerdictDraftAction", { claimId: someId, expectedVersion: null, rating: null, headline: "", summary: "", explanation: text }, "explanation"),
    comment: (text) => actionRefusal(session, "reviewVerdictAction", { verdictId: someId, revisionId: randomUUID(), decision: "request_changes", comment: text }, "comment"),
    whatChanged: (text) =>
      actionRefusal(session, "publishVerdictAction", { verdictId: someId, revisionId: randomUUID(), correction: { whatChanged: text, why: "Because." } }, "correction.whatChanged"),
    why: (text) => actionRefusal(session, "publishVerdictAction", { verdictId: someId, revisionId: randomUUID(), correction: { whatChanged: "A change.", why: text } }, "correction.why"),
  };
  for (const payload of PAYLOADS) {
    for (const [field, attempt] of Object.entries(attempts) as [Field, (text: string) => Promise<{ message: string; path: string }>][]) {
      if (accepts(field, payload)) continue;
      // Form fields travel as UTF-8, which cannot carry a lone surrogate: the browser (and fetch) send U+FFFD instead.
      if (payload.unstorable === "surrogate" && ["title", "outlet", "author"].includes(field)) continue;
      const text = field === "text" ? payload.text : hostile(field, payload).text;
      const { message, path } = await attempt(text);
      expect(message, `${field} refuses "${payload.name}" with a message naming it`).toContain(path === "file" ? "" : `${path}:`);
      expect(message.length).toBeGreaterThan(15);
      refused.set(field, (refused.get(field) ?? 0) + 1);
    }
  }
  // The claimant's identity link takes web addresses only: script and data links are refused.
  for (const payload of PAYLOADS.filter((candidate) => /^(javascript|data):/i.test(candidate.text.slice(candidate.marker.length + 1)))) {
    const link = payload.text.slice(payload.marker.length + 1);
    const { message } = await actionRefusal(session, "createClaimAction", { statement: "A statement", claimant: "A person", claimantSameAs: link, language: "en" }, "claimantSameAs");
    expect(message).toContain("claimantSameAs:");
  }
  expect(await rowCounts(), "nothing was written by the refused attempts").toEqual(before);
  expect([...refused.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOADS.length);
});

async function actionRefusal(session: HttpSession, action: string, input: Record<string, unknown>, path: string) {
  const outcome = await session.call(action, input);
  expect(outcome.ok, `${action} refuses ${path}`).toBe(false);
  if (outcome.ok) throw new Error("unreachable");
  expect(outcome.error.code).toBe("invalid");
  return { message: outcome.error.message, path };
}

async function importRefusal(session: HttpSession, details: Record<string, string>, text: string, path: string) {
  // A lone surrogate has no UTF-8 form: the file carries the bytes it would have (ED A0 80), which no decoder accepts.
  const body = text.includes("\uD800") ? wtf8(text) : text;
  const form = new FormData();
  form.set("file", new File([body], "hostile.txt", { type: "text/plain" }));
  for (const [key, value] of Object.entries({ language: "en", ...details })) form.set(key, value);
  const response = await fetch(`${session.baseUrl}/api/articles`, { method: "POST", headers: { cookie: session.cookie, origin: session.baseUrl }, body: form });
  const answer = (await response.json()) as { error?: { message: string } };
  expect(response.status, `the import refuses ${path}: ${JSON.stringify(answer).slice(0, 200)}`).toBe(422);
  return { message: answer.error!.message, path };
}

/** The bytes a lone surrogate would have in UTF-8 if it were allowed (ED A0 80), which decoders refuse. */
function wtf8(text: string): Uint8Array<ArrayBuffer> {
  const [before, after] = text.split("\uD800") as [string, string];
  const encoder = new TextEncoder();
  return new Uint8Array([...encoder.encode(before), 0xed, 0xa0, 0x80, ...encoder.encode(after)]);
}

// Written once, then read on every screen: the second test reads what the first one wrote.
test.describe.serial("hostile text written and then shown", () => {
  test("what is accepted is shown literally on every workbench screen, and no script runs", async ({ baseURL, browser }) => {
    test.setTimeout(240_000);
    const editorSession = await httpSession(baseURL!, editor.email, editor.password);
    const reviewerSession = await httpSession(baseURL!, reviewer.email, reviewer.password);
    // A few records at a time: each is a chain of dependent calls, the records are independent.
    for (let i = 0; i < STORABLE.length; i += 3) {
      const batch = STORABLE.slice(i, i + 3).map(async (payload) => {
        const user = payload === STORABLE[0] ? editor : payload === STORABLE[2] ? reviewer : await createUser("editor", "hostile-name", hostile("userName", payload).text);
        return writeRecord(payload, user, editorSession, reviewerSession);
      });
      written.push(...(await Promise.all(batch)));
    }
    // Each claim supports the next one, with a hostile rationale.
    for (const [index, record] of written.entries()) {
      const next = written[(index + 1) % written.length]!;
      await editorSession.must("relateClaimsAction", { type: "supports", fromClaimId: record.claimId, toClaimId: next.claimId, rationale: valueFor("rationale", record.payload) });
    }
    const first = written[0]!;

    const editorView = await watchedPage(browser, editor);
    expectShown("workbench: articles list", await visit(editorView, "/workbench/articles"), ["title"], written);
    expectShown("workbench: claims list", await visit(editorView, "/workbench/claims"), ["statement", "claimant", "tag"], written);
    expectShown("workbench: claim graph", await visit(editorView, "/workbench/graph"), ["statement", "claimant", "rationale"], written);
    // A search shows each hit's statement as a snippet with the matched words (here the markers) marked.
    expectShown("workbench: claims search (snippets)", await visit(editorView, `/workbench/claims?${searchForMarkers()}`), ["statement", "claimant"], written);
    for (const [index, record] of written.entries()) {
      const previous = written[(index + written.length - 1) % written.length]!;
      expectShown("workbench: annotator", await visit(editorView, `/workbench/articles/${record.articleId}`), ["title", "text", "statement", "claimant"], [record]);
      const claimPage = await visit(editorView, `/workbench/claims/${record.claimId}`);
      expectShown("workbench: claim page", claimPage, ["statement", "claimant", "tag", "rationale", "title", "headline"], [record]);
      expectShown("workbench: claim page", claimPage, ["rationale"], [previous]);
      if (record.user === editor) expectShown("workbench: claim page", claimPage, ["userName"], [record]);
      expectShown("workbench: verdict editor", await visit(editorView, `/workbench/claims/${record.claimId}/verdict`), ["statement", "claimant", "headline", "summary", "explanation", "comment"], [record]);
    }

    const reviewerView = await watchedPage(browser, reviewer);
    const queue = await visit(reviewerView, "/workbench/review");
    expectShown("workbench: review queue", queue, ["headline", "statement", "claimant"], written);
    expectShown("workbench: review queue", queue, ["userName"], [first]);
    for (const record of written) {
      const item = await visit(reviewerView, `/workbench/review/${record.revisions[2]}`);
      expectShown("workbench: review item", item, ["headline", "statement", "summary", "explanation", "comment"], [record]);
      // The summary's word diff, read as text: without the removed words it is the new summary, without the added ones the old.
      const diff = await reviewerView.page.locator(".diff-list > div").filter({ hasText: "Summary" }).locator("dd").evaluate((dd) => {
        const read = (drop: string) => {
          const copy = dd.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(`${drop}, .visually-hidden, .meta`).forEach((node) => node.remove());
          return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
        };
        return { after: read("del"), before: read("ins") };
      });
      const summary = valueFor("summary", record.payload).replace(/\s+/g, " ");
      expect(diff, `the diff of "${record.payload.name}"`).toEqual({ after: `${summary} Corrected.`, before: summary });
    }

    const adminView = await watchedPage(browser, admin);
    expectShown("workbench: users", await visit(adminView, "/workbench/users"), ["userName"], written);
  });

  test("published, it is shown literally on every public page, in the feed, the sitemap and the JSON-LD, and no script runs", async ({ baseURL, browser, request }) => {
    test.setTimeout(240_000);
    const reviewerSession = await httpSession(baseURL!, reviewer.email, reviewer.password);
    for (const record of written) {
      const correction = { whatChanged: valueFor("whatChanged", record.payload), why: valueFor("why", record.payload) };
      await reviewerSession.must("publishVerdictAction", { verdictId: record.verdictId, revisionId: record.revisions[2], correction });
    }
    const reader = await watchedPage(browser);
    expectShown("public: home", await visit(reader, "/"), ["headline", "claimant"], written);
    await visit(reader, "/methodology");
    expectShown("public: search", await visit(reader, `/search?${searchForMarkers()}`), ["headline", "claimant"], written);
    for (const record of written) {
      const page = await visit(reader, `/fact-checks/${record.slug}`);
      expectShown("public: fact-check", page, ["headline", "statement", "claimant", "summary", "explanation", "whatChanged", "why", "title", "outlet"], [record]);
      if (record.payload.text.length <= 5000) expectShown("public: fact-check", page, ["text"], [record]);
      await expectClaimReview(reader.page, record);
      const earlier = await reader.page.getByRole("link", { name: "Read the version before this correction" }).getAttribute("href");
      expect(earlier).toMatch(/\/revisions\/\d+$/);
      expectShown("public: earlier revision", await visit(reader, earlier!), ["headline", "statement", "claimant", "summary", "explanation", "whatChanged", "why"], [record]);
    }

    // The feed and the sitemap parse as XML and carry the texts exactly.
    const feed = await request.get("/feed.xml");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const entries = await parseXml(reader.page, await feed.text(), "entry", ["title", "summary", "content"]);
    const feedText = entries.map((entry) => Object.values(entry).join("\n")).join("\n");
    expectShown("public: feed.xml", feedText, ["headline", "statement", "claimant", "whatChanged", "why"], written);
    const sitemap = await request.get("/sitemap.xml");
    const locations = (await parseXml(reader.page, await sitemap.text(), "url", ["loc"])).map((url) => url.loc);
    for (const record of written) expect(locations, `the sitemap lists ${record.slug}`).toContain(`${baseURL}/fact-checks/${record.slug}`);
    for (const location of locations) expect(location).toMatch(/^https?:\/\/[^\s<>"']+$/);
  });
});

/** Every JSON-LD script of the page parses, and its ClaimReview holds the stored texts exactly. */
async function expectClaimReview(page: Page, record: Written) {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts.length).toBeGreaterThan(0);
  const parsed = scripts.map((raw) => {
    expect(raw).not.toMatch(/<\/script/i);
    return JSON.parse(raw) as Record<string, unknown>;
  });
  const claimReview = parsed.find((item) => item["@type"] === "ClaimReview") as {
    claimReviewed: string;
    headline: string;
    itemReviewed: { author: { name: string } };
  };
  const stored = (
    await db().query<{ statement: string; claimant: string; headline: string }>(
      `SELECT c.statement, c.claimant, r.headline FROM claims c JOIN verdicts v ON v.claim_id = c.id JOIN verdict_revisions r ON r.id = v.current_revision_id WHERE c.id = $1`,
      [record.claimId],
    )
  ).rows[0]!;
  expect({ claimReviewed: claimReview.claimReviewed, headline: claimReview.headline, author: claimReview.itemReviewed.author.name }).toEqual({
    claimReviewed: stored.statement,
    headline: stored.headline,
    author: stored.claimant,
  });
  const byField = shown.get("public: ClaimReview JSON-LD") ?? new Map<Field, number>();
  shown.set("public: ClaimReview JSON-LD", byField);
  for (const field of ["statement", "headline", "claimant"] as const) {
    if (accepts(field, record.payload)) byField.set(field, (byField.get(field) ?? 0) + 1);
  }
}

/** The text of the named children of every `element` of the XML, parsed by the browser; fails when it is not well-formed. */
async function parseXml(page: Page, xml: string, element: string, children: string[]): Promise<Record<string, string>[]> {
  const parsed = await page.evaluate(
    ({ xml, element, children }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      if (doc.getElementsByTagName("parsererror").length > 0) return null;
      return [...doc.getElementsByTagName(element)].map((node) => Object.fromEntries(children.map((child) => [child, node.getElementsByTagName(child)[0]?.textContent ?? ""])));
    },
    { xml, element, children },
  );
  expect(parsed, `the ${element}s parse as well-formed XML`).not.toBeNull();
  return parsed!;
}

test.afterAll(async () => {
  // The first test and the two others may run in different workers: each reports what its tests saw.
  if (shown.size === 0 && refused.size === 0) return;
  const fields = Object.keys(FIELDS) as Field[];
  const tally = (byField: Map<Field, number>) => `${fields.map((field) => byField.get(field) ?? 0).join(" | ")} | ${[...byField.values()].reduce((a, b) => a + b, 0)}`;
  const lines = [
    `payloads: ${PAYLOADS.length} (${STORABLE.length} storable); screens visited: ${screensVisited}`,
    `screen | ${fields.join(" | ")} | total`,
    ...[...shown].map(([screen, byField]) => `${screen} | ${tally(byField)}`),
  ];
  if (refused.size > 0) lines.push(`refused (4xx / ok:false, nothing written) | ${tally(refused)}`);
  const shownTotal = [...shown.values()].flatMap((byField) => [...byField.values()]).reduce((a, b) => a + b, 0);
  if (shown.size > 0) lines.push(`payload x field x screen checks shown literally: ${shownTotal}`);
  console.log(lines.join("\n"));
});
