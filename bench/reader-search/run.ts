// npm run bench:reader-search [-- --json] [-- --count 100000] [-- --queries 200] [-- --baseline-queries 12]
//
// The readers' search at scale (issue 11, item 10): COUNT published fact-checks (default 100,000),
// generated with SQL in a database of its own (claims, verdicts, revisions, approvals, snapshots and
// publications, through every trigger: published_search is written by the publications trigger),
// then QUERIES searches no one made before, one at a time, through searchPublishedFactChecks (the
// stored, indexed vectors, within its bounds). Baseline in the same run, on the same data: the query
// this replaced, which built each published fact-check's vector at query time from its revision and
// snapshot, for BASELINE_QUERIES of the same searches (it is slow; each may run 30 s at most).
// Prints median, p95 and max per kind of query, and how many answered "busy".
import { performance } from "node:perf_hooks";
import { Prisma } from "@/lib/generated/prisma/client";
import { withBenchDatabase } from "../lib/bench-database";
import { percentile } from "../lib/percentile";
import { generatePublished } from "./generate-published";
import { createPrng } from "../anchoring/create-prng";

const json = process.argv.includes("--json");
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const COUNT = option("count", 100_000);
const QUERIES = option("queries", 200);
const BASELINE_QUERIES = option("baseline-queries", 12);
const BASELINE_TIMEOUT_MS = 30_000;
const log = (line: string) => {
  if (!json) console.log(line);
};

type Kind = "one word" | "two words" | "frequent word" | "typo" | "no match";
type Query = { kind: Kind; q: string };
type Figures = { queries: number; medianMs: number; p95Ms: number; maxMs: number; busy: number; timedOut: number; hits: number };

/** Distinct searches, none made twice, in a shuffled order of kinds. */
function buildQueries(vocabulary: string[], total: number): Query[] {
  const random = createPrng(20261203);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const frequent = ["venezuela", "maduro", "president", "gouvernement", "washington", "sanctions", "trump", "elections", "opposition", "dialogue"];
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const nonsense = () => Array.from({ length: 9 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(random() * 20)]).join("");
  const makers: [Kind, () => string][] = [
    ["one word", () => pick(vocabulary)],
    ["two words", () => `${pick(vocabulary)} ${pick(vocabulary)}`],
    ["frequent word", () => `${pick(frequent)} ${pick(vocabulary)}`],
    ["typo", () => typo(pick(vocabulary.filter((word) => word.length >= 6)))],
    ["no match", nonsense],
  ];
  const seen = new Set<string>();
  const queries: Query[] = [];
  for (let i = 0; queries.length < total && i < total * 20; i++) {
    const [kind, make] = makers[i % makers.length]!;
    const q = make();
    if (seen.has(q)) continue;
    seen.add(q);
    queries.push({ kind, q });
  }
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
}

function figures(samples: { ms: number; busy?: boolean; timedOut?: boolean; hits: number }[]): Figures {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    queries: samples.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? 0),
    busy: samples.filter((sample) => sample.busy).length,
    timedOut: samples.filter((sample) => sample.timedOut).length,
    hits: samples.reduce((sum, sample) => sum + sample.hits, 0),
  };
}

function byKind<T extends { kind: Kind }>(samples: (T & { ms: number; busy?: boolean; timedOut?: boolean; hits: number })[]) {
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  return Object.fromEntries(kinds.map((kind) => [kind, figures(samples.filter((sample) => sample.kind === kind))]));
}

