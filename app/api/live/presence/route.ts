import type { NextRequest } from "next/server";
import { runApiRequest } from "@/lib/actions/run-api-request";
import { listPresentPeople } from "@/lib/live/list-present-people";
import { markDraftEditing } from "@/lib/live/mark-draft-editing";

export const dynamic = "force-dynamic";

/** GET /api/live/presence?topic=claim:ID — the other people with that page open now. */
export function GET(request: NextRequest) {
  return runApiRequest(async (actor) => ({ people: await listPresentPeople(actor, { topic: request.nextUrl.searchParams.get("topic") ?? "" }) }));
}

/** POST /api/live/presence {"verdictId": ID} — "I am typing in this verdict's draft" (repeated while typing). */
export function POST(request: NextRequest) {
  return runApiRequest(async (actor) => markDraftEditing(actor, await request.json().catch(() => ({}))), { fromThisSiteOnly: true });
}
