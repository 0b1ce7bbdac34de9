// Claim search (workbench) and fact-check search (readers) against a real PostgreSQL: stemming in
// English and French, accents, typos, filters, keyset pages, hostile input, and what readers may see.
// The database is shared with the other integration files, so every test scopes its searches with a
// claimant or a word of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { addPassage } from "@/lib/claims/add-passage";
import { updateClaim } from "@/lib/claims/update-claim";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { RANKED_MATCHES_CAP, searchClaims, type ClaimSearchItem } from "@/lib/search/search-claims";
import { searchPublishedFactChecks } from "@/lib/search/search-published-fact-checks";
import { expectDomainError, expectRefusedWithoutWrites, importSmallArticle, makeClaim, makeUser, unique, verdictContent } from "./support";

let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
});

/** A claimant name no other test uses, to scope a search to this test's claims. */
const claimantFor = (label: string) => `${label} ${unique()}`;

const highlighted = (item: ClaimSearchItem | undefined) => item?.snippet?.filter((part) => part.match).map((part) => part.text.toLowerCase()) ?? [];

async function publish(claimId: string, label = unique()) {
  const draft = await saveVerdictDraft(editor, { claimId, expectedVersion: null, ...verdictContent(label) });
  const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
  return publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId });
}

describe("searchClaims: text", () => {
  it("stems English words: 'contacts' finds a claim about a 'contact'", async () => {
    const claimant = claimantFor("Stemming en");
    const { id } = await makeClaim(editor, { statement: "The minister denied any contact with the rebels", claimant, language: "en" });
    const result = await searchClaims(editor, { q: "contacts", claimant });
    expect(result.items.map((item) => item.id)).toEqual([id]);
    // A full-text match (not a near match): the stemmed word is highlighted.
    expect(highlighted(result.items[0])).toEqual(["contact"]);
  });

  it("stems French words and ignores accents: 'autorisation' and 'venezuelien'", async () => {
    const claimant = claimantFor("Stemming fr");
    const { id } = await makeClaim(editor, {
      statement: "Les autorisations ont été accordées par le gouvernement vénézuélien",
      claimant,
      language: "fr",
    });
    const plural = await searchClaims(editor, { q: "autorisation", claimant });
    expect(plural.items.map((item) => item.id)).toEqual([id]);
    expect(highlighted(plural.items[0])).toEqual(["autorisations"]);

    const unaccented = await searchClaims(editor, { q: "gouvernement venezuelien accordees", claimant });
    expect(unaccented.items.map((item) => item.id)).toEqual([id]);

    const { id: plain } = await makeClaim(editor, { statement: "Les Etats-Unis ont refuse la proposition", claimant, language: "fr" });
    const accented = await searchClaims(editor, { q: "États-Unis refusé", claimant });
    expect(accented.items.map((item) => item.id)).toEqual([plain]);
  });

  it("finds a typo by trigram similarity: 'Madurro' finds 'Maduro'", async () => {
    const claimant = claimantFor("Typo");
    const { id } = await makeClaim(editor, { statement: "Maduro says the talks had his express approval", claimant, language: "en" });
    const result = await searchClaims(editor, { q: "Madurro", claimant });
    expect(result.items.map((item) => item.id)).toEqual([id]);
    expect(result.correctedQuery?.toLowerCase()).toBe("maduro");

    const twoTypos = await searchClaims(editor, { q: "Madurro aproval", claimant });
    expect(twoTypos.items.map((item) => item.id)).toEqual([id]);
  });

  it("finds a swapped-letter typo and a missing letter: 'thrid' finds 'third', 'Pompoe' and 'quartr' too", async () => {
    const claimant = claimantFor("Swapped");
    const { id } = await makeClaim(editor, { statement: "Exports fell for the third quarter in a row, said Mike Pompeo", claimant, language: "en" });
    const swapped = await searchClaims(editor, { q: "thrid", claimant });
    expect(swapped.items.map((item) => item.id)).toEqual([id]);
    expect(swapped.correctedQuery).toBe("third");
    expect(highlighted(swapped.items[0])).toEqual(["third"]);

    expect((await searchClaims(editor, { q: "Pompoe exports", claimant })).items.map((item) => item.id)).toEqual([id]);
    expect((await searchClaims(editor, { q: "thrid quartr", claimant })).items.map((item) => item.id)).toEqual([id]);
    // Two slips ("exporrtss": two letters too many) have no spelling neighbour: trigrams correct that
    // word, while the neighbour of the other word is kept.
    const twoSlips = await searchClaims(editor, { q: "thrid exporrtss", claimant });
    expect(twoSlips.items.map((item) => item.id)).toEqual([id]);
    expect(twoSlips.correctedQuery).toBe("third exports");
  });

  it("folds accents both ways, in statements and in claimants' names", async () => {
    const claimant = `Nicolás Fébrier ${unique()}`;
    const { id } = await makeClaim(editor, { statement: "La consommation d'électricité a baissé en février", claimant, language: "fr" });
    for (const q of ["electricite", "ÉLECTRICITÉ", "fevrier baisse", "Nicolas Febrier"]) {
      expect((await searchClaims(editor, { q, claimant })).items.map((item) => item.id), q).toEqual([id]);
    }
    // A missing accent and a swapped letter in one word: folded, then corrected.
    expect((await searchClaims(editor, { q: "elcetricite", claimant })).items.map((item) => item.id)).toEqual([id]);
  });

  it("falls back to near matches of the whole statement when no claim holds every word", async () => {
    const claimant = claimantFor("Near");
    const { id } = await makeClaim(editor, {
      statement: "Opposition leaders disputed that account of the negotiations",
      claimant,
      language: "en",
    });
    // "yesterday" is in no claim of this claimant: full text (all words required) finds nothing.
    const result = await searchClaims(editor, { q: "opposition leaders disputed that account of the negotiations yesterday", claimant });
    expect(result.items.map((item) => item.id)).toEqual([id]);
    expect(highlighted(result.items[0])).toEqual([]); // a near match: no word is marked as matched
    expect(result.items[0]?.snippet?.map((part) => part.text).join("")).toBe("Opposition leaders disputed that account of the negotiations");
  });

  it("ranks a match in the statement above a match in the tags", async () => {
    const token = `rk${unique()}`;
    const claimant = claimantFor("Rank");
    const inStatement = await makeClaim(editor, { statement: `Officials discussed ${token} at length`, claimant, language: "en" });
    const inTags = await makeClaim(editor, { statement: "Officials discussed something else", claimant, language: "en", tags: [token] });
    const result = await searchClaims(editor, { q: token, claimant });
    expect(result.items.map((item) => item.id)).toEqual([inStatement.id, inTags.id]);
  });

  it("treats SQL and tsquery syntax in the query as plain words", async () => {
    const claimant = claimantFor("Hostile");
    await makeClaim(editor, { statement: "An ordinary claim about talks", claimant, language: "en" });
    const before = await getDb().claim.count();
    for (const q of [
      "'; DROP TABLE claims; --",
      "\" OR 1=1 --",
      "talks') OR ('1'='1",
      "a & | ! ( ) : * <-> \\",
      "'",
      "\u0000 talks \u0007",
      "-",
      "\"\"",
    ]) {
      const result = await searchClaims(editor, { q, claimant });
      expect(result.items.every((item) => item.claimant === claimant)).toBe(true);
    }
    const injectedFilter = await searchClaims(editor, { claimant: "x' OR '1'='1" });
    expect(injectedFilter.items).toEqual([]);
    expect(await getDb().claim.count()).toBe(before);
  });

  it("refuses a query over 200 characters, a damaged cursor and a cursor of another search", async () => {
    await expectDomainError(searchClaims(editor, { q: "x".repeat(201) }), "invalid");
    await expectDomainError(searchClaims(editor, { cursor: "not-a-cursor" }), "invalid");
    const claimant = claimantFor("Cursor");
    await makeClaim(editor, { claimant });
    await makeClaim(editor, { claimant });
    const first = await searchClaims(editor, { claimant, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    await expectDomainError(searchClaims(editor, { claimant: `${claimant} other`, limit: 1, cursor: first.nextCursor! }), "invalid");
    await expectDomainError(searchClaims(editor, { q: "talks", claimant, limit: 1, cursor: first.nextCursor! }), "invalid");
  });
});

describe("searchClaims: filters", () => {
  let claimant: string;
  const ids = {} as Record<"none" | "french" | "draft" | "inReview" | "published", string>;
  let articleId: string;

  beforeAll(async () => {
    claimant = claimantFor("Filters");
    ids.none = (await makeClaim(editor, { claimant, language: "en" })).id;
    ids.french = (await makeClaim(editor, { claimant, language: "fr", statement: `Une déclaration en français ${unique()}` })).id;
    ids.draft = (await makeClaim(editor, { claimant, language: "en" })).id;
    await saveVerdictDraft(editor, { claimId: ids.draft, expectedVersion: null, ...verdictContent() });
    ids.inReview = (await makeClaim(editor, { claimant, language: "en" })).id;
    const draft = await saveVerdictDraft(editor, { claimId: ids.inReview, expectedVersion: null, ...verdictContent(), rating: "false" });
    await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    ids.published = (await makeClaim(editor, { claimant, language: "en" })).id;
    await publish(ids.published);

    const article = await importSmallArticle(editor);
    articleId = article.articleId;
    const exact = "talks with the neighbouring government";
    const start = article.text.indexOf(exact);
    await addPassage(editor, { claimId: ids.none, articleRevisionId: article.revisionId, start, end: start + exact.length, exact });
  });

  const found = async (filters: Parameters<typeof searchClaims>[1]) =>
    (await searchClaims(editor, { claimant, ...filters })).items.map((item) => item.id).sort();

  it("by claimant, exactly and ignoring case", async () => {
    expect(await found({ claimant: claimant.toUpperCase() })).toEqual(Object.values(ids).sort());
    expect(await found({ claimant: claimant.slice(0, -1) })).toEqual([]);
  });

  it("by language", async () => {
    expect(await found({ language: "fr" })).toEqual([ids.french]);
  });

  it("by verdict status, 'none' meaning no verdict", async () => {
    expect(await found({ verdictStatus: "none" })).toEqual([ids.none, ids.french].sort());
    expect(await found({ verdictStatus: "draft" })).toEqual([ids.draft]);
    expect(await found({ verdictStatus: "in_review" })).toEqual([ids.inReview]);
    expect(await found({ verdictStatus: "published" })).toEqual([ids.published]);
    expect(await found({ verdictStatus: "approved" })).toEqual([]);
  });

  it("by rating of the current revision (a draft's rating does not count)", async () => {
    expect(await found({ rating: "false" })).toEqual([ids.inReview]);
    expect(await found({ rating: "mixed" })).toEqual([ids.published]);
  });

  it("by article, and with the DTO's verdict, rating and passage count", async () => {
    expect(await found({ articleId })).toEqual([ids.none]);
    const { items } = await searchClaims(editor, { claimant });
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(ids.none)).toMatchObject({ verdictStatus: null, rating: null, passageCount: 1, claimant, language: "en" });
    expect(byId.get(ids.inReview)).toMatchObject({ verdictStatus: "in_review", rating: "false", passageCount: 0 });
    expect(byId.get(ids.published)).toMatchObject({ verdictStatus: "published", rating: "mixed" });
    expect(byId.get(ids.draft)).toMatchObject({ verdictStatus: "draft", rating: null });
    expect(byId.get(ids.none)?.snippet).toBeUndefined();
  });

  it("combines filters with a text query", async () => {
    expect(await found({ q: "français", verdictStatus: "none" })).toEqual([ids.french]);
    expect(await found({ q: "français", verdictStatus: "draft" })).toEqual([]);
  });
});

describe("searchClaims: keyset pages", () => {
  async function collect(input: Parameters<typeof searchClaims>[1]) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await searchClaims(editor, { ...input, cursor });
      seen.push(...result.items.map((item) => item.id));
      if (!result.nextCursor) return seen;
      cursor = result.nextCursor;
    }
    throw new Error("more pages than claims");
  }

  it("return every claim exactly once, newest first, even with equal creation times", async () => {
    const claimant = claimantFor("Pages");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makeClaim(editor, { claimant })).id);
    // Three claims share one creation time (the id breaks the tie); the others are a day apart.
    await getDb().claim.updateMany({ where: { id: { in: ids.slice(0, 3) } }, data: { createdAt: new Date("2020-01-01T00:00:00.000Z") } });
    for (const [day, id] of ids.slice(3).entries()) {
      await getDb().claim.update({ where: { id }, data: { createdAt: new Date(Date.UTC(2020, 0, 2 + day)) } });
    }
    const seen = await collect({ claimant, limit: 2 });
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.slice(0, 4)).toEqual(ids.slice(3).reverse());
    expect(seen.slice(4)).toEqual(ids.slice(0, 3).sort().reverse());
  });

  it("return every match exactly once through a ranked search, equal ranks included", async () => {
    const claimant = claimantFor("Ranked pages");
    const token = `pg${unique()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await makeClaim(editor, { claimant, statement: `Talks about ${token} went on` })).id);
    for (let i = 0; i < 3; i++) ids.push((await makeClaim(editor, { claimant, statement: `${token} ${token} was said twice, ${i}` })).id);
    const seen = await collect({ q: token, claimant, limit: 3 });
    expect(seen).toHaveLength(8);
    expect(new Set(seen)).toEqual(new Set(ids));
    // The statements naming the word twice rank first.
    expect(new Set(seen.slice(0, 3))).toEqual(new Set(ids.slice(5)));
  });
});

describe("searchClaims: broad searches", () => {
  it("shows a search matching more claims than it ranks newest first, says so, and pages through it", async () => {
    const token = `br${unique()}`;
    const claimant = claimantFor("Broad");
    const count = RANKED_MATCHES_CAP + 50;
    // Inserted in one statement (the triggers index them as any claim), a day apart, newest last.
    await getDb().$executeRaw`
      INSERT INTO claims (statement, claimant, language, created_by_id, created_at, updated_at)
      SELECT 'Officials discussed ' || ${token}::text || ' again, time ' || g, ${claimant}::text, 'en', ${editor.id}::uuid,
             timestamptz '2020-01-01' + g * interval '1 day', now()
        FROM generate_series(1, ${count}::int) AS g`;
    const first = await searchClaims(editor, { q: token, claimant, limit: 10 });
    expect(first.newestFirst).toBe(true);
    expect(first.items.map((item) => item.statement)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Officials discussed ${token} again, time ${count - i}`),
    );
    expect(first.items[0]?.snippet?.some((part) => part.match)).toBe(true);
    const second = await searchClaims(editor, { q: token, claimant, limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.statement.split(" ").at(-1))).toEqual(
      Array.from({ length: 10 }, (_, i) => String(count - 10 - i)),
    );
    // Narrowed by another word to fewer matches than the cap: ranked again.
    expect((await searchClaims(editor, { q: `${token} 7`, claimant })).newestFirst).toBeUndefined();
  });
});

