// Inserts many generated claims for the search benchmark: statements made of words drawn from the seed
// articles' own text (so word frequencies are those of real news copy), in English and French, with
// varied claimants, tags and dates; some claims get a draft verdict, some a verdict in review with a
// rated revision. Runs as a few INSERT ... SELECT generate_series statements on one connection.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { SEED_ARTICLE_FILES } from "@/seeds/demo-data";
import { SEED_ARTICLES_DIR } from "@/seeds/seed-demo";

export type GeneratedClaims = { claims: number; drafts: number; inReview: number; seconds: number };

const FRENCH_MARKERS = new Set(["les", "des", "est", "une", "pour", "dans", "avec", "qui", "que", "sur"]);
const TAGS = ["venezuela", "us-relations", "diplomacy", "elections", "sanctions", "oil", "russia", "migration", "2019", "2024", "2025"];
const RATINGS = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"];

/** Word streams of the seed articles by language, in reading order (so frequent words stay frequent). */
export async function seedWords(): Promise<{ en: string[]; fr: string[]; names: string[] }> {
  const en: string[] = [];
  const fr: string[] = [];
  const names = new Set<string>();
  for (const file of SEED_ARTICLE_FILES) {
    const text = await readFile(`${SEED_ARTICLES_DIR}${file}`, "utf8");
    const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    const french = words.filter((word) => FRENCH_MARKERS.has(word.toLowerCase())).length > words.length / 40;
    (french ? fr : en).push(...words);
    for (const word of words) if (/^\p{Lu}\p{Ll}{3,}$/u.test(word)) names.add(word);
  }
  return { en, fr, names: [...names] };
}

/** Claimant names: the seed's people plus pairs of capitalised words from the articles. */
function claimants(names: string[], count: number): string[] {
  const people = ["Nicolás Maduro", "John Bolton", "Donald Trump", "Mike Pompeo", "Axios", "AFP and French-language press"];
  for (let i = 0; people.length < count && names.length > 1; i++) {
    const first = names[(i * 7) % names.length]!;
    const last = names[(i * 13 + 5) % names.length]!;
    if (first !== last) people.push(`${first} ${last}`);
  }
  return [...new Set(people)];
}

export async function generateClaims(databaseUrl: string, options: { count: number; batch?: number }): Promise<GeneratedClaims> {
  const started = Date.now();
  const { en, fr, names } = await seedWords();
  const people = claimants(names, 400);
  const batch = options.batch ?? 20_000;
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-bench-generate" });
  await client.connect();
  try {
    const author = await client.query<{ id: string }>(`SELECT id FROM users WHERE role = 'editor' ORDER BY created_at LIMIT 1`);
    const authorId = author.rows[0]?.id;
    if (!authorId) throw new Error("no editor to own the generated claims (seed the demo first)");
    // A bulk load, as one would do it: the GIN indexes of claims are dropped during the inserts and
    // built again afterwards from their own definitions (far faster than updating them row by row).
    const ginIndexes = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = 'claims' AND indexdef LIKE '% USING gin %'`,
    );
    for (const index of ginIndexes.rows) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    await client.query("SELECT setseed(0.42)");
    for (let done = 0; done < options.count; done += batch) {
      const size = Math.min(batch, options.count - done);
      // Per row: a language (60% en, 35% fr, 5% und), 5-16 words from that language's stream, one of
      // the claimants, 1-3 tags, a creation time in the last five years. `g` inside the subqueries
      // makes PostgreSQL draw new random words for every row.
      await client.query(
        `INSERT INTO claims (statement, claimant, language, tags, claimed_at, created_by_id, created_at, updated_at)
         SELECT s.statement, s.claimant, s.language, s.tags, s.claimed_at, $5::uuid, s.created_at, s.created_at
           FROM (
             SELECT g, lang.language,
                    (SELECT string_agg(w.words[1 + floor(random() * array_length(w.words, 1))::int], ' ')
                       FROM generate_series(1, 5 + (g % 12)) AS n,
                            LATERAL (SELECT CASE WHEN lang.language = 'fr' THEN $2::text[] ELSE $1::text[] END AS words) AS w
                      WHERE g > 0) AS statement,
                    ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] AS claimant,
                    (SELECT array_agg(DISTINCT ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int])
                       FROM generate_series(1, 1 + (g % 3)) AS t WHERE g > 0) AS tags,
                    (date '2019-01-01' + floor(random() * 2500)::int) AS claimed_at,
                    now() - random() * interval '5 years' AS created_at
               FROM generate_series($6::int, $7::int) AS g,
                    LATERAL (SELECT CASE WHEN random() < 0.60 THEN 'en' WHEN random() < 0.875 THEN 'fr' ELSE 'und' END AS language
                              WHERE g > 0) AS lang
           ) AS s`,
        [en, fr, people, TAGS, authorId, done + 1, done + size],
      );
    }
    for (const index of ginIndexes.rows) await client.query(index.definition);
    // Verdicts on some of the generated claims: 8% drafts, 4% in review with a rated revision.
    const drafts = await client.query(
      `INSERT INTO verdicts (claim_id, status, draft_rating, draft_headline, created_by_id, updated_at)
       SELECT c.id, 'draft', ($2::text[])[1 + floor(random() * 6)::int]::"Rating", 'Draft verdict', $1::uuid, now()
         FROM claims c LEFT JOIN verdicts v ON v.claim_id = c.id
        WHERE v.id IS NULL AND random() < 0.12`,
      [authorId, RATINGS],
    );
    const revisions = await client.query(
      `WITH picked AS (
         SELECT v.id FROM verdicts v WHERE v.draft_headline = 'Draft verdict' AND random() < 0.34
       )
       INSERT INTO verdict_revisions (verdict_id, number, rating, headline, summary, explanation, author_id)
       SELECT picked.id, 1, ($2::text[])[1 + floor(random() * 6)::int]::"Rating", 'Submitted verdict', 'Generated for the benchmark.', 'Generated.', $1::uuid
         FROM picked`,
      [authorId, RATINGS],
    );
    // What a submission writes with each revision: its author and the snapshot of its page.
    await client.query(
      `INSERT INTO verdict_revision_authors (verdict_revision_id, user_id)
       SELECT r.id, r.author_id FROM verdict_revisions r WHERE r.headline = 'Submitted verdict'
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO fact_check_snapshots (verdict_revision_id, content)
       SELECT r.id, jsonb_build_object('claim', jsonb_build_object('id', c.id, 'statement', c.statement, 'claimant', c.claimant,
                'claimantSameAs', c.claimant_same_as, 'claimedAt', to_char(c.claimed_at, 'YYYY-MM-DD'), 'language', c.language),
              'passages', '[]'::jsonb, 'related', '[]'::jsonb)
         FROM verdict_revisions r JOIN verdicts v ON v.id = r.verdict_id JOIN claims c ON c.id = v.claim_id
        WHERE r.headline = 'Submitted verdict'
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `UPDATE verdicts v SET status = 'in_review', current_revision_id = r.id, version = v.version + 1
         FROM verdict_revisions r
        WHERE r.verdict_id = v.id AND r.headline = 'Submitted verdict' AND v.status = 'draft'`,
    );
    // What autovacuum would soon do on a live database: statistics and the visibility map (index-only scans).
    await client.query("VACUUM (ANALYZE) claims, verdicts, verdict_revisions, passages, claimwork_search.words");
    const inReview = revisions.rowCount ?? 0;
    return { claims: options.count, drafts: (drafts.rowCount ?? 0) - inReview, inReview, seconds: (Date.now() - started) / 1000 };
  } finally {
    await client.end().catch(() => {});
  }
}
