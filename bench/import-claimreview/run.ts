// npm run bench:import-claimreview [-- --json] [-- --count 10000]
//
// Importing other fact-checkers' work (issue 13, item 7): COUNT external ClaimReviews (default
// 10,000) in one claims:search answer, through importExternalFactChecks as the import page runs it:
// the file read and every item checked, then one transaction of set-based INSERTs of 1,000 rows with
// progress after each, and the audit row. Then the same file again (every row already there: the
// cost of "nothing imported twice"). Target: under 60 s for 10,000.
//
// Baselines in the same run, on the same rows already normalised: a plain INSERT of them in batches
// of 1,000 into (a) a copy of external_fact_checks with all its indexes and its generated search
// vector, and (b) a bare table of the same columns without index. The difference to (a) is what
// reading, checking, deduplicating and auditing cost.
//
// Then the same file as the newsroom's own archive (issue 13, item 6), published in bulk by a reviewer.
import { performance } from "node:perf_hooks";
import { withBenchDatabase } from "../lib/bench-database";
import { generateAnswer } from "./generate-answer";

const json = process.argv.includes("--json");
const countAt = process.argv.indexOf("--count");
const COUNT = countAt >= 0 && Number(process.argv[countAt + 1]) > 0 ? Number(process.argv[countAt + 1]) : 10_000;
const BATCH = 1000;
const log = (line: string) => {
  if (!json) console.log(line);
};
const seconds = (ms: number) => Math.round(ms / 10) / 100;

