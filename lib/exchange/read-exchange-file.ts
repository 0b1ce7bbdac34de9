// One uploaded file of other fact-checkers' reviews, whatever its format, read into checked rows
// and reported problems. Pure (no database): the preview and the import read a file the same way.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { dedupeKey, externalReviewSchema, ratingKey, type ExchangeFormat, type ExternalReview } from "./external-review";
import { readClaimReviewPage } from "./read-claim-review-page";
import { readClaimsSearchAnswer, isClaimsSearchAnswer } from "./read-claims-search-answer";
import { readClaimReviewCsv } from "./read-claim-review-csv";
import type { CsvColumns } from "./csv-fields";
import { readJsonLdDocument, type FoundItem } from "./read-json-ld-claim-reviews";

/** Larger files are refused before reading (10,000 reviews of a claims:search answer take about 6 MiB). */
export const MAX_EXCHANGE_FILE_BYTES = 8 * 1024 * 1024;

export type ExchangeFile = { bytes: Uint8Array; name: string; mediaType: string };
export type CheckedRow = { location: string; key: string; ratingKey: string; review: ExternalReview };
export type RowProblem = { location: string; reason: string };

export type ReadExchangeFile = {
  format: ExchangeFormat;
  itemCount: number;
  rows: CheckedRow[];
  problems: RowProblem[];
  /** Items that repeat an earlier item of the same file (same key): skipped, not a problem. */
  repeatedInFile: number;
  /** CSV only: the header, and the column chosen for each field. */
  csv?: { headers: string[]; columns: CsvColumns };
};

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid({ key: "notUtf8" });
  }
}

function found(file: ExchangeFile, text: string, csvColumns?: CsvColumns): { format: ExchangeFormat; items: FoundItem[]; csv?: ReadExchangeFile["csv"] } {
  const start = text.trimStart();
  if (/\.csv$/iu.test(file.name) || file.mediaType === "text/csv" || !/^[<{[]/u.test(start)) {
    const { headers, columns, items } = readClaimReviewCsv(text, csvColumns);
    return { format: "csv", items, csv: { headers, columns } };
  }
  if (start.startsWith("<")) return { format: "html", items: readClaimReviewPage(text) };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalid({ key: "notJson", params: { detail: error instanceof SyntaxError ? error.message : "unreadable" } });
  }
  if (isClaimsSearchAnswer(document)) return { format: "claims_search", items: readClaimsSearchAnswer(document) };
  return { format: "data_feed", items: readJsonLdDocument(document) };
}

/** Reads and checks every item; refuses only a file that cannot be read at all, or holds no review. */
export function readExchangeFile(file: ExchangeFile, csvColumns?: CsvColumns): ReadExchangeFile {
  if (file.bytes.byteLength > MAX_EXCHANGE_FILE_BYTES) {
    throw invalid({ key: "exchangeFileTooLarge", params: { mib: MAX_EXCHANGE_FILE_BYTES / 1024 / 1024 } });
  }
  const { format, items, csv } = found(file, decode(file.bytes), csvColumns);
  if (items.length === 0) {
    throw invalid(format === "csv" ? { key: "csvNoRows" } : { key: "noClaimReview" });
  }
  const rows: CheckedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  let repeatedInFile = 0;
  for (const item of items) {
    if ("problem" in item) {
      problems.push({ location: item.location, reason: item.problem });
      continue;
    }
    const parsed = externalReviewSchema.safeParse(item.input);
    if (!parsed.success) {
      problems.push({ location: item.location, reason: describeRowIssues(parsed.error) });
      continue;
    }
    const key = dedupeKey(parsed.data);
    if (seen.has(key)) {
      repeatedInFile += 1;
      continue;
    }
    seen.add(key);
    rows.push({ location: item.location, key, ratingKey: ratingKey(parsed.data.ratingText), review: parsed.data });
  }
  return { format, itemCount: items.length, rows, problems, repeatedInFile, ...(csv ? { csv } : {}) };
}

function describeRowIssues(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join("; ");
}