describe("searchClaims: matches counted by the index", () => {
  it("without filters, counts the matches from the index: newest first past the cap, ranked under it, near matches when none", async () => {
    const token = `ct${unique()}`;
    const count = RANKED_MATCHES_CAP + 1;
    await getDb().$executeRaw`
      INSERT INTO claims (statement, claimant, language, created_by_id, created_at, updated_at)
      SELECT 'Counted ' || ${token}::text || ' claim, number ' || g, 'Counted claimant', 'en', ${editor.id}::uuid,
             timestamptz '2020-01-01' + g * interval '1 day', now()
        FROM generate_series(1, ${count}::int) AS g`;
    const broad = await searchClaims(editor, { q: token, limit: 3 });
    expect(broad.newestFirst).toBe(true);
    expect(broad.items.map((item) => item.statement)).toEqual([0, 1, 2].map((i) => `Counted ${token} claim, number ${count - i}`));

    const narrow = await searchClaims(editor, { q: `${token} 1234`, limit: 3 });
    expect(narrow.newestFirst).toBeUndefined();
    expect(narrow.items.map((item) => item.statement)).toEqual([`Counted ${token} claim, number 1234`]);

    // No claim holds both words: the near matches, the claims holding either, newest first.
    const none = await searchClaims(editor, { q: `${token} nowhere${unique()}`, limit: 3 });
    expect(none.newestFirst).toBe(true);
    expect(none.items[0]?.statement).toBe(`Counted ${token} claim, number ${count}`);
  });
});