await withBenchDatabase({ prefix: "claimwork_bench_reader_search", watchdogMs: 90 * 60_000, log }, async (database) => {
  log(`Publishing ${COUNT.toLocaleString("en")} generated fact-checks …`);
  const generated = await generatePublished(database.url, COUNT, log);
  log(`  done in ${generated.seconds.toFixed(1)} s`);

  const { getDb } = await import("@/lib/db");
  const { isDomainError } = await import("@/lib/errors");
  const { searchPublishedFactChecks } = await import("@/lib/search/search-published-fact-checks");
  const { correctQuery, fullTextQuery, cleanQuery } = await import("@/lib/search/text-query");

  const queries = buildQueries(generated.vocabulary, QUERIES);
  // One search to open the pool's connection, not counted.
  await searchPublishedFactChecks({ q: "warm up" });

  log(`Searching ${queries.length} never-seen queries through searchPublishedFactChecks (published_search) …`);
  const indexed: (Query & { ms: number; busy: boolean; hits: number })[] = [];
  for (const query of queries) {
    const started = performance.now();
    let busy = false;
    let hits = 0;
    try {
      hits = (await searchPublishedFactChecks({ q: query.q })).items.length;
    } catch (error) {
      if (!isDomainError(error) || error.code !== "rate_limited") throw error;
      busy = true;
    }
    indexed.push({ ...query, ms: performance.now() - started, busy, hits });
  }

  // The query this replaced (lib/search/search-published-fact-checks.ts before the migration
  // 20261203030000_reader_search): every published fact-check's vector built from its revision and
  // snapshot for each search, first page of full-text matches, near matches when none.
  const published = (score: Prisma.Sql, match: Prisma.Sql) => Prisma.sql`
    WITH published AS MATERIALIZED (
      SELECT pub.id, pub.slug, pub.updated_at, r.headline, r.summary, r.rating, c.statement, c.claimant, c.language
        FROM publications pub
        JOIN verdict_revisions r ON r.id = pub.published_revision_id
        JOIN fact_check_snapshots s ON s.verdict_revision_id = r.id
        CROSS JOIN LATERAL (SELECT s.content->'claim'->>'statement' AS statement, s.content->'claim'->>'claimant' AS claimant,
                                   s.content->'claim'->>'language' AS language) c
    )
    SELECT id, ${score} AS score FROM published p WHERE ${match} ORDER BY score DESC, id DESC LIMIT 21`;
  const baselineSearch = async (raw: string): Promise<number> => {
    const q = cleanQuery(raw);
    const query = fullTextQuery(q, await correctQuery(q));
    const document = Prisma.sql`(
         setweight(to_tsvector(claimwork_search_config(p.language), p.headline || ' ' || claimwork_fold_accents(p.headline)), 'A')
      || setweight(to_tsvector(claimwork_search_config(p.language), p.statement || ' ' || claimwork_fold_accents(p.statement)), 'A')
      || setweight(to_tsvector('simple'::regconfig, p.claimant || ' ' || claimwork_fold_accents(p.claimant)), 'B')
      || setweight(to_tsvector(claimwork_search_config(p.language), p.summary || ' ' || claimwork_fold_accents(p.summary)), 'C'))`;
    return getDb().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(BASELINE_TIMEOUT_MS)}::text, true)`;
        const rows = await tx.$queryRaw<unknown[]>(published(Prisma.sql`ts_rank(${document}, ${query})`, Prisma.sql`${document} @@ ${query}`));
        if (rows.length > 0) return rows.length;
        const near = await tx.$queryRaw<unknown[]>(
          published(
            Prisma.sql`greatest(word_similarity(${q}::text, p.statement), word_similarity(${q}::text, p.headline), word_similarity(${q}::text, p.claimant))`,
            Prisma.sql`(${q}::text <% p.statement OR ${q}::text <% p.headline OR ${q}::text <% p.claimant)`,
          ),
        );
        return near.length;
      },
      { timeout: 3 * BASELINE_TIMEOUT_MS, maxWait: 10_000 },
    );
  };

  // The same searches, spread over the kinds; each takes seconds at this size.
  const baselineQueries = queries.filter((_, index) => index % Math.max(1, Math.floor(queries.length / BASELINE_QUERIES)) === 0).slice(0, BASELINE_QUERIES);
  log(`Baseline: ${baselineQueries.length} of the same queries with vectors built at query time (at most ${BASELINE_TIMEOUT_MS / 1000} s each) …`);
  const baseline: (Query & { ms: number; timedOut: boolean; hits: number })[] = [];
  for (const query of baselineQueries) {
    const started = performance.now();
    let timedOut = false;
    let hits = 0;
    try {
      hits = await baselineSearch(query.q);
    } catch (error) {
      if (!/statement timeout|57014/.test(String((error as Error).message))) throw error;
      timedOut = true;
    }
    baseline.push({ ...query, ms: performance.now() - started, timedOut, hits });
    log(`  ${JSON.stringify(query.q)}: ${timedOut ? "timed out" : `${Math.round(performance.now() - started)} ms`}`);
  }
  const sameQueries = indexed.filter((sample) => baselineQueries.some((query) => query.q === sample.q));

  const report = {
    publishedFactChecks: COUNT,
    generateSeconds: Math.round(generated.seconds),
    indexed: { all: figures(indexed), byKind: byKind(indexed) },
    indexedOnBaselineQueries: figures(sameQueries),
    baseline: { all: figures(baseline), byKind: byKind(baseline) },
  };
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const row = (label: string, f: Figures) =>
    `${label.padEnd(44)} ${String(f.queries).padStart(7)} ${f.medianMs.toFixed(1).padStart(10)} ${f.p95Ms.toFixed(1).padStart(10)} ${f.maxMs.toFixed(1).padStart(10)} ${String(f.busy + f.timedOut).padStart(8)}`;
  log("");
  log(`Readers' search over ${COUNT.toLocaleString("en")} published fact-checks, never-seen queries, one at a time`);
  log(`${"".padEnd(44)} ${"queries".padStart(7)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)} ${"max ms".padStart(10)} ${"busy/tmo".padStart(8)}`);
  log(row("published_search (stored, indexed vectors)", report.indexed.all));
  for (const [kind, f] of Object.entries(report.indexed.byKind)) log(row(`  ${kind}`, f));
  log(row("  the baseline's queries", report.indexedOnBaselineQueries));
  log(row("baseline: vectors built at query time", report.baseline.all));
  for (const [kind, f] of Object.entries(report.baseline.byKind)) log(row(`  ${kind}`, f));
});
