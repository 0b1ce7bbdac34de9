import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { authorizeLiveTopics } from "@/lib/live/authorize-live-topics";
import { topicOf } from "@/lib/live/live-topics";

/** How long one keystroke counts as "editing now"; the page repeats the mark while typing goes on. */
export const EDITING_FRESH_MS = 15_000;

export const markDraftEditingSchema = z.object({ verdictId: z.uuid("verdictId is a verdict id") });

/**
 * Marks the actor as typing in this verdict's draft, on their open connections to its page. The
 * others' pages hear of it (a presence change) only when the actor starts, not at every keystroke.
 */
export async function markDraftEditing(actor: Actor | null, rawInput: z.input<typeof markDraftEditingSchema>): Promise<{ editing: boolean }> {
  const { verdictId } = parseInput(markDraftEditingSchema, rawInput);
  const topic = topicOf("verdict", verdictId);
  const editor = requirePermission(await authorizeLiveTopics(actor, [topic]), "verdicts.draft");
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    const started = await tx.livePresence.updateMany({
      where: { userId: editor.id, topic, OR: [{ editingAt: null }, { editingAt: { lt: new Date(now.getTime() - EDITING_FRESH_MS) } }] },
      data: { editingAt: now },
    });
    const going = await tx.livePresence.updateMany({ where: { userId: editor.id, topic }, data: { editingAt: now } });
    if (started.count > 0) await tx.workbenchChange.create({ data: { actorId: editor.id, kind: "presence", topics: [topic] } });
    return { editing: going.count > 0 };
  });
}
