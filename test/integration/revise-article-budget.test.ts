import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { reviseArticle } from "@/lib/articles/revise-article";
import { importArticle } from "@/lib/articles/import-article";
import { MAX_ARTICLE_TEXT_LENGTH } from "@/lib/articles/parse-article";
import { createSelectors } from "@/lib/anchoring/create-selectors";
import { makeClaim, makeUser, unique } from "./support";

let editor: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
});
afterAll(() => getDb().$disconnect());

const PASSAGES = 5000;
const QUOTE_LENGTH = 40;

describe("reviseArticle within its budget", () => {
  // The article's words are one letter repeated: every passage matches nearly everywhere, which made
  // the search of each passage run for seconds inside the revision's transaction.
  // No timing assertion: the generous timeout only keeps a loaded machine from failing the test.
  it("revises an article of one repeated letter with 5,000 passages, and stores every passage", { timeout: 180_000 }, async () => {
    const title = `One letter ${unique()}`;
    const body = "a".repeat(MAX_ARTICLE_TEXT_LENGTH - title.length - 10);
    const imported = await importArticle(editor, { bytes: new TextEncoder().encode(`${title}\n\n${body}\n`), mediaType: "text/plain", details: { language: "en" } });
    if (imported.status !== "imported") throw new Error("the article was reported as a duplicate");
    const revision = await getDb().articleRevision.findUniqueOrThrow({ where: { id: imported.revisionId } });
    const claim = await makeClaim(editor);
    const from = revision.text.indexOf("a");
    const step = Math.floor(body.length / PASSAGES);
    const rows = Array.from({ length: PASSAGES }, (_, index) => {
      const start = from + index * step;
      const made = createSelectors(revision.text, start, start + QUOTE_LENGTH);
      if (!made.ok) throw new Error(made.reason);
      const { exact, prefix, suffix } = made.selectors.quote;
      return { claimId: claim.id, articleId: imported.articleId, articleRevisionId: revision.id, exact, prefix, suffix, start, end: start + QUOTE_LENGTH, createdById: editor.id };
    });
    await getDb().passage.createMany({ data: rows });

    // One letter changed in the middle, some of the text cut at the start and at the end.
    const middle = Math.floor(body.length / 2);
    const revisedBody = `${body.slice(1000, middle)}b${body.slice(middle + 1, body.length - 1000)}`;
    const result = await reviseArticle(editor, {
      articleId: imported.articleId,
      expectedRevisionNumber: 1,
      bytes: new TextEncoder().encode(`${title}\n\n${revisedBody}\n`),
      mediaType: "text/plain",
    });

    expect(result.revisionNumber).toBe(2);
    const { anchored, moved, fuzzy, orphaned } = result.summary;
    expect(anchored + moved + fuzzy + orphaned).toBe(PASSAGES);
    const stored = await getDb().passage.findMany({ where: { articleRevisionId: result.revisionId } });
    expect(stored).toHaveLength(PASSAGES);
    const text = (await getDb().articleRevision.findUniqueOrThrow({ where: { id: result.revisionId } })).text;
    for (const passage of stored) {
      if (passage.status === "orphaned") {
        expect(passage.start).toBeNull();
        continue;
      }
      expect(text.slice(passage.start!, passage.end!)).toBe(passage.exact);
      expect(text.slice(passage.start! - passage.prefix.length, passage.start!)).toBe(passage.prefix);
    }
    // The passages in the text that was cut away are lost; the summary says what was stored.
    expect(orphaned).toBeGreaterThan(0);
    const tally = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const passage of stored) tally[passage.status]++;
    expect(tally).toEqual(result.summary);
  });
});
