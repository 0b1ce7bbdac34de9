import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import type { Rating } from "@/lib/generated/prisma/enums";
import { EXCHANGE_FORMAT_LABELS, type ExchangeFormat } from "./external-review";
import { exchangeImportOptionsSchema, type ExchangeImportInput } from "./exchange-import-input";
import { readExchangeFile, type RowProblem } from "./read-exchange-file";
import { checkArchiveRows } from "./check-archive-rows";
import { loadRatingMappings } from "./import-own-archive";
import type { CsvColumns } from "./csv-fields";

/** Rows shown in the preview; problems are all listed up to MAX_LISTED_PROBLEMS. */
const SAMPLE_SIZE = 10;
export const MAX_LISTED_PROBLEMS = 500;

export type ExchangePreview = {
  format: ExchangeFormat;
  formatLabel: string;
  itemCount: number;
  /** Rows without a problem, not counting repeats within the file. */
  goodCount: number;
  /** Good rows already in Claimwork (they will be skipped). */
  alreadyImported: number;
  repeatedInFile: number;
  problemCount: number;
  problems: RowProblem[];
  sample: { location: string; publisherName: string; claimText: string; ratingText: string; rating: Rating | null; reviewUrl: string; reviewedAt: string | null }[];
  csv?: { headers: string[]; columns: CsvColumns };
};

/** What an import of this file would do: every problem with its line or item, and a sample, writing nothing. */
export async function previewExchangeFile(actor: Actor, input: ExchangeImportInput): Promise<ExchangePreview> {
  requirePermission(actor, "exchange.import");
  const options = parseInput(exchangeImportOptionsSchema, { csvColumns: input.csvColumns, onlyGoodRows: input.onlyGoodRows, target: input.target });
  // Our own archive becomes published fact-checks: only those who may publish import it.
  if (options.target === "archive") requirePermission(actor, "verdicts.publish");
  const read = readExchangeFile(input.file, options.csvColumns);
  const ratingOf = await loadRatingMappings();
  const { rows, problems } = options.target === "archive" ? checkArchiveRows(read, ratingOf) : read;
  const keys = rows.map((row) => row.key);
  const [existing] =
    options.target === "archive"
      ? await getDb().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM imported_publications WHERE dedupe_key = ANY(${keys}::text[])`
      : await getDb().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM external_fact_checks WHERE dedupe_key = ANY(${keys}::text[])`;
  return {
    format: read.format,
    formatLabel: EXCHANGE_FORMAT_LABELS[read.format],
    itemCount: read.itemCount,
    goodCount: rows.length,
    alreadyImported: existing?.count ?? 0,
    repeatedInFile: read.repeatedInFile,
    problemCount: problems.length,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    sample: rows.slice(0, SAMPLE_SIZE).map(({ location, ratingKey, review }) => ({
      location,
      publisherName: review.publisherName,
      claimText: review.claimText,
      ratingText: review.ratingText,
      rating: ratingOf.get(ratingKey) ?? null,
      reviewUrl: review.reviewUrl,
      reviewedAt: review.reviewedAt ?? null,
    })),
    ...(read.csv ? { csv: read.csv } : {}),
  };
}
