import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { announcePublicPageChanges, PUBLICATION_LISTS } from "@/lib/publishing/announce-public-page-changes";
import type { FactCheckSnapshot } from "@/lib/publishing/fact-check-snapshot";
import { makeSlug } from "@/lib/publishing/make-slug";
import { parseInput } from "@/lib/validation";
import { exchangeImportOptionsSchema, type ExchangeImportInput } from "./exchange-import-input";
import { readExchangeFile } from "./read-exchange-file";
import { checkArchiveRows, type ArchiveRow } from "./check-archive-rows";
import { recordExchangeImport, refuseUnconfirmedProblems } from "./record-exchange-import";
import type { PreparedExternalImport, ExternalImportResult } from "./import-external-fact-checks";

/** Fact-checks per batch: each is eight set-based statements over this many rows. */
const ARCHIVE_BATCH_SIZE = 500;
const MAX_HEADLINE = 74;

/** The rating mappings, text key -> our rating, for checking archive rows. */
export async function loadRatingMappings(): Promise<Map<string, ArchiveRow["rating"]>> {
  const mappings = await getDb().ratingMapping.findMany({ select: { ratingKey: true, rating: true } });
  return new Map(mappings.map((mapping) => [mapping.ratingKey, mapping.rating]));
}

/**
 * Imports this newsroom's own published fact-checks (its pages' ClaimReview, a DataFeed or a CSV) as
 * published fact-checks of Claimwork, in bulk: per batch, one INSERT per table (claims, verdicts,
 * revisions, snapshots, imported_publications, publications), all in one transaction with one audit
 * row. Their approval is the original publication (imported_publications; ADR 0010), so only a
 * person who may publish (a reviewer) imports them. Checked first like any import: a row whose
 * rating is not mapped onto our scale, or without a claimant, is a problem.
 */
export async function importOwnArchive(actor: Actor, input: ExchangeImportInput): Promise<PreparedExternalImport> {
  requirePermission(actor, "verdicts.publish");
  const options = parseInput(exchangeImportOptionsSchema, { csvColumns: input.csvColumns, onlyGoodRows: input.onlyGoodRows });
  const read = readExchangeFile(input.file, options.csvColumns);
  const { rows, problems } = checkArchiveRows(read, await loadRatingMappings());
  refuseUnconfirmedProblems(problems, read.itemCount, rows.length, options.onlyGoodRows);

  return {
    total: rows.length,
    run: (onProgress) =>
      getDb().$transaction(
        async (tx): Promise<ExternalImportResult> => {
          const importId = randomUUID();
          const known = await tx.importedPublication.findMany({ where: { dedupeKey: { in: rows.map((row) => row.key) } }, select: { dedupeKey: true } });
          const knownKeys = new Set(known.map((row) => row.dedupeKey));
          const fresh = rows.filter((row) => !knownKeys.has(row.key));
          for (let start = 0; start < fresh.length; start += ARCHIVE_BATCH_SIZE) {
            await insertBatch(tx, actor, importId, fresh.slice(start, start + ARCHIVE_BATCH_SIZE));
            onProgress?.(Math.min(start + ARCHIVE_BATCH_SIZE, fresh.length), fresh.length);
          }
          const counts = { imported: fresh.length, skipped: rows.length - fresh.length + read.repeatedInFile, refused: problems.length };
          await recordExchangeImport(tx, actor, { importId, format: read.format, fileName: input.file.name, itemCount: read.itemCount, counts, ownArchive: true });
          if (counts.imported > 0) await announcePublicPageChanges(tx, PUBLICATION_LISTS);
          return { importId, format: read.format, ...counts };
        },
        { timeout: 120_000, maxWait: 10_000 },
      ),
  };
}

function headlineOf(row: ArchiveRow): string {
  const text = row.review.headline ?? row.review.claimText;
  return text.length <= MAX_HEADLINE ? text : `${text.slice(0, MAX_HEADLINE - 1).trimEnd()}…`;
}

