import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { exchangeImportOptionsSchema, type ExchangeImportInput } from "./exchange-import-input";
import { readExchangeFile, type CheckedRow } from "./read-exchange-file";
import type { ExchangeFormat } from "./external-review";
import { recordExchangeImport, refuseUnconfirmedProblems, type ImportCounts } from "./record-exchange-import";

/** Rows per INSERT: one statement each, well inside the 10 s statement bound, progress after each. */
export const IMPORT_BATCH_SIZE = 1000;

export type ExternalImportResult = { importId: string; format: ExchangeFormat } & ImportCounts;

/** A checked file, ready to import: `run` writes it, calling `onProgress` after each batch. */
export type PreparedExternalImport = {
  total: number;
  run(onProgress?: (done: number, total: number) => void): Promise<ExternalImportResult>;
};

/**
 * Imports other fact-checkers' reviews as external fact-checks. Everything is checked first: a file
 * with a problem row is refused, naming every problem, unless the person confirmed importing only
 * the good rows. Then all rows go in ONE transaction (a failure leaves nothing), as set-based
 * INSERTs of IMPORT_BATCH_SIZE rows; a row already there (same dedupe key) is skipped.
 */
export async function importExternalFactChecks(actor: Actor, input: ExchangeImportInput): Promise<PreparedExternalImport> {
  requirePermission(actor, "exchange.import");
  const options = parseInput(exchangeImportOptionsSchema, { csvColumns: input.csvColumns, onlyGoodRows: input.onlyGoodRows });
  const read = readExchangeFile(input.file, options.csvColumns);
  refuseUnconfirmedProblems(read.problems, read.itemCount, read.rows.length, options.onlyGoodRows);

  return {
    total: read.rows.length,
    run: (onProgress) =>
      getDb().$transaction(
        async (tx) => {
          const importId = randomUUID();
          let imported = 0;
          for (let start = 0; start < read.rows.length; start += IMPORT_BATCH_SIZE) {
            imported += await insertBatch(tx, importId, read.rows.slice(start, start + IMPORT_BATCH_SIZE));
            onProgress?.(Math.min(start + IMPORT_BATCH_SIZE, read.rows.length), read.rows.length);
          }
          const counts = { imported, skipped: read.rows.length - imported + read.repeatedInFile, refused: read.problems.length };
          await recordExchangeImport(tx, actor, { importId, format: read.format, fileName: input.file.name, itemCount: read.itemCount, counts, ownArchive: false });
          return { importId, format: read.format, ...counts };
        },
        // 10,000 rows take a few seconds; the bound is for a slow disk, not for the normal case.
        { timeout: 120_000, maxWait: 10_000 },
      ),
  };
}

/** One set-based INSERT of a batch: the rows travel as one JSON parameter; known keys are skipped. */
async function insertBatch(tx: Tx, importId: string, rows: CheckedRow[]): Promise<number> {
  const records = rows.map(({ key, ratingKey, review }) => ({ ...review, dedupeKey: key, ratingKey }));
  return tx.$executeRaw`
    INSERT INTO external_fact_checks (
      dedupe_key, publisher_name, publisher_site, review_url, headline, reviewed_at, claim_text, claimant, claimed_at,
      rating_text, rating_key, rating_value, best_rating, worst_rating, language, import_id)
    SELECT r."dedupeKey", r."publisherName", r."publisherSite", r."reviewUrl", r."headline", r."reviewedAt", r."claimText",
           r."claimant", r."claimedAt", r."ratingText", r."ratingKey", r."ratingValue", r."bestRating", r."worstRating",
           r."language", ${importId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(
        "dedupeKey" text, "publisherName" text, "publisherSite" text, "reviewUrl" text, "headline" text, "reviewedAt" date,
        "claimText" text, "claimant" text, "claimedAt" date, "ratingText" text, "ratingKey" text, "ratingValue" float8,
        "bestRating" float8, "worstRating" float8, "language" text)
     -- Known rows are left out before their search vector is computed; ON CONFLICT covers a concurrent import.
     WHERE NOT EXISTS (SELECT 1 FROM external_fact_checks known WHERE known.dedupe_key = r."dedupeKey")
    ON CONFLICT (dedupe_key) DO NOTHING`;
}
