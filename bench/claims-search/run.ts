// npm run bench:claims-search [-- --claims N] [--json] [--database NAME] [--keep]
// The workbench claims search (lib/search/search-claims.ts) at 1,000,000 claims, with realistic
// queries taken from the generated claims themselves: words of statements, speakers' names, and
// typos (two letters swapped, a letter missing, accents left out). Prints p50 / p95 / p99 per kind
// of query, next to baselines measured in the same run on the same database:
// - a plain lookup of a claim by id (the floor: one indexed row through Prisma);
// - the previous query shape: every full-text match ranked by ts_rank, then the first page;
// - the previous typo correction (trigram similarity over the vocabulary only), for swapped letters;
// - the claims page's other reads at 1,000,000 claims: its filter options (listClaimFilterOptions)
//   next to their previous query (the distinct claimants by a GROUP BY over every claim), and the
//   listing without a query (newest first);
// and the recall of the typo queries: does the intended claim appear on the first page, among the
// queries whose correct spelling finds it there.
// Generating 1,000,000 claims and their indexes takes minutes on two cores: --claims N runs smaller;
// --database NAME with --keep keeps the database for the next run, which then skips the generation
// when it already holds N claims. Without --keep the database is dropped at the end.
// Database server: TEST_DATABASE_URL's or DATABASE_URL's (default postgresql://postgres@127.0.0.1:5432/postgres).
import { loadavg } from "node:os";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/apply-migrations";
import { createDatabase, dropDatabase } from "../../scripts/db/create-database";
import { latencyOf, type Latency } from "../lib/percentile";
import { generateClaims } from "./generate-claims";
import { buildQueries, type Kind } from "./queries";

const json = process.argv.includes("--json");
const keep = process.argv.includes("--keep");
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const CLAIMS = Number(argument("--claims") ?? 1_000_000);
const log = (line: string) => (json ? console.error(line) : console.log(line));

function latency(times: number[]): Latency {
  return latencyOf(times, 2);
}

