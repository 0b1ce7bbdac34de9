import type { NextRequest } from "next/server";
import { runApiRequest } from "@/lib/actions/run-api-request";
import { openLiveStream } from "@/lib/live/open-live-stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/live/events?topics=article:ID,claim:ID&present=article:ID&since=CHANGE_ID — the server-sent
 * event stream of a workbench page (lib/live/open-live-stream.ts). The browser resumes with
 * Last-Event-ID. no-transform keeps it out of any compression that would hold events back.
 */
export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  return runApiRequest(async (actor) => {
    const stream = await openLiveStream(
      actor,
      {
        topics: (query.get("topics") ?? "").split(",").filter(Boolean),
        present: query.get("present") ?? undefined,
        since: request.headers.get("last-event-id") ?? query.get("since") ?? undefined,
      },
      request.signal,
    );
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-store, no-transform",
        "x-accel-buffering": "no",
      },
    });
  });
}
