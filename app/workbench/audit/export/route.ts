import { runApiRequest } from "@/lib/actions/run-api-request";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { csvDownload } from "@/lib/csv/csv-download";

/** The audit rows the page's filters select, as a CSV download (the filters are the page's query; the use case checks who). */
export function GET(request: Request) {
  return runApiRequest(async (actor) =>
    csvDownload(exportAuditEvents(actor, Object.fromEntries(new URL(request.url).searchParams)), `claimwork-audit-${new Date().toISOString().slice(0, 10)}.csv`),
  );
}
