// The database itself: migrations build it from nothing, and its constraints and triggers refuse bad
// rows even when a use case is bypassed (raw SQL or direct Prisma calls).
import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { applyMigrations } from "@/scripts/db/apply-migrations";
import { createDatabase, dropDatabase } from "@/scripts/db/create-database";
import { startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { databaseRefusal, snapshotRevisions, TABLES, UNCOUNTED_TABLES, unique } from "@/test/integration/support";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const db = getDb();

afterAll(async () => {
  await db.$disconnect();
});

// Check violations carry SQLSTATE 23514, unique violations 23505; the immutability triggers raise
// integrity_constraint_violation (23000).
const CHECK = "23514";
const UNIQUE = "23505";
const IMMUTABLE = "23000";

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** A brand-new, empty database next to the test database (or an embedded one when that is PGlite). */
async function emptyDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  if (/PGlite/i.test(row?.version ?? "")) {
    const dataDir = await mkdtemp(path.join(tmpdir(), "claimwork-schema-test-"));
    const embedded = await startEmbeddedPostgres({ dataDir });
    return {
      url: embedded.url,
      dispose: async () => {
        await embedded.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = new URL(process.env.DATABASE_URL!);
  serverUrl.pathname = "/postgres";
  const name = `claimwork_schema_test_${unique()}`;
  const url = await createDatabase(serverUrl.toString(), name);
  return { url, dispose: () => dropDatabase(serverUrl.toString(), name) };
}

describe("migrations", () => {
  it("build every table, trigger and the migration record on an empty database", async () => {
    const database = await emptyDatabase();
    try {
      const applied = await applyMigrations(database.url);
      const expectedMigrations = await migrationNames();
      expect(applied).toEqual(expectedMigrations);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
        );
        expect(tables.rows.map((row) => row.table_name)).toEqual([...TABLES, ...UNCOUNTED_TABLES, "_prisma_migrations"].sort());

        const recorded = await client.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
          `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
        );
        expect(recorded.rows.map((row) => row.migration_name)).toEqual(expectedMigrations);
        for (const row of recorded.rows) {
          expect(row.finished_at).toBeInstanceOf(Date);
          expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        }

        const triggers = await client.query<{ trigger_name: string }>(
          `SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY trigger_name`,
        );
        expect(triggers.rows.map((row) => row.trigger_name)).toEqual(
          expect.arrayContaining([
            "article_revisions_immutable",
            "verdict_revisions_immutable",
            "reviews_immutable",
            "corrections_immutable",
            "audit_events_append_only",
            "reviews_four_eyes",
            "publications_approved_revision",
            "fact_check_snapshots_immutable",
            "verdict_revision_authors_immutable",
            "verdict_revision_authors_before_review",
          ]),
        );
      } finally {
        await client.end();
      }

      // Applying again is a no-op, so `npm start` can run migrations on every start.
      expect(await applyMigrations(database.url)).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});

/** Rows created with Prisma directly, bypassing every use case, for the database checks. */
async function makeGraph() {
  const token = unique();
  const user = (role: "editor" | "reviewer") =>
    db.user.create({ data: { email: `schema-${role}-${unique()}@test.claimwork.example`, name: `Schema ${role}`, passwordHash: "not-a-hash", role } });
  const author = await user("editor");
  const reviewer = await user("reviewer");
  const article = await db.article.create({ data: { title: `Schema article ${token}`, language: "en", createdById: author.id } });
  const text = `Schema test article text ${token}: the minister approved the talks.`;
  const revision = await db.articleRevision.create({
    data: {
      articleId: article.id,
      number: 1,
      raw: new TextEncoder().encode(text),
      rawMediaType: "text/plain",
      text,
      textHash: createHash("sha256").update(text).digest("hex"),
      createdById: author.id,
    },
  });
  const claim = (n: number) =>
    db.claim.create({ data: { statement: `Schema claim ${n} ${token}`, claimant: "Someone", language: "en", createdById: author.id } });
  const [a, b, c] = [await claim(1), await claim(2), await claim(3)];
  return { token, author, reviewer, article, revision, claims: { a, b, c } };
}

type Graph = Awaited<ReturnType<typeof makeGraph>>;

/** A verdict on a new claim with one submitted revision, optionally approved by the other user. */
async function makeVerdict(graph: Graph, options: { approve?: boolean } = {}) {
  const claim = await db.claim.create({
    data: { statement: `Verdict claim ${unique()}`, claimant: "Someone", language: "en", createdById: graph.author.id },
  });
  const verdict = await db.verdict.create({ data: { claimId: claim.id, createdById: graph.author.id } });
  const revision = await db.verdictRevision.create({
    data: { verdictId: verdict.id, number: 1, rating: "mixed", headline: "Partly true", summary: "Summary.", explanation: "Explanation.", authorId: graph.author.id },
  });
  await db.$transaction((tx) => snapshotRevisions(tx, [revision.id]));
  if (options.approve) {
    await db.review.create({ data: { verdictRevisionId: revision.id, reviewerId: graph.reviewer.id, decision: "approve" } });
  }
  return { claim, verdict, revision };
}

describe("database invariants (bypassing the use cases)", () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await makeGraph();
  });

  it("refuses a relation of a claim to itself", async () => {
    const { a } = graph.claims;
    const refusal = await databaseRefusal((tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO claim_relations (type, from_claim_id, to_claim_id, rationale, created_by_id) VALUES ('supports', $1::uuid, $1::uuid, 'self', $2::uuid)`,
        a.id,
        graph.author.id,
      ),
    );
    expect(refusal.code).toBe(CHECK);
    expect(refusal.message).toContain("claim_relations_not_self");
  });

  it("refuses a duplicate relation, and the mirror of a symmetric one, but allows the mirror of supports", async () => {
    const { a, b, c } = graph.claims;
    const relate = (type: "supports" | "contradicts" | "same_claim", from: string, to: string) =>
      db.claimRelation.create({ data: { type, fromClaimId: from, toClaimId: to, rationale: "test", createdById: graph.author.id } });

    await relate("supports", a.id, b.id);
    expect((await databaseRefusal((tx) => tx.claimRelation.create({
      data: { type: "supports", fromClaimId: a.id, toClaimId: b.id, rationale: "again", createdById: graph.author.id },
    }))).code).toBe(UNIQUE);

    // supports is directed: B supports A is another relation.
    const mirror = await relate("supports", b.id, a.id);
    expect(mirror.fromClaimId).toBe(b.id);

    await relate("contradicts", a.id, c.id);
    const contradictsMirror = await databaseRefusal((tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO claim_relations (type, from_claim_id, to_claim_id, rationale, created_by_id) VALUES ('contradicts', $1::uuid, $2::uuid, 'mirror', $3::uuid)`,
        c.id,
        a.id,
        graph.author.id,
      ),
    );
    expect(contradictsMirror.code).toBe(UNIQUE);
    expect(contradictsMirror.message).toContain("claim_relations_symmetric_pair_key");

    await relate("same_claim", b.id, c.id);
    expect((await databaseRefusal((tx) => tx.claimRelation.create({
      data: { type: "same_claim", fromClaimId: c.id, toClaimId: b.id, rationale: "mirror", createdById: graph.author.id },
    }))).code).toBe(UNIQUE);

    const stored = await db.claimRelation.findMany({ where: { fromClaimId: { in: [a.id, b.id, c.id] } } });
    expect(stored.map((relation) => `${relation.type}:${relation.fromClaimId === a.id ? "a" : relation.fromClaimId === b.id ? "b" : "c"}`).sort()).toEqual(
      ["contradicts:a", "same_claim:b", "supports:a", "supports:b"],
    );
  });

  it("refuses a second verdict for the same claim", async () => {
    const { verdict } = await makeVerdict(graph);
    const refusal = await databaseRefusal((tx) => tx.verdict.create({ data: { claimId: verdict.claimId, createdById: graph.author.id } }));
    expect(refusal.code).toBe(UNIQUE);
    expect(await db.verdict.count({ where: { claimId: verdict.claimId } })).toBe(1);
  });

  it("refuses a duplicate publication slug", async () => {
    const first = await makeVerdict(graph, { approve: true });
    const second = await makeVerdict(graph, { approve: true });
    const slug = `schema-slug-${graph.token}`;
    await db.publication.create({
      data: { verdictId: first.verdict.id, slug, publishedRevisionId: first.revision.id, publishedById: graph.reviewer.id },
    });
    const publishSecond = (withSlug: string) => (tx: Parameters<Parameters<typeof databaseRefusal>[0]>[0]) =>
      tx.publication.create({
        data: { verdictId: second.verdict.id, slug: withSlug, publishedRevisionId: second.revision.id, publishedById: graph.reviewer.id },
      });
    expect((await databaseRefusal(publishSecond(slug))).code).toBe(UNIQUE);
    // The same row with a slug of its own is accepted: the slug was the only problem.
    expect((await databaseRefusal(publishSecond(`${slug}-2`))).code).toBe("accepted");
  });

  it("refuses a review by the author of the revision (four-eyes rule)", async () => {
    const { revision } = await makeVerdict(graph);
    const refusal = await databaseRefusal((tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO reviews (verdict_revision_id, reviewer_id, decision) VALUES ($1::uuid, $2::uuid, 'approve')`,
        revision.id,
        graph.author.id,
      ),
    );
    expect(refusal.code).toBe(CHECK);
    expect(refusal.message).toContain("four-eyes");
    // Another user's review of the same revision is accepted.
    expect((await databaseRefusal((tx) =>
      tx.review.create({ data: { verdictRevisionId: revision.id, reviewerId: graph.reviewer.id, decision: "approve" } }),
    )).code).toBe("accepted");
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the audit log", async () => {
    const event = await db.auditEvent.create({
      data: { action: "test.schema", entityType: "test", entityId: graph.token, after: { note: "original" } },
    });
    for (const sql of [
      `UPDATE audit_events SET action = 'tampered' WHERE id = ${event.id}`,
      `DELETE FROM audit_events WHERE id = ${event.id}`,
      `TRUNCATE audit_events`,
    ]) {
      const refusal = await databaseRefusal((tx) => tx.$executeRawUnsafe(sql));
      expect(refusal.code, sql).toBe(IMMUTABLE);
    }
    // Through Prisma too.
    expect((await databaseRefusal((tx) => tx.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } }))).code).toBe(IMMUTABLE);
    expect((await databaseRefusal((tx) => tx.auditEvent.deleteMany({ where: { id: event.id } }))).code).toBe(IMMUTABLE);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toMatchObject({ action: "test.schema", after: { note: "original" } });
  });

  it("refuses UPDATE and DELETE of article revisions and verdict revisions", async () => {
    const { revision: verdictRevision } = await makeVerdict(graph);
    const statements = [
      [`UPDATE article_revisions SET text = 'rewritten' WHERE id = $1::uuid`, graph.revision.id],
      [`DELETE FROM article_revisions WHERE id = $1::uuid`, graph.revision.id],
      [`UPDATE verdict_revisions SET rating = 'true' WHERE id = $1::uuid`, verdictRevision.id],
      [`DELETE FROM verdict_revisions WHERE id = $1::uuid`, verdictRevision.id],
    ] as const;
    for (const [sql, id] of statements) {
      const refusal = await databaseRefusal((tx) => tx.$executeRawUnsafe(sql, id));
      expect(refusal.code, sql).toBe(IMMUTABLE);
      expect(refusal.message).toContain("immutable");
    }
    expect((await db.articleRevision.findUniqueOrThrow({ where: { id: graph.revision.id } })).text).toBe(graph.revision.text);
    expect((await db.verdictRevision.findUniqueOrThrow({ where: { id: verdictRevision.id } })).rating).toBe("mixed");
  });

  it("refuses a publication of a revision that no reviewer approved", async () => {
    const { verdict, revision } = await makeVerdict(graph);
    const publish = () =>
      databaseRefusal((tx) =>
        tx.$executeRawUnsafe(
          `INSERT INTO publications (verdict_id, slug, published_revision_id, published_by_id, updated_at) VALUES ($1::uuid, $2, $3::uuid, $4::uuid, now())`,
          verdict.id,
          `unapproved-${graph.token}`,
          revision.id,
          graph.reviewer.id,
        ),
      );
    const unreviewed = await publish();
    expect(unreviewed.code).toBe(CHECK);
    expect(unreviewed.message).toContain("only an approved revision can be published");

    // Changes requested is not an approval either.
    await db.review.create({ data: { verdictRevisionId: revision.id, reviewerId: graph.reviewer.id, decision: "request_changes", comment: "no" } });
    expect((await publish()).code).toBe(CHECK);

    await db.review.create({ data: { verdictRevisionId: revision.id, reviewerId: graph.reviewer.id, decision: "approve" } });
    expect((await publish()).code).toBe("accepted");
  });

  it("refuses a publication that shows a revision of another verdict", async () => {
    const mine = await makeVerdict(graph, { approve: true });
    const other = await makeVerdict(graph, { approve: true });
    const refusal = await databaseRefusal((tx) =>
      tx.publication.create({
        data: { verdictId: mine.verdict.id, slug: `crossed-${graph.token}`, publishedRevisionId: other.revision.id, publishedById: graph.reviewer.id },
      }),
    );
    expect(refusal.code).toBe(CHECK);
  });

  it("refuses a passage whose end is not after its start", async () => {
    const passage = (start: number, end: number) => (tx: Parameters<Parameters<typeof databaseRefusal>[0]>[0]) =>
      tx.passage.create({
        data: {
          claimId: graph.claims.a.id,
          articleId: graph.article.id,
          articleRevisionId: graph.revision.id,
          exact: "minister",
          start,
          end,
          createdById: graph.author.id,
        },
      });
    expect((await databaseRefusal(passage(10, 10))).code).toBe(CHECK);
    expect((await databaseRefusal(passage(10, 5))).code).toBe(CHECK);
    expect((await databaseRefusal(passage(-1, 5))).code).toBe(CHECK);
    expect((await databaseRefusal(passage(10, 18))).code).toBe("accepted");
  });

  it("refuses a verdict revision headline of 75 characters or more", async () => {
    const { verdict } = await makeVerdict(graph);
    const revisionWithHeadline = (headline: string) => (tx: Parameters<Parameters<typeof databaseRefusal>[0]>[0]) =>
      tx.verdictRevision.create({
        data: { verdictId: verdict.id, number: 2, rating: "false", headline, summary: "Summary.", explanation: "Explanation.", authorId: graph.author.id },
      });
    expect((await databaseRefusal(revisionWithHeadline("h".repeat(75)))).code).toBe(CHECK);
    expect((await databaseRefusal(revisionWithHeadline("é".repeat(80)))).code).toBe(CHECK);
    expect((await databaseRefusal(revisionWithHeadline(""))).code).toBe(CHECK);
    // 74 characters, even of multi-byte letters, is within the limit.
    expect((await databaseRefusal(revisionWithHeadline("é".repeat(74)))).code).toBe("accepted");
  });
});

