import { runApiRequest } from "@/lib/actions/run-api-request";
import { exportClaims } from "@/lib/claims/export-claims";
import { csvDownload } from "@/lib/csv/csv-download";

/** Every claim with its verdict's status and rating, as CSV, for signed-in staff (the use case checks who). */
export function GET() {
  return runApiRequest(async (actor) => csvDownload(exportClaims(actor), `claims-${new Date().toISOString().slice(0, 10)}.csv`));
}