describe("searchClaims: newest first through the index's words", () => {
  it("keeps a phrase a phrase: a broad search for quoted words skips claims holding them apart", async () => {
    const token = `ph${unique()}`;
    const claimant = claimantFor("Broad phrase");
    await getDb().$executeRaw`
      INSERT INTO claims (statement, claimant, language, created_by_id, created_at, updated_at)
      SELECT 'Officials discussed ' || ${token}::text || ' reform, time ' || g, ${claimant}::text, 'en', ${editor.id}::uuid,
             timestamptz '2020-01-01' + g * interval '1 day', now()
        FROM generate_series(1, ${RANKED_MATCHES_CAP + 50}::int) AS g`;
    // The newest claims hold both words, not as the phrase: the index's stripped words match them,
    // the claim's full vector does not.
    const apart = await makeClaim(editor, { statement: `Reform came before ${token} was discussed`, claimant, language: "en" });
    const phrase = await searchClaims(editor, { q: `"${token} reform"`, claimant, limit: 5 });
    expect(phrase.newestFirst).toBe(true);
    expect(phrase.items.map((item) => item.statement)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Officials discussed ${token} reform, time ${RANKED_MATCHES_CAP + 50 - i}`),
    );
    const words = await searchClaims(editor, { q: `${token} reform`, claimant, limit: 5 });
    expect(words.items[0]?.id).toBe(apart.id);
  });

  it("keeps the index's words in step with the statement, claimant and tags when a claim is edited", async () => {
    const claimant = claimantFor("Edited words");
    const before = `wd${unique()}`;
    const after = `wd${unique()}`;
    const { id } = await makeClaim(editor, { statement: `The ${before} figure was wrong`, claimant, language: "en" });
    const terms = async () =>
      (await getDb().$queryRaw<{ same: boolean; terms: string }[]>`
        SELECT search_terms = strip(search_vector) AS same, search_terms::text AS terms FROM claims WHERE id = ${id}::uuid`)[0]!;
    expect(await terms()).toMatchObject({ same: true, terms: expect.stringContaining(before) });
    await updateClaim(editor, { claimId: id, expectedVersion: 1, statement: `The ${after} figure was right`, claimant, language: "en", tags: ["revised"] });
    const edited = await terms();
    expect(edited.same).toBe(true);
    expect(edited.terms).toContain(after);
    expect(edited.terms).not.toContain(before);
    expect(edited.terms).toContain("revised");
  });
});

describe("searchClaims: permission", () => {
  it("is refused to an actor without claims.read (a disabled editor), writing nothing", async () => {
    const disabled = await makeUser("editor", "disabled");
    await expectRefusedWithoutWrites(() => searchClaims(disabled, { q: "talks" }), "forbidden");
    await expectRefusedWithoutWrites(() => searchClaims(null as unknown as Actor, {}), "unauthenticated");
  });
});

describe("searchPublishedFactChecks (readers)", () => {
  it("never returns an unpublished claim, whatever the query or filter", async () => {
    const token = `pub${unique()}`;
    const claimant = claimantFor("Reader");
    const published = await makeClaim(editor, { claimant, statement: `The envoy met ${token} officials twice in May` });
    const { slug } = await publish(published.id);
    const unpublished = await makeClaim(editor, { claimant, statement: `The envoy never met ${token} officials at all` });
    const inReview = await makeClaim(editor, { claimant, statement: `Secret ${token} talks were approved in writing` });
    const draft = await saveVerdictDraft(editor, { claimId: inReview.id, expectedVersion: null, ...verdictContent() });
    await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });

    const slugs = async (input: Parameters<typeof searchPublishedFactChecks>[0]) =>
      (await searchPublishedFactChecks(input)).items.map((item) => item.slug);

    expect(await slugs({ q: token })).toEqual([slug]);
    // Searches that fit only the unpublished claims: at most the published one, as a near match.
    for (const q of [`${token} never`, `secret ${token} approved in writing`, unpublished.statement, inReview.statement]) {
      for (const found of await slugs({ q })) expect(found).toBe(slug);
    }
    expect(await slugs({ claimant })).toEqual([slug]);
    expect(await slugs({ claimant, rating: "false" })).toEqual([]);

    // No listing page names a claim without a publication, nor any wording but the published snapshot's.
    const publishedWordings = await getDb().$queryRaw<{ statement: string }[]>`
      SELECT s.content->'claim'->>'statement' AS statement
        FROM publications p JOIN fact_check_snapshots s ON s.verdict_revision_id = p.published_revision_id`;
    const statements = new Set(publishedWordings.map((row) => row.statement));
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await searchPublishedFactChecks({ limit: 30, cursor });
      for (const item of result.items) expect(statements.has(item.claimStatement)).toBe(true);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
  });

  it("finds a fact-check by its headline, summary or claim, with typos, and filters by rating and language", async () => {
    const claimant = claimantFor("Reader filters");
    const claim = await makeClaim(editor, { claimant, statement: "Le gouvernement a reçu des autorisations écrites", language: "fr" });
    const label = unique();
    const { slug } = await publish(claim.id, label);
    const find = async (input: Parameters<typeof searchPublishedFactChecks>[0]) =>
      (await searchPublishedFactChecks({ claimant, ...input })).items.map((item) => item.slug);

    expect(await find({ q: "autorisation ecrite" })).toEqual([slug]);
    expect(await find({ q: label })).toEqual([slug]); // the headline and summary carry the label
    expect(await find({ q: "gouvernment" })).toEqual([slug]); // a typo
    expect(await find({ rating: "mixed", language: "fr" })).toEqual([slug]);
    expect(await find({ rating: "true" })).toEqual([]);
    expect(await find({ language: "en" })).toEqual([]);
    const [hit] = (await searchPublishedFactChecks({ claimant, q: label })).items;
    expect(hit).toMatchObject({ slug, claimant, language: "fr", rating: { rating: "mixed", label: "Mixed" } });
    expect(hit?.snippet?.some((part) => part.match)).toBe(true);
  });

  it("treats hostile input as words and refuses bad input", async () => {
    for (const q of ["'; DROP TABLE publications; --", "a & | ! ( ) : *", "\u0000"]) {
      await searchPublishedFactChecks({ q });
    }
    await expectDomainError(searchPublishedFactChecks({ q: "x".repeat(201) }), "invalid");
    await expectDomainError(searchPublishedFactChecks({ cursor: "AAAA" }), "invalid");
  });
});
