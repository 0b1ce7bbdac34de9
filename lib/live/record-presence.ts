import { getDb } from "@/lib/db";
import type { LiveTopic } from "@/lib/live/live-topics";

// Presence rows change with open connections, not through a use case's audited write; each change
// also writes a 'presence' change row, so the other pages on the topic refetch who is there.

export async function enterPresence(connectionId: string, userId: string, topic: LiveTopic): Promise<void> {
  await getDb().$transaction([
    getDb().livePresence.create({ data: { connectionId, userId, topic } }),
    getDb().workbenchChange.create({ data: { actorId: userId, kind: "presence", topics: [topic] } }),
  ]);
}

export async function leavePresence(connectionId: string, userId: string, topic: LiveTopic): Promise<void> {
  await getDb().$transaction([
    getDb().livePresence.deleteMany({ where: { connectionId } }),
    getDb().workbenchChange.create({ data: { actorId: userId, kind: "presence", topics: [topic] } }),
  ]);
}
