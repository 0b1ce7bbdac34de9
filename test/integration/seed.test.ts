// The demo seed: built through the use cases, idempotent, and faithful to the five seed articles.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { parseArticle } from "@/lib/articles/parse-article";
import { DEMO_CLAIMS, DEMO_USERS, SEED_ARTICLE_FILES } from "@/seeds/demo-data";
import { SEED_ARTICLES_DIR, seedDemo, type SeedReport } from "@/seeds/seed-demo";
import { tableCounts, type TableCounts } from "@/test/integration/support";

const db = getDb();
const PASSWORD = "seed-test-password-not-secret";

function demoClaim(key: string) {
  const claim = DEMO_CLAIMS.find((entry) => entry.key === key);
  if (!claim) throw new Error(`no demo claim ${key}`);
  return db.claim.findFirstOrThrow({ where: { statement: claim.statement, claimant: claim.claimant } });
}

let countsAfterFirst: TableCounts;
let countsAfterSecond: TableCounts;
let secondReport: SeedReport;

beforeAll(async () => {
  // Another file may have seeded already; either way the database is seeded after this call.
  await seedDemo({ password: PASSWORD });
  countsAfterFirst = await tableCounts();
  secondReport = await seedDemo({ password: PASSWORD });
  countsAfterSecond = await tableCounts();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemo", () => {
  it("creates nothing when run a second time, not even an audit row", () => {
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(secondReport).toEqual({
      createdAccounts: [],
      articles: { imported: 0, alreadyThere: SEED_ARTICLE_FILES.length },
      claimsCreated: 0,
      verdictPublished: false,
    });
  });

  it("creates the three demo accounts, one per role", async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } });
    expect(users.map((user) => `${user.email}:${user.role}:${user.status}`).sort()).toEqual(
      DEMO_USERS.map((user) => `${user.email}:${user.role}:active`).sort(),
    );
  });

  it("keeps the raw bytes of the five seed articles exactly as in seeds/articles/", async () => {
    for (const file of SEED_ARTICLE_FILES) {
      const bytes = await readFile(`${SEED_ARTICLES_DIR}${file}`);
      const parsed = await parseArticle(bytes, "text/plain");
      if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
      const revisions = await db.articleRevision.findMany({ where: { textHash: parsed.textHash } });
      expect(revisions, file).toHaveLength(1);
      const [revision] = revisions;
      expect(Buffer.from(revision!.raw).equals(bytes), `${file}: stored raw bytes differ from the file`).toBe(true);
      expect(revision!.text).toBe(parsed.text);
    }
  });

  it("links Maduro's authorisation claim and Bolton's departure claim as contradicting", async () => {
    const maduro = await demoClaim("maduro-authorisation");
    const bolton = await demoClaim("bolton-departure");
    const relations = await db.claimRelation.findMany({
      where: {
        type: "contradicts",
        OR: [
          { fromClaimId: maduro.id, toClaimId: bolton.id },
          { fromClaimId: bolton.id, toClaimId: maduro.id },
        ],
      },
    });
    expect(relations).toHaveLength(1);
    expect(relations[0]!.rationale).toMatch(/behind his back/);
  });

  it("anchors the no-diplomatic-relations claim in an English and a French article", async () => {
    const claim = await demoClaim("no-diplomatic-relations");
    const passages = await db.passage.findMany({
      where: { claimId: claim.id },
      include: { article: { select: { language: true } }, articleRevision: { select: { text: true } } },
    });
    expect(passages.map((passage) => passage.article.language).sort()).toEqual(["en", "fr"]);
    for (const passage of passages) {
      // Each passage quotes the article's text exactly at its offsets.
      expect(passage.articleRevision.text.slice(passage.start ?? -1, passage.end ?? -1)).toBe(passage.exact);
      expect(passage.status).toBe("anchored");
    }
    expect(passages.find((passage) => passage.article.language === "fr")!.exact).toContain("relations diplomatiques");
  });

  it("publishes the Maduro verdict once, approved by a reviewer who did not write it, after changes were requested", async () => {
    const maduro = await demoClaim("maduro-authorisation");
    const verdict = await db.verdict.findUniqueOrThrow({
      where: { claimId: maduro.id },
      include: {
        revisions: { orderBy: { number: "asc" }, include: { reviews: { include: { reviewer: true } } } },
        publication: { include: { corrections: true } },
      },
    });
    expect(await db.publication.count({ where: { verdictId: verdict.id } })).toBe(1);
    expect(verdict.status).toBe("published");
    const publication = verdict.publication!;
    expect(publication.corrections).toEqual([]);

    const published = verdict.revisions.find((revision) => revision.id === publication.publishedRevisionId)!;
    expect(verdict.currentRevisionId).toBe(published.id);
    const approvals = published.reviews.filter((review) => review.decision === "approve");
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.reviewer.role).toBe("reviewer");
    expect(approvals[0]!.reviewerId).not.toBe(published.authorId);

    const earlier = verdict.revisions.filter((revision) => revision.number < published.number);
    expect(earlier.length).toBeGreaterThanOrEqual(1);
    expect(earlier.flatMap((revision) => revision.reviews.map((review) => review.decision))).toContain("request_changes");
    const sentBack = earlier.flatMap((revision) => revision.reviews).find((review) => review.decision === "request_changes")!;
    expect(sentBack.comment.trim()).not.toBe("");
  });
});