describe("schema.prisma matches the SQL", () => {
  it("creates a row in every model through Prisma and reads it back", async () => {
    const token = unique();
    const author = await db.user.create({
      data: { email: `every-model-${token}@test.claimwork.example`, name: "Every Model", passwordHash: "hash", role: "editor" },
    });
    const reviewer = await db.user.create({
      data: { email: `every-model-reviewer-${token}@test.claimwork.example`, name: "Every Reviewer", passwordHash: "hash", role: "reviewer", status: "disabled" },
    });
    const attempt = await db.signInAttempt.create({ data: { email: author.email, ip: `203.0.113.${token}`, succeeded: false } });
    const deviceHash = createHash("sha256").update(`device-${token}`).digest("hex");
    const knownDeviceAttempt = await db.signInAttempt.create({ data: { email: author.email, ip: `203.0.113.${token}`, succeeded: true, source: "known_device", deviceHash } });
    const userSession = await db.userSession.create({ data: { userId: author.id } });
    const invitation = await db.accountLink.create({
      data: { kind: "invitation", tokenHash: createHash("sha256").update(`invite-${token}`).digest("hex"), email: `invited-${token}@test.claimwork.example`, name: "Invited", role: "reviewer", createdById: author.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const reset = await db.accountLink.create({
      data: { kind: "password_reset", tokenHash: createHash("sha256").update(`reset-${token}`).digest("hex"), userId: reviewer.id, createdById: author.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await db.accountLink.update({ where: { id: reset.id }, data: { usedAt: new Date() } });
    const article = await db.article.create({
      data: {
        title: `Every model ${token}`,
        outlet: "AFP",
        author: "A. Writer",
        url: "https://example.org/article",
        language: "fr",
        publishedAt: new Date("2019-05-22T10:00:00Z"),
        createdById: author.id,
      },
    });
    const text = `Le ministre a approuvé les discussions ${token}.`;
    const raw = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${text}\r\n`)]);
    const articleRevision = await db.articleRevision.create({
      data: {
        articleId: article.id,
        number: 1,
        raw,
        rawMediaType: "text/plain; charset=utf-8",
        text,
        textHash: createHash("sha256").update(text).digest("hex"),
        createdById: author.id,
      },
    });
    const claim = await db.claim.create({
      data: {
        statement: `Les discussions étaient approuvées ${token}`,
        claimant: "Le ministre",
        claimantSameAs: "https://www.wikidata.org/wiki/Q1",
        claimedAt: new Date("2019-05-21T00:00:00Z"),
        language: "fr",
        tags: ["diplomatie", "2019"],
        createdById: author.id,
      },
    });
    const other = await db.claim.create({ data: { statement: `Autre ${token}`, claimant: "Autre", language: "und", createdById: author.id } });
    const passage = await db.passage.create({
      data: {
        claimId: claim.id,
        articleId: article.id,
        articleRevisionId: articleRevision.id,
        exact: "ministre",
        prefix: "Le ",
        suffix: " a approuvé",
        start: 3,
        end: 11,
        status: "fuzzy",
        confidence: 0.75,
        createdById: author.id,
      },
    });
    const relation = await db.claimRelation.create({
      data: {
        type: "same_claim",
        fromClaimId: claim.id,
        toClaimId: other.id,
        rationale: "The same claim in another wording.",
        createdById: author.id,
        passages: { create: [{ passageId: passage.id }] },
      },
    });
    const verdict = await db.verdict.create({
      data: { claimId: claim.id, createdById: author.id, draftRating: "unproven", draftHeadline: "Brouillon", draftSummary: "S", draftExplanation: "E" },
    });
    const revision1 = await db.verdictRevision.create({
      data: { verdictId: verdict.id, number: 1, rating: "mostly_false", headline: "Plutôt faux", summary: "Résumé.", explanation: "Explication.", authorId: author.id },
    });
    const revision2 = await db.verdictRevision.create({
      data: { verdictId: verdict.id, number: 2, rating: "true", headline: "Vrai", summary: "Résumé 2.", explanation: "Explication 2.", authorId: author.id },
    });
    await db.verdictRevisionAuthor.create({ data: { verdictRevisionId: revision1.id, userId: author.id } });
    await db.$transaction((tx) => snapshotRevisions(tx, [revision1.id, revision2.id]));
    const review1 = await db.review.create({ data: { verdictRevisionId: revision1.id, reviewerId: reviewer.id, decision: "approve", comment: "ok" } });
    await db.review.create({ data: { verdictRevisionId: revision2.id, reviewerId: reviewer.id, decision: "approve" } });
    await db.verdict.update({ where: { id: verdict.id }, data: { status: "published", currentRevisionId: revision2.id, version: { increment: 1 } } });
    const publication = await db.publication.create({
      data: { verdictId: verdict.id, slug: `every-model-${token}`, publishedRevisionId: revision1.id, publishedById: reviewer.id },
    });
    const correction = await db.correction.create({
      data: { publicationId: publication.id, previousRevisionId: revision1.id, revisionId: revision2.id, kind: "update", whatChanged: "The rating.", why: "New evidence.", sourceUpdatedAt: new Date("2026-11-30T12:00:00Z"), createdById: reviewer.id },
    });
    await db.publication.update({ where: { id: publication.id }, data: { publishedRevisionId: revision2.id } });
    const sourceChange = await db.sourceChangeItem.create({
      data: {
        verdictId: verdict.id,
        passages: { create: [{ quotedPassageId: passage.id, articleRevisionId: articleRevision.id, currentPassageId: passage.id, anchorStatus: "fuzzy", confidence: 0.75 }] },
      },
    });
    await db.sourceChangeItem.update({
      where: { id: sourceChange.id },
      data: { status: "confirmed", resolutionNote: "Still says the same.", resolvedById: reviewer.id, resolvedAt: new Date("2026-12-01T00:00:00Z"), version: { increment: 1 } },
    });
    const audit = await db.auditEvent.create({
      data: { actorId: author.id, action: "test.every_model", entityType: "claim", entityId: claim.id, before: { a: [1, "x"] }, after: { b: null }, requestId: `req-${token}` },
    });

    expect(await db.user.findUniqueOrThrow({ where: { id: reviewer.id } })).toMatchObject({
      email: reviewer.email,
      role: "reviewer",
      status: "disabled",
      sessionVersion: 0,
    });
    expect(await db.signInAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ ip: `203.0.113.${token}`, succeeded: false, source: "unknown", deviceHash: null });
    expect(await db.signInAttempt.findUniqueOrThrow({ where: { id: knownDeviceAttempt.id } })).toMatchObject({ succeeded: true, source: "known_device", deviceHash });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: userSession.id } })).toMatchObject({ userId: author.id });
    expect(await db.accountLink.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ kind: "invitation", role: "reviewer", name: "Invited", userId: null, usedAt: null, revokedAt: null });
    expect(await db.accountLink.findUniqueOrThrow({ where: { id: reset.id } })).toMatchObject({ kind: "password_reset", userId: reviewer.id, email: null, usedAt: expect.any(Date) });
    const exchangeImport = await db.exchangeImport.create({
      data: { id: randomUUID(), format: "csv", fileName: `every-model-${token}.csv`, itemCount: 1, importedCount: 1, skippedCount: 0, refusedCount: 0, importedById: author.id },
    });
    const external = await db.externalFactCheck.create({
      data: { dedupeKey: `every-model-${token}`, publisherName: "Example Verify", reviewUrl: "https://verify.example.org/x", claimText: `Every model ${token}`, ratingText: "Faux", ratingKey: "faux", language: "fr", importId: exchangeImport.id },
    });
    const mapping = await db.ratingMapping.create({ data: { ratingKey: `every model ${token}`, ratingText: `Every model ${token}`, rating: "mixed", updatedById: author.id } });
    expect(await db.externalFactCheck.findUniqueOrThrow({ where: { id: external.id }, include: { import: true } })).toMatchObject({ ratingKey: "faux", import: { format: "csv", importedById: author.id } });
    expect(await db.ratingMapping.findUniqueOrThrow({ where: { ratingKey: mapping.ratingKey } })).toMatchObject({ rating: "mixed", version: 1 });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      outlet: "AFP",
      author: "A. Writer",
      url: "https://example.org/article",
      language: "fr",
      publishedAt: new Date("2019-05-22T10:00:00Z"),
      deletedAt: null,
      version: 1,
    });
    const storedRevision = await db.articleRevision.findUniqueOrThrow({ where: { id: articleRevision.id } });
    expect(Buffer.from(storedRevision.raw).equals(Buffer.from(raw))).toBe(true);
    expect(storedRevision).toMatchObject({ text, rawMediaType: "text/plain; charset=utf-8", number: 1 });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      claimantSameAs: "https://www.wikidata.org/wiki/Q1",
      claimedAt: new Date("2019-05-21T00:00:00Z"),
      tags: ["diplomatie", "2019"],
      version: 1,
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: other.id } })).tags).toEqual([]);
    expect(await db.passage.findUniqueOrThrow({ where: { id: passage.id } })).toMatchObject({
      exact: "ministre",
      prefix: "Le ",
      suffix: " a approuvé",
      start: 3,
      end: 11,
      status: "fuzzy",
      confidence: 0.75,
    });
    expect(await db.claimRelation.findUniqueOrThrow({ where: { id: relation.id }, include: { passages: true } })).toMatchObject({
      type: "same_claim",
      passages: [{ relationId: relation.id, passageId: passage.id }],
    });
    expect(await db.verdict.findUniqueOrThrow({ where: { id: verdict.id }, include: { publication: true, revisions: { orderBy: { number: "asc" } } } })).toMatchObject({
      status: "published",
      draftRating: "unproven",
      draftHeadline: "Brouillon",
      currentRevisionId: revision2.id,
      version: 2,
      publication: { slug: `every-model-${token}`, publishedRevisionId: revision2.id },
      revisions: [
        { number: 1, rating: "mostly_false", headline: "Plutôt faux" },
        { number: 2, rating: "true", headline: "Vrai" },
      ],
    });
    expect(await db.review.findUniqueOrThrow({ where: { id: review1.id } })).toMatchObject({ decision: "approve", comment: "ok", reviewerId: reviewer.id });
    expect(await db.verdictRevisionAuthor.findMany({ where: { verdictRevisionId: revision1.id } })).toMatchObject([{ verdictRevisionId: revision1.id, userId: author.id }]);
    const snapshot = await db.factCheckSnapshot.findUniqueOrThrow({ where: { verdictRevisionId: revision1.id } });
    expect(snapshot.content).toMatchObject({ claim: { id: claim.id, claimedAt: "2019-05-21" }, passages: [{ passageId: passage.id, exact: "ministre" }], related: [] });
    expect(await db.sourceChangeItem.findUniqueOrThrow({ where: { id: sourceChange.id }, include: { passages: true } })).toMatchObject({
      status: "confirmed",
      resolutionNote: "Still says the same.",
      version: 2,
      passages: [{ quotedPassageId: passage.id, currentPassageId: passage.id, anchorStatus: "fuzzy", confidence: 0.75 }],
    });
    // Written by the publications trigger only: the published revision as corrected, from its snapshot.
    expect(await db.publishedSearch.findUniqueOrThrow({ where: { publicationId: publication.id } })).toMatchObject({
      revisionId: revision2.id,
      slug: `every-model-${token}`,
      headline: "Vrai",
      summary: "Résumé 2.",
      rating: "true",
      statement: `Les discussions étaient approuvées ${token}`,
      claimant: "Le ministre",
      language: "fr",
      firstPublishedAt: publication.firstPublishedAt,
    });
    expect(await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).toMatchObject({
      previousRevisionId: revision1.id,
      revisionId: revision2.id,
      kind: "update",
      whatChanged: "The rating.",
      why: "New evidence.",
      sourceUpdatedAt: new Date("2026-11-30T12:00:00Z"),
    });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: audit.id } })).toMatchObject({
      actorId: author.id,
      before: { a: [1, "x"] },
      after: { b: null },
      requestId: `req-${token}`,
    });
  });
});
