// A spreadsheet of other fact-checkers' reviews. Its columns are whatever the sender named them:
// the page proposes a column for each field from the header (guessCsvColumns) and the person
// corrects it; each data row is one item, located by its line in the file.
import { parse } from "csv-parse/sync";
import { invalid } from "@/lib/errors";
import type { ExternalReviewInput } from "./external-review";
import { type CsvColumns, type CsvField } from "./csv-fields";
import type { FoundItem } from "./read-json-ld-claim-reviews";

// Header words that name each field, compared without case, spaces or punctuation.
const HEADER_WORDS: Record<CsvField, string[]> = {
  claimText: ["claim", "claimtext", "claimreviewed", "text", "statement", "affirmation"],
  claimant: ["claimant", "author", "speaker", "auteur"],
  claimedAt: ["claimdate", "claimedat", "datedelaffirmation"],
  publisherName: ["publisher", "publishername", "factchecker", "organisation", "organization", "media"],
  publisherSite: ["publishersite", "site", "website", "domain"],
  reviewUrl: ["url", "reviewurl", "address", "link", "lien", "adresse"],
  headline: ["headline", "title", "titre"],
  reviewedAt: ["reviewdate", "datepublished", "date", "reviewedat"],
  ratingText: ["rating", "textualrating", "verdict", "alternatename", "note"],
  language: ["language", "languagecode", "inlanguage", "langue", "lang"],
};
const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/gu, "");

/** For each field, the first header that names it. */
export function guessCsvColumns(headers: readonly string[]): CsvColumns {
  const columns: CsvColumns = {};
  for (const field of Object.keys(HEADER_WORDS) as CsvField[]) {
    const header = headers.find((candidate) => HEADER_WORDS[field].includes(squash(candidate)));
    if (header !== undefined) columns[field] = header;
  }
  return columns;
}

type Parsed = { info: { lines: number }; record: string[] };

/** The header and the items of a CSV text; `columns` defaults to the guess from the header. */
export function readClaimReviewCsv(text: string, columns?: CsvColumns): { headers: string[]; columns: CsvColumns; items: FoundItem[] } {
  let records: Parsed[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as Parsed[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? String((error as { lines: number }).lines) : "none";
    throw invalid({ key: "csvUnreadable", params: { line } });
  }
  const [header, ...rows] = records;
  if (!header) throw invalid({ key: "csvEmpty" });
  const headers = header.record;
  const chosen = columns ?? guessCsvColumns(headers);
  for (const [field, name] of Object.entries(chosen)) {
    if (!headers.includes(name)) throw invalid({ key: "csvColumnMissing", params: { name, field } });
  }
  const items = rows.map(({ info, record }): FoundItem => {
    const input: ExternalReviewInput = {};
    for (const [field, name] of Object.entries(chosen) as [CsvField, string][]) input[field] = record[headers.indexOf(name)];
    return { location: `line ${info.lines}`, input };
  });
  return { headers, columns: chosen, items };
}
