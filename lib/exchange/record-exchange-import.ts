// What both imports (other fact-checkers' work, our own archive) do alike: refuse a file with a
// problem unless the person confirmed the good rows only, and end with the import's row and its
// audit row in the import's transaction.
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { ExchangeFormat } from "./external-review";
import type { RowProblem } from "./read-exchange-file";

export type ImportCounts = { imported: number; skipped: number; refused: number };

/** Throws, naming the first problems, when the file has any and the person did not confirm; or when nothing is left. */
export function refuseUnconfirmedProblems(problems: RowProblem[], itemCount: number, goodCount: number, onlyGoodRows: boolean): void {
  if (problems.length > 0 && !onlyGoodRows) {
    const listed = problems.slice(0, 3).map((problem) => `${problem.location}: ${problem.reason}`).join("; ");
    throw invalid(
      { key: "importProblems", params: { count: problems.length, total: itemCount, listed: `${listed}${problems.length > 3 ? "; …" : ""}` } },
      { problems: problems.length },
    );
  }
  if (goodCount === 0) throw invalid({ key: "nothingImportable" });
}

export async function recordExchangeImport(
  tx: Tx,
  actor: Actor,
  entry: { importId: string; format: ExchangeFormat; fileName: string; itemCount: number; counts: ImportCounts; ownArchive: boolean },
): Promise<void> {
  const { importId, format, fileName, itemCount, counts, ownArchive } = entry;
  await tx.exchangeImport.create({
    data: {
      id: importId,
      format,
      fileName: fileName.slice(0, 300),
      itemCount,
      importedCount: counts.imported,
      skippedCount: counts.skipped,
      refusedCount: counts.refused,
      ownArchive,
      importedById: actor.id,
    },
  });
  await recordAuditEvent(tx, actor, {
    action: ownArchive ? "exchange.archive_imported" : "exchange.imported",
    entityType: "exchange_import",
    entityId: importId,
    after: { fileName, format, items: itemCount, ...counts },
  });
}
