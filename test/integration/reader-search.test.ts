// Readers' search over stored, indexed vectors (issue 11, item 10): published_search follows
// publications and corrections, holds what the approved snapshot says (not the live claim), and a
// search over its bounds says clearly that search is busy.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { updateClaim } from "@/lib/claims/update-claim";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { searchPublishedFactChecks } from "@/lib/search/search-published-fact-checks";
import { MAX_CONCURRENT_READER_SEARCHES, SEARCH_BUSY_MESSAGE } from "@/lib/search/bounded-search";
import { expectDomainError, makeClaim, makeUser, unique, verdictContent } from "./support";

let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});

async function approve(claimId: string, label: string, expectedVersion: number | null) {
  const draft = await saveVerdictDraft(editor, { claimId, expectedVersion, ...verdictContent(label) });
  const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  return { verdictId: draft.verdictId, revisionId: submitted.revisionId };
}

/** Slugs readers find for this query among this test's fact-checks (full-text or near matches). */
async function found(q: string, claimant: string): Promise<string[]> {
  return (await searchPublishedFactChecks({ q, claimant })).items.map((item) => item.slug);
}

describe("published_search", () => {
  it("follows a publication and its correction, in the publishing transaction", async () => {
    const claimant = `Reader search ${unique()}`;
    const first = `firstword${unique()}`;
    const second = `secondword${unique()}`;
    const claim = await makeClaim(editor, { statement: `The harbour reopened within a week ${unique()}`, claimant });
    expect(await found(first, claimant)).toEqual([]);

    const approved = await approve(claim.id, first, null);
    expect(await getDb().publishedSearch.count({ where: { claimant } })).toBe(0);
    const { slug, publicationId } = await publishVerdict(reviewer, approved);
    expect(await found(first, claimant)).toEqual([slug]);

    const version = (await getDb().verdict.findUniqueOrThrow({ where: { id: approved.verdictId } })).version;
    const corrected = await approve(claim.id, second, version);
    // Approved but not yet published: readers still find the published revision only.
    expect(await found(second, claimant)).toEqual([]);
    await publishVerdict(reviewer, { ...corrected, correction: { whatChanged: "The headline.", why: "A clearer wording." } });
    expect(await found(second, claimant)).toEqual([slug]);
    expect(await found(first, claimant)).toEqual([]);

    const row = await getDb().publishedSearch.findUniqueOrThrow({ where: { publicationId } });
    expect(row).toMatchObject({ revisionId: corrected.revisionId, slug, claimant, rating: "mixed" });
    expect(row.headline).toContain(second);
  });

  it("holds the claim as the approved snapshot froze it: a rewording after publication changes nothing readers find", async () => {
    const claimant = `Reader snapshot ${unique()}`;
    const published = `publishedword${unique()}`;
    const reworded = `rewordedword${unique()}`;
    const claim = await makeClaim(editor, { statement: `The minister promised ${published}`, claimant });
    const { slug } = await publishVerdict(reviewer, await approve(claim.id, unique(), null));

    const current = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    await updateClaim(editor, { claimId: claim.id, expectedVersion: current.version, statement: `The minister promised ${reworded}`, claimant, language: "en" });

    const [hit] = (await searchPublishedFactChecks({ q: published, claimant })).items;
    expect(hit).toMatchObject({ slug, claimStatement: `The minister promised ${published}` });
    expect(await found(reworded, claimant)).toEqual([]);
  });
});

describe("a reader's search over its bounds", () => {
  it("says search is busy when a statement runs out of time, and when too many searches run at once", async () => {
    // Another session holds published_search, so every reader's search waits on it until its
    // statement timeout (on the embedded PostgreSQL, which runs one transaction at a time, until it
    // gives up waiting for its transaction).
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE published_search IN ACCESS EXCLUSIVE MODE");
      const waiting = Array.from({ length: MAX_CONCURRENT_READER_SEARCHES }, (_, n) => searchPublishedFactChecks({ q: `held ${n} ${unique()}` }));
      const settled = Promise.allSettled(waiting);
      // One more while they wait: refused at once.
      const refused = await expectDomainError(searchPublishedFactChecks({ q: `one more ${unique()}` }), "rate_limited");
      expect(refused.message).toBe(SEARCH_BUSY_MESSAGE);
      // The waiting ones run out of time: the same clear answer, not a database error.
      for (const outcome of await settled) {
        expect(outcome).toMatchObject({ status: "rejected", reason: { code: "rate_limited", message: SEARCH_BUSY_MESSAGE } });
      }
      // A listing without a query is bounded the same way.
      await expectDomainError(searchPublishedFactChecks({}), "rate_limited");
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
    // Once the lock is gone, searches answer again.
    expect((await searchPublishedFactChecks({ q: "minister" })).items).toBeDefined();
  });
});
