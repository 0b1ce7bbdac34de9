// What makes a row of an archive file publishable as our own fact-check, beyond what every review
// needs: a rating that maps onto our scale (through rating_mappings) and a claimant (a published
// fact-check names who made the claim). A row that fails becomes a problem, reported with its place.
import type { Rating } from "@/lib/generated/prisma/enums";
import type { CheckedRow, ReadExchangeFile, RowProblem } from "./read-exchange-file";

export type ArchiveRow = CheckedRow & { rating: Rating; claimant: string };

export function checkArchiveRows(read: ReadExchangeFile, ratingOf: ReadonlyMap<string, Rating>): { rows: ArchiveRow[]; problems: RowProblem[] } {
  const rows: ArchiveRow[] = [];
  const problems: RowProblem[] = [...read.problems];
  for (const row of read.rows) {
    const rating = ratingOf.get(row.ratingKey);
    const reasons = [
      ...(rating ? [] : [`the rating “${row.review.ratingText}” is not mapped to our scale (map it on the ratings page first)`]),
      ...(row.review.claimant ? [] : ["the claimant is missing"]),
    ];
    if (reasons.length > 0 || !rating || !row.review.claimant) problems.push({ location: row.location, reason: reasons.join("; ") });
    else rows.push({ ...row, rating, claimant: row.review.claimant });
  }
  return { rows, problems };
}
