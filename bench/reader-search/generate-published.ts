// Publishes many generated fact-checks for the readers' search benchmark, the way the database
// accepts them: per fact-check a claim, a verdict, its revision (headline, summary, rating), a
// reviewer's approval, the snapshot approved with it, and a publication, whose trigger writes the
// published_search row. Words come from the seed articles' own text (real news word frequencies),
// 60% English, 35% French, 5% undetermined. A few INSERT ... SELECT generate_series statements per
// batch of 10,000 on one connection; the GIN indexes are built once at the end, as in a bulk load.
import pg from "pg";
import { seedWords } from "../public-page/generate-claims";

const RATINGS = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"];

export type Generated = { published: number; seconds: number; vocabulary: string[] };

export async function generatePublished(databaseUrl: string, count: number, log: (line: string) => void): Promise<Generated> {
  const started = Date.now();
  const { en, fr, names } = await seedWords();
  const people = ["Nicolás Maduro", "John Bolton", "Donald Trump", "Mike Pompeo", "Axios", ...names.slice(0, 300)];
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-bench-reader-search" });
  await client.connect();
  try {
    const users = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, role, updated_at)
       VALUES ('bench-editor@bench.example', 'Bench Editor', 'x', 'editor', now()), ('bench-reviewer@bench.example', 'Bench Reviewer', 'x', 'reviewer', now())
       RETURNING id::text`,
    );
    const [editor, reviewer] = users.rows.map((row) => row.id) as [string, string];
    const gin = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename IN ('claims', 'published_search') AND indexdef LIKE '% USING gin %'`,
    );
    for (const index of gin.rows) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    await client.query("SELECT setseed(0.11)");
    const batch = 10_000;
    for (let done = 0; done < count; done += batch) {
      const size = Math.min(batch, count - done);
      await client.query("BEGIN");
      // One row per fact-check to be: ids, language, texts drawn from that language's word stream.
      await client.query(
        `CREATE TEMP TABLE gen ON COMMIT DROP AS
         SELECT g, gen_random_uuid() AS claim_id, gen_random_uuid() AS verdict_id, gen_random_uuid() AS revision_id,
                lang.language, words.statement, words.headline, words.summary,
                ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] AS claimant,
                ($4::text[])[1 + floor(random() * 6)::int]::"Rating" AS rating,
                now() - random() * interval '6 years' AS published_at
           FROM generate_series($5::int, $6::int) AS g,
                LATERAL (SELECT CASE WHEN random() < 0.60 THEN 'en' WHEN random() < 0.875 THEN 'fr' ELSE 'und' END AS language WHERE g > 0) AS lang,
                LATERAL (SELECT CASE WHEN lang.language = 'fr' THEN $2::text[] ELSE $1::text[] END AS stream) AS s,
                LATERAL (SELECT
                  (SELECT string_agg(s.stream[1 + floor(random() * array_length(s.stream, 1))::int + 0 * n], ' ') FROM generate_series(1, 6 + g % 10) AS n) AS statement,
                  left((SELECT string_agg(s.stream[1 + floor(random() * array_length(s.stream, 1))::int + 0 * n], ' ') FROM generate_series(1, 4 + g % 5) AS n), 74) AS headline,
                  (SELECT string_agg(s.stream[1 + floor(random() * array_length(s.stream, 1))::int + 0 * n], ' ') FROM generate_series(1, 25 + g % 20) AS n) AS summary) AS words`,
        [en, fr, people, RATINGS, done + 1, done + size],
      );
      await client.query(
        `INSERT INTO claims (id, statement, claimant, language, created_by_id, created_at, updated_at)
         SELECT claim_id, statement, claimant, language, $1::uuid, published_at, published_at FROM gen`,
        [editor],
      );
      await client.query(
        `INSERT INTO verdicts (id, claim_id, created_by_id, updated_at) SELECT verdict_id, claim_id, $1::uuid, published_at FROM gen`,
        [editor],
      );
      await client.query(
        `INSERT INTO verdict_revisions (id, verdict_id, number, rating, headline, summary, explanation, author_id, created_at)
         SELECT revision_id, verdict_id, 1, rating, headline, summary, 'Generated for the benchmark.', $1::uuid, published_at FROM gen`,
        [editor],
      );
      await client.query(
        `INSERT INTO reviews (verdict_revision_id, reviewer_id, decision) SELECT revision_id, $1::uuid, 'approve' FROM gen`,
        [reviewer],
      );
      await client.query(
        `INSERT INTO fact_check_snapshots (verdict_revision_id, content)
         SELECT revision_id, jsonb_build_object(
                  'claim', jsonb_build_object('id', claim_id, 'statement', statement, 'claimant', claimant, 'claimantSameAs', NULL,
                                              'claimedAt', NULL, 'language', language),
                  'passages', '[]'::jsonb, 'related', '[]'::jsonb)
           FROM gen`,
      );
      await client.query(
        `UPDATE verdicts v SET status = 'published', current_revision_id = gen.revision_id, version = 4 FROM gen WHERE v.id = gen.verdict_id`,
      );
      await client.query(
        `INSERT INTO publications (verdict_id, slug, published_revision_id, published_by_id, first_published_at, updated_at)
         SELECT verdict_id, 'bench-' || g, revision_id, $1::uuid, published_at, published_at FROM gen`,
        [reviewer],
      );
      await client.query("COMMIT");
      log(`  ${done + size} published fact-checks`);
    }
    log("  building the GIN indexes …");
    for (const index of gin.rows) await client.query(index.definition);
    await client.query("VACUUM (ANALYZE) claims, verdicts, verdict_revisions, fact_check_snapshots, publications, published_search, claimwork_search.words");
    const words = await client.query<{ word: string }>(
      `SELECT word FROM claimwork_search.words WHERE word ~ '^[[:alpha:]]{4,}$' ORDER BY word`,
    );
    return { published: count, seconds: (Date.now() - started) / 1000, vocabulary: words.rows.map((row) => row.word) };
  } finally {
    await client.end().catch(() => {});
  }
}
