import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import { expectNoAxeViolations } from "./support/accessibility";
import { httpSession, type HttpSession } from "./support/actions";
import { createUser, db } from "./support/database";

// Issue 13, item 2: a reader of a fact-check can follow every source it quotes, and a link shared
// anywhere shows the share card (og:image), a PNG the app renders from the published snapshot; the
// reader cache keeps the card and drops it with the page when a correction is published.

const run = randomBytes(4).toString("hex");
const ARTICLES = [
  {
    text: `Bridge opening ${run}.\n\nThe mayor said the new bridge opened to traffic in April, on budget.\n\nEngineers said it carried only buses until June.`,
    details: { title: `Bridge opens on budget, says mayor ${run}`, outlet: "The River Gazette", url: `https://example.org/bridge-${run}`, language: "en", publishedAt: "2025-04-10" },
    quote: "the new bridge opened to traffic in April",
  },
  {
    text: `Council minutes ${run}.\n\nThe council recorded that the bridge opened to traffic in April for buses only.\n\nCars followed in June.`,
    details: { title: `Council minutes, April session ${run}`, outlet: "City Council", url: `https://example.org/council-${run}`, language: "en", publishedAt: "2025-05-02" },
    quote: "the bridge opened to traffic in April for buses only",
  },
];

async function importArticle(editor: HttpSession, text: string, details: Record<string, string>): Promise<{ revisionId: string }> {
  const form = new FormData();
  form.set("file", new File([text], `${run}.txt`, { type: "text/plain" }));
  for (const [key, value] of Object.entries(details)) form.set(key, value);
  const response = await fetch(`${editor.baseUrl}/api/articles`, { method: "POST", headers: { cookie: editor.cookie, origin: editor.baseUrl }, body: form });
  expect(response.status).toBe(200);
  return (await response.json()) as { revisionId: string };
}

async function passageOf(revisionId: string, quote: string) {
  const { text } = (await db().query<{ text: string }>(`SELECT text FROM article_revisions WHERE id = $1`, [revisionId])).rows[0]!;
  const start = text.indexOf(quote);
  return { articleRevisionId: revisionId, start, end: start + quote.length, exact: quote };
}

/** Draft, submit (editor), approve and publish (reviewer); a correction when the verdict was published before. */
async function publish(editor: HttpSession, reviewer: HttpSession, claimId: string, rating: string, correction?: { whatChanged: string; why: string }) {
  const existing = (await db().query<{ version: number }>(`SELECT version FROM verdicts WHERE claim_id = $1`, [claimId])).rows[0];
  const content = { rating, headline: `The bridge opened to buses first ${run}`, summary: "Buses in April, cars in June.", explanation: "The council minutes and the engineers agree." };
  const draft = await editor.must<{ verdictId: string; version: number }>("saveVerdictDraftAction", { claimId, expectedVersion: existing?.version ?? null, ...content });
  const { revisionId } = await editor.must<{ revisionId: string }>("submitVerdictAction", { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewer.must("reviewVerdictAction", { verdictId: draft.verdictId, revisionId, decision: "approve" });
  return reviewer.must<{ slug: string }>("publishVerdictAction", { verdictId: draft.verdictId, revisionId, ...(correction ? { correction } : {}) });
}

/** The share card as readers' link previews fetch it, decoded: a PNG that does not decode fails here. */
async function fetchCard(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  const bytes = Buffer.from(await response.arrayBuffer());
  const png = PNG.sync.read(bytes);
  return { bytes, width: png.width, height: png.height, cache: response.headers.get("x-claimwork-cache") };
}

test("a reader follows every source of a fact-check, and its share card is a 1200×630 PNG renewed by a correction", async ({ page, baseURL }) => {
  const [editorUser, reviewerUser] = await Promise.all([createUser("editor", "sources-editor"), createUser("reviewer", "sources-reviewer")]);
  const [editor, reviewer] = await Promise.all([httpSession(baseURL!, editorUser.email, editorUser.password), httpSession(baseURL!, reviewerUser.email, reviewerUser.password)]);
  const [first, second] = [await importArticle(editor, ARTICLES[0]!.text, ARTICLES[0]!.details), await importArticle(editor, ARTICLES[1]!.text, ARTICLES[1]!.details)];
  const claim = await editor.must<{ id: string }>("createClaimAction", {
    statement: `The new bridge opened to traffic in April, on budget (${run})`,
    claimant: "The mayor",
    language: "en",
    passage: await passageOf(first.revisionId, ARTICLES[0]!.quote),
  });
  await editor.must("addPassageAction", { claimId: claim.id, ...(await passageOf(second.revisionId, ARTICLES[1]!.quote)) });
  const { slug } = await publish(editor, reviewer, claim.id, "mostly_false");

  await page.goto(`/fact-checks/${slug}`);
  // Every quoted article, in the sources list and under its quote, links to its own address and says which version is quoted.
  const sources = page.getByRole("region", { name: "Sources" });
  for (const article of ARTICLES) {
    await expect(sources.getByRole("link", { name: article.details.title })).toHaveAttribute("href", article.details.url);
    const quoted = page.locator("figure").filter({ has: page.locator("mark", { hasText: article.quote }) });
    await expect(quoted.getByRole("link", { name: article.details.title })).toHaveAttribute("href", article.details.url);
  }
  await expect(sources.getByRole("listitem")).toHaveCount(2);
  await expect(sources.getByRole("listitem").first()).toHaveText(`${ARTICLES[0]!.details.title}, The River Gazette, 10 April 2025`);
  await expect(page.locator("figcaption").filter({ hasText: "quoted as published on 10 April 2025" })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The share card: named by an absolute address, of the size it says.
  const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
  expect(new URL(image).href).toBe(image);
  expect(new URL(image).pathname).toBe(`/fact-checks/${slug}/share-card.png`);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const card = await fetchCard(image);
  expect([card.width, card.height]).toEqual([1200, 630]);
  const again = await fetchCard(image);
  expect(again.cache).toBe("hit");
  expect(again.bytes.equals(card.bytes)).toBe(true);

  // A correction changes the rating: the front server drops the cached card (it reads the announced
  // changes twice a second) and the next reader gets the new one, drawn again.
  await publish(editor, reviewer, claim.id, "false", { whatChanged: "The rating is now False.", why: "Cars only crossed in June." });
  let corrected = card;
  await expect.poll(async () => (corrected = await fetchCard(image)).bytes.equals(card.bytes), { timeout: 10_000 }).toBe(false);
  expect(corrected.cache).toBe("miss");
  expect([corrected.width, corrected.height]).toEqual([1200, 630]);
});