await withBenchDatabase({ prefix: "claimwork_bench_import_claimreview", watchdogMs: 20 * 60_000, log }, async () => {
  const { getDb } = await import("@/lib/db");
  const { ensureUser } = await import("@/lib/users/ensure-user");
  const { loadActor } = await import("@/lib/auth/load-actor");
  const { importExternalFactChecks } = await import("@/lib/exchange/import-external-fact-checks");
  const { readExchangeFile } = await import("@/lib/exchange/read-exchange-file");
  const { importOwnArchive } = await import("@/lib/exchange/import-own-archive");
  const db = getDb();
  const user = await ensureUser({ email: "bench-importer@claimwork.example", name: "Bench Importer", role: "editor", password: "bench-import-password" });
  const actor = (await loadActor(user.id, "bench-import-claimreview"))!;
  const reviewerUser = await ensureUser({ email: "bench-archivist@claimwork.example", name: "Bench Archivist", role: "reviewer", password: "bench-import-password" });
  const reviewer = (await loadActor(reviewerUser.id, "bench-import-claimreview"))!;

  const bytes = new TextEncoder().encode(JSON.stringify(generateAnswer(COUNT)));
  const file = { bytes, name: "claims-search.json", mediaType: "application/json" };
  log(`${COUNT.toLocaleString("en")} ClaimReviews in a claims:search answer of ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB`);

  // Ours, as the import page runs it.
  const progress: { done: number; ms: number }[] = [];
  let started = performance.now();
  const prepared = await importExternalFactChecks(actor, { file });
  const checkedMs = performance.now() - started;
  const result = await prepared.run((done) => progress.push({ done, ms: performance.now() - started }));
  const importMs = performance.now() - started;
  log(`  imported ${result.imported.toLocaleString("en")} in ${seconds(importMs)} s (read and checked in ${seconds(checkedMs)} s; ${progress.length} progress updates)`);

  started = performance.now();
  const again = await (await importExternalFactChecks(actor, { file })).run();
  const againMs = performance.now() - started;
  log(`  the same file again: ${again.imported} imported, ${again.skipped.toLocaleString("en")} skipped in ${seconds(againMs)} s`);

  // Baselines: the same rows, already read and normalised, inserted with no checking at all.
  const rows = readExchangeFile(file).rows.map(({ key, ratingKey, review }) => ({ ...review, dedupeKey: key, ratingKey }));
  await db.$executeRawUnsafe(`CREATE TABLE bench_indexed (LIKE external_fact_checks INCLUDING ALL)`);
  await db.$executeRawUnsafe(`CREATE TABLE bench_bare AS SELECT * FROM external_fact_checks WITH NO DATA`);
  await db.$executeRawUnsafe(`ALTER TABLE bench_bare DROP COLUMN search_vector`);
  const plainInsert = async (table: "bench_indexed" | "bench_bare") => {
    const begin = performance.now();
    await db.$transaction(
      async (tx) => {
        for (let start = 0; start < rows.length; start += BATCH) {
          await tx.$executeRawUnsafe(
            `INSERT INTO ${table} (id, dedupe_key, publisher_name, publisher_site, review_url, headline, reviewed_at, claim_text, claimant, claimed_at,
                                   rating_text, rating_key, rating_value, best_rating, worst_rating, language, import_id, created_at)
             SELECT gen_random_uuid(), r."dedupeKey", r."publisherName", r."publisherSite", r."reviewUrl", r."headline", r."reviewedAt", r."claimText",
                    r."claimant", r."claimedAt", r."ratingText", r."ratingKey", r."ratingValue", r."bestRating", r."worstRating", r."language",
                    '${result.importId}'::uuid, now()
               FROM jsonb_to_recordset($1::jsonb) AS r(
                 "dedupeKey" text, "publisherName" text, "publisherSite" text, "reviewUrl" text, "headline" text, "reviewedAt" date,
                 "claimText" text, "claimant" text, "claimedAt" date, "ratingText" text, "ratingKey" text, "ratingValue" float8,
                 "bestRating" float8, "worstRating" float8, "language" text)`,
            JSON.stringify(rows.slice(start, start + BATCH)),
          );
        }
      },
      { timeout: 120_000 },
    );
    return performance.now() - begin;
  };
  const indexedMs = await plainInsert("bench_indexed");
  const bareMs = await plainInsert("bench_bare");
  log(`  baseline, plain INSERT with the same indexes: ${seconds(indexedMs)} s; into a bare table: ${seconds(bareMs)} s`);

  // The same file as the newsroom's own archive: published fact-checks (claim, verdict, revision,
  // snapshot, publication each); rows whose rating text is not mapped are left out, as confirmed.
  started = performance.now();
  const archive = await (await importOwnArchive(reviewer, { file, onlyGoodRows: true })).run();
  const archiveMs = performance.now() - started;
  log(`  as our own archive: ${archive.imported.toLocaleString("en")} published in ${seconds(archiveMs)} s (${archive.refused.toLocaleString("en")} with an unmapped rating left out)`);

  const figures = {
    count: COUNT,
    fileMiB: Math.round((bytes.byteLength / 1024 / 1024) * 10) / 10,
    importSeconds: seconds(importMs),
    readAndCheckSeconds: seconds(checkedMs),
    firstProgressSeconds: progress[0] ? seconds(progress[0].ms) : null,
    progressUpdates: progress.length,
    imported: result.imported,
    secondImportSeconds: seconds(againMs),
    secondImportSkipped: again.skipped,
    baselineIndexedInsertSeconds: seconds(indexedMs),
    baselineBareInsertSeconds: seconds(bareMs),
    overIndexedBaseline: Math.round((importMs / indexedMs) * 100) / 100,
    archivePublished: archive.imported,
    archiveSeconds: seconds(archiveMs),
    targetSeconds: 60,
    underTarget: importMs < 60_000,
  };
  if (json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  console.log("");
  console.log("| measure | seconds |");
  console.log("| --- | --- |");
  console.log(`| import of ${COUNT.toLocaleString("en")} external ClaimReviews (read, check, insert, audit) | ${figures.importSeconds} |`);
  console.log(`| of which reading and checking the file | ${figures.readAndCheckSeconds} |`);
  console.log(`| first progress update after | ${figures.firstProgressSeconds} |`);
  console.log(`| the same file again (all skipped) | ${figures.secondImportSeconds} |`);
  console.log(`| baseline: plain INSERT, same indexes | ${figures.baselineIndexedInsertSeconds} |`);
  console.log(`| baseline: plain INSERT, bare table | ${figures.baselineBareInsertSeconds} |`);
  console.log(`| the same file as our own archive: ${figures.archivePublished.toLocaleString("en")} published fact-checks | ${figures.archiveSeconds} |`);
  console.log("");
  console.log(`Import / plain indexed INSERT: ${figures.overIndexedBaseline}x. Target under 60 s: ${figures.underTarget ? "met" : "NOT met"}.`);
});
