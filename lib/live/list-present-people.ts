import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { authorizeLiveTopics } from "@/lib/live/authorize-live-topics";
import { PRESENCE_FRESH_MS } from "@/lib/live/change-feed";
import { liveTopicSchema } from "@/lib/live/live-topics";
import { EDITING_FRESH_MS } from "@/lib/live/mark-draft-editing";

export const presentPeopleSchema = z.object({ topic: liveTopicSchema });

export type PresentPerson = { id: string; name: string; editing: boolean };

/** The other people who have this page open now, by name, and whether each is typing in its draft. */
export async function listPresentPeople(actor: Actor | null, rawInput: z.input<typeof presentPeopleSchema>): Promise<PresentPerson[]> {
  const { topic } = parseInput(presentPeopleSchema, rawInput);
  const viewer = await authorizeLiveTopics(actor, [topic]);
  const now = Date.now();
  const rows = await getDb().livePresence.findMany({
    where: { topic, userId: { not: viewer.id }, lastSeenAt: { gt: new Date(now - PRESENCE_FRESH_MS) }, user: { status: "active" } },
    select: { editingAt: true, user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  const people = new Map<string, PresentPerson>();
  for (const row of rows) {
    const editing = row.editingAt !== null && row.editingAt.getTime() > now - EDITING_FRESH_MS;
    const known = people.get(row.user.id);
    people.set(row.user.id, { id: row.user.id, name: row.user.name, editing: editing || (known?.editing ?? false) });
  }
  return [...people.values()];
}