/** The rows of one batch, each with its new ids, as one JSON parameter for every statement. */
function batchRecords(rows: ArchiveRow[]) {
  return rows.map((row) => {
    const ids = { claimId: randomUUID(), verdictId: randomUUID(), revisionId: randomUUID(), publicationId: randomUUID() };
    const { review } = row;
    const firstPublished = review.reviewedAt ? ` on ${review.reviewedAt}` : "";
    const snapshot: FactCheckSnapshot = {
      claim: { id: ids.claimId, statement: review.claimText, claimant: row.claimant, claimantSameAs: null, claimedAt: review.claimedAt ?? null, language: review.language },
      passages: [],
      related: [],
    };
    return {
      ...ids,
      key: row.key,
      statement: review.claimText,
      claimant: row.claimant,
      claimedAt: review.claimedAt ?? null,
      language: review.language,
      rating: row.rating,
      headline: headlineOf(row),
      summary: `First published by ${review.publisherName}${firstPublished}.`,
      explanation: `This fact-check was first published by ${review.publisherName}${firstPublished} at ${review.reviewUrl}, and imported into Claimwork from the newsroom's archive.`,
      originalUrl: review.reviewUrl,
      originalPublishedAt: review.reviewedAt ?? null,
      slug: `${makeSlug(review.claimText)}-${ids.publicationId.slice(0, 8)}`,
      snapshot,
    };
  });
}

async function insertBatch(tx: Tx, actor: Actor, importId: string, rows: ArchiveRow[]): Promise<void> {
  const records = JSON.stringify(batchRecords(rows));
  const from = (columns: string) => `jsonb_to_recordset($1::jsonb) AS r(${columns})`;
  // $1 is the batch; a statement gets only the parameters it uses (PostgreSQL refuses an unused one).
  const run = (sql: string, ...parameters: string[]) => tx.$executeRawUnsafe(sql, records, ...parameters);
  // The claim and its verdict (a draft until its revision exists), then revision 1 with its snapshot
  // and the original publication that approves it, then the verdict published and its publication.
  await run(`INSERT INTO claims (id, statement, claimant, claimed_at, language, created_by_id, updated_at)
    SELECT r."claimId", r.statement, r.claimant, r."claimedAt", r.language, $2::uuid, now()
      FROM ${from(`"claimId" uuid, statement text, claimant text, "claimedAt" date, language text`)}`, actor.id);
  await run(`INSERT INTO verdicts (id, claim_id, status, created_by_id, updated_at)
    SELECT r."verdictId", r."claimId", 'draft', $2::uuid, now() FROM ${from(`"verdictId" uuid, "claimId" uuid`)}`, actor.id);
  await run(`INSERT INTO verdict_revisions (id, verdict_id, number, rating, headline, summary, explanation, author_id, created_at)
    SELECT r."revisionId", r."verdictId", 1, r.rating::"Rating", r.headline, r.summary, r.explanation, $2::uuid,
           coalesce(r."originalPublishedAt"::timestamptz, now())
      FROM ${from(`"revisionId" uuid, "verdictId" uuid, rating text, headline text, summary text, explanation text, "originalPublishedAt" date`)}`, actor.id);
  await run(`INSERT INTO fact_check_snapshots (verdict_revision_id, content)
    SELECT r."revisionId", r.snapshot FROM ${from(`"revisionId" uuid, snapshot jsonb`)}`);
  await run(`INSERT INTO imported_publications (verdict_revision_id, dedupe_key, original_url, original_published_at, import_id)
    SELECT r."revisionId", r.key, r."originalUrl", r."originalPublishedAt", $2::uuid
      FROM ${from(`"revisionId" uuid, key text, "originalUrl" text, "originalPublishedAt" date`)}`, importId);
  await run(`UPDATE verdicts v SET status = 'published', current_revision_id = r."revisionId", updated_at = now()
      FROM ${from(`"verdictId" uuid, "revisionId" uuid`)} WHERE v.id = r."verdictId"`);
  await run(`INSERT INTO publications (id, verdict_id, slug, published_revision_id, published_by_id, first_published_at, updated_at)
    SELECT r."publicationId", r."verdictId", r.slug, r."revisionId", $2::uuid,
           coalesce(r."originalPublishedAt"::timestamptz, now()), now()
      FROM ${from(`"publicationId" uuid, "verdictId" uuid, slug text, "revisionId" uuid, "originalPublishedAt" date`)}`, actor.id);
}
