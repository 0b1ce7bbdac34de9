import { runApiRequest } from "@/lib/actions/run-api-request";
import { requirePermission } from "@/lib/auth/actor";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";

/** The audit rows the page's filters select, as a CSV download (the filters are the page's query). */
export function GET(request: Request) {
  return runApiRequest(async (actor) => {
    const filters = Object.fromEntries(new URL(request.url).searchParams);
    const chunks = exportAuditEvents(requirePermission(actor, "audit.read"), filters);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="claimwork-audit-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}
