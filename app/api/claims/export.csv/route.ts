import { runApiRequest } from "@/lib/actions/run-api-request";
import { exportClaims } from "@/lib/claims/export-claims";

/** Every claim with its verdict's status and rating, as CSV, for signed-in staff (the use case checks who). */
export function GET() {
  return runApiRequest(async (actor) => {
    const lines = exportClaims(actor);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8; header=present",
        "Content-Disposition": `attachment; filename="claims-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
