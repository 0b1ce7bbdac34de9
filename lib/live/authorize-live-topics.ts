import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { splitTopic, type LiveTopic, type TopicKind } from "@/lib/live/live-topics";

/** Who may follow a topic: whoever may read the page it belongs to. */
const READ_PERMISSION: Record<TopicKind | "queue", Action> = {
  article: "articles.read",
  claim: "claims.read",
  verdict: "claims.read",
  queue: "claims.read",
};

async function countExisting(kind: TopicKind, ids: string[]): Promise<number> {
  const db = getDb();
  if (kind === "article") return db.article.count({ where: { id: { in: ids }, deletedAt: null } });
  if (kind === "claim") return db.claim.count({ where: { id: { in: ids } } });
  return db.verdict.count({ where: { id: { in: ids } } });
}

/**
 * Refuses the whole list unless the actor may read every topic's page and every record exists, so a
 * stream never tells anyone about a record they could not open.
 */
export async function authorizeLiveTopics(actor: Actor | null, topics: readonly LiveTopic[]): Promise<Actor> {
  const checked = requirePermission(actor, "workbench.access");
  const idsByKind = new Map<TopicKind, Set<string>>();
  for (const topic of topics) {
    const parts = splitTopic(topic);
    requirePermission(checked, READ_PERMISSION[parts?.kind ?? "queue"]);
    if (parts) idsByKind.set(parts.kind, (idsByKind.get(parts.kind) ?? new Set()).add(parts.id));
  }
  for (const [kind, ids] of idsByKind) {
    if ((await countExisting(kind, [...ids])) !== ids.size) throw notFound(`${kind}ToFollow`);
  }
  return checked;
}