async function main() {
  const started = performance.now();
  const loadStart = loadavg();
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = argument("--database") ?? `bench_claims_search_${Date.now().toString(36)}_${process.pid}`;
  let url: string;
  try {
    url = await createDatabase(serverUrl, name);
    log(`Created database ${name}.`);
  } catch (error) {
    if (!argument("--database")) throw error;
    const existing = new URL(serverUrl);
    existing.pathname = `/${name}`;
    url = existing.toString();
    log(`Using the existing database ${name}.`);
  }
  const cleanup = async () => {
    if (keep) log(`Kept database ${name} (--database ${name} --keep to reuse it).`);
    else await dropDatabase(serverUrl, name).catch((error: Error) => log(`could not drop ${name}: ${error.message}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url, application_name: "claimwork-bench-claims-search" });
    await client.connect();
    const count = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM claims")).rows[0]!.n);
    let generation: { seconds: number; indexSeconds: number } | null = null;
    if (count < CLAIMS) {
      log(`Generating ${(CLAIMS - count).toLocaleString("en")} claims …`);
      generation = await generateClaims(url, CLAIMS, log);
      log(`Generated in ${generation.seconds.toFixed(0)} s (GIN indexes ${generation.indexSeconds.toFixed(0)} s).`);
    }
    process.env.DATABASE_URL = url;
    const { getDb } = await import("@/lib/db");
    const { loadActor } = await import("@/lib/auth/load-actor");
    const { searchClaims } = await import("@/lib/search/search-claims");
    const { listClaimFilterOptions } = await import("@/lib/claims/list-claim-filter-options");
    const { CORRECTION_SIMILARITY } = await import("@/lib/search/text-query");
    const editor = await client.query<{ id: string }>("SELECT id FROM users WHERE role = 'editor' ORDER BY created_at LIMIT 1");
    const actor = await loadActor(editor.rows[0]!.id, "bench-claims-search");
    if (!actor) throw new Error("the benchmark's editor cannot act");

    await client.query("SELECT setseed(0.5)");
    const sample = (
      await client.query<{ id: string; statement: string; claimant: string }>(
        "SELECT id, statement, claimant FROM claims WHERE random() < $1 ORDER BY id LIMIT 400",
        [Math.min(1, 2000 / Math.max(CLAIMS, 1))],
      )
    ).rows;
    const queries = buildQueries(sample);
    log(`${queries.length} queries from ${sample.length} sampled claims.`);

    // Warm-up, not counted: connections, plans, the indexes' upper pages.
    for (const query of queries.slice(0, 20)) await searchClaims(actor, { q: query.q, limit: 25 });

    const times = new Map<string, number[]>();
    const record = (kind: string, ms: number) => times.set(kind, [...(times.get(kind) ?? []), ms]);
    const recall = new Map<Kind, { queries: number; correctFinds: number; typoFinds: number; typoFindsAmongCorrect: number }>();
    let newestFirst = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const result = await searchClaims(actor, { q: query.q, limit: 25 });
      record(query.kind, performance.now() - t0);
      record("all", performance.now() - t0);
      if (result.newestFirst) newestFirst++;
      if (query.kind.startsWith("typo")) {
        const found = result.items.some((item) => item.id === query.claimId);
        const correct = (await searchClaims(actor, { q: query.correct, limit: 25 })).items.some((item) => item.id === query.claimId);
        const entry = recall.get(query.kind) ?? { queries: 0, correctFinds: 0, typoFinds: 0, typoFindsAmongCorrect: 0 };
        entry.queries++;
        if (correct) entry.correctFinds++;
        if (found) entry.typoFinds++;
        if (found && correct) entry.typoFindsAmongCorrect++;
        recall.set(query.kind, entry);
      }
      if (result.nextCursor && (times.get("next page")?.length ?? 0) < 60) {
        const t1 = performance.now();
        await searchClaims(actor, { q: query.q, limit: 25, cursor: result.nextCursor });
        record("next page", performance.now() - t1);
      }
    }

    // The claims page's other reads.
    const db = getDb();
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await listClaimFilterOptions(actor);
      record("claims page: filter options", performance.now() - t0);
      const t1 = performance.now();
      await db.$queryRaw`SELECT min(claimant) AS claimant FROM claims GROUP BY lower(claimant) ORDER BY lower(min(claimant)) LIMIT 1000`;
      record("baseline: previous filter options (GROUP BY every claim)", performance.now() - t1);
      const t2 = performance.now();
      await searchClaims(actor, { limit: 25 });
      record("claims page: listing, newest first", performance.now() - t2);
    }

    // Baselines, same database, same run.
    for (const claim of sample.slice(0, 150)) {
      const t0 = performance.now();
      await db.claim.findUnique({ where: { id: claim.id }, select: { id: true, statement: true, claimant: true } });
      record("baseline: claim by id", performance.now() - t0);
    }
    for (const query of queries.filter((candidate) => candidate.kind.startsWith("statement") || candidate.kind === "speaker")) {
      const t0 = performance.now();
      await db.$queryRaw`
        SELECT c.id FROM claims c WHERE c.search_vector @@ claimwork_search_query(${query.q}::text)
         ORDER BY ts_rank(c.search_vector, claimwork_search_query(${query.q}::text)) DESC, c.id DESC LIMIT 26`;
      record("baseline: previous shape (rank every match)", performance.now() - t0);
    }
    let trigramOnly = 0;
    const swapped = queries.filter((query) => query.kind === "typo: swapped letters");
    for (const query of swapped) {
      const token = query.q.split(" ")[0]!.toLowerCase();
      const rows = await db.$queryRaw<{ word: string }[]>`
        SELECT w.word FROM claimwork_search.words w
         WHERE w.word % ${token} AND similarity(w.word, ${token}) >= ${CORRECTION_SIMILARITY}::real
         ORDER BY similarity(w.word, ${token}) DESC, w.word LIMIT 1`;
      if (rows[0]?.word === query.correct.split(" ")[0]!.toLowerCase()) trigramOnly++;
    }
    await client.end();

    const byKind = Object.fromEntries([...times].map(([kind, list]) => [kind, latency(list)]));
    const recallFigures = Object.fromEntries(
      [...recall].map(([kind, entry]) => [kind, { ...entry, recall: entry.correctFinds ? entry.typoFindsAmongCorrect / entry.correctFinds : 0 }]),
    );
    const all = byKind.all!;
    const report = {
      claims: Math.max(count, CLAIMS),
      generation,
      latency: byKind,
      recall: recallFigures,
      previousCorrectionOfSwappedLetters: { queries: swapped.length, corrected: trigramOnly },
      newestFirstQueries: newestFirst,
      target: { description: "claims search p95 under 50 ms", p95Ms: all.p95Ms, met: all.p95Ms < 50 },
      loadAverage: { start: loadStart, end: loadavg() },
      seconds: Math.round((performance.now() - started) / 1000),
    };
    if (json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      log(`\nClaims search over ${report.claims.toLocaleString("en")} claims (one query at a time, in-process use case):`);
      log(`${"kind".padEnd(48)} ${"n".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`);
      for (const [kind, figures] of Object.entries(byKind)) {
        log(`${kind.padEnd(48)} ${String(figures.queries).padStart(4)} ${figures.p50Ms.toFixed(1).padStart(8)} ${figures.p95Ms.toFixed(1).padStart(8)} ${figures.p99Ms.toFixed(1).padStart(8)} ${figures.maxMs.toFixed(1).padStart(8)}`);
      }
      log(`\nTypo recall (intended claim on the first page of 25, among the queries whose correct spelling puts it there):`);
      for (const [kind, entry] of Object.entries(recallFigures)) {
        log(`  ${kind.padEnd(28)} ${entry.typoFindsAmongCorrect}/${entry.correctFinds} (${(entry.recall * 100).toFixed(0)}%); found by the typo at all: ${entry.typoFinds}/${entry.queries}`);
      }
      log(`Previous correction (trigram similarity only) turned ${trigramOnly} of ${swapped.length} swapped-letter words into the intended word.`);
      log(`Searches with more than the ranked cap of matches, shown newest first: ${newestFirst} of ${queries.length}.`);
      log(`Target p95 < 50 ms: ${report.target.met ? "met" : "NOT met"} (${all.p95Ms} ms).`);
      log(`Load average (1, 5, 15 min): start ${loadStart.map((n) => n.toFixed(2)).join(" ")}, end ${report.loadAverage.end.map((n) => n.toFixed(2)).join(" ")}; ${report.seconds} s.`);
    }
    await getDb().$disconnect();
  } finally {
    await cleanup();
  }
}

await main();
