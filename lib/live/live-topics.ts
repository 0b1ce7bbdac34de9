import { z } from "zod";

// The one vocabulary of live topics: what a workbench page follows, and what a write names as changed.
// A topic names a record (its id only, never its content), or the review queue.
export const TOPIC_KINDS = ["article", "claim", "verdict"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export type LiveTopic = `${TopicKind}:${string}` | "queue";

export const QUEUE_TOPIC = "queue" satisfies LiveTopic;

export const topicOf = (kind: TopicKind, id: string): LiveTopic => `${kind}:${id}`;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TOPIC_PATTERN = new RegExp(`^((${TOPIC_KINDS.join("|")}):${UUID}|${QUEUE_TOPIC})$`);

export const liveTopicSchema = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine((value) => TOPIC_PATTERN.test(value), { error: "a topic is article:ID, claim:ID, verdict:ID or queue" })
  .transform((value) => value as LiveTopic);

/** A record topic ("claim:…"), split; undefined for the queue. */
export function splitTopic(topic: LiveTopic): { kind: TopicKind; id: string } | undefined {
  const at = topic.indexOf(":");
  if (at < 0) return undefined;
  return { kind: topic.slice(0, at) as TopicKind, id: topic.slice(at + 1) };
}

/** What the live stream sends for one committed transaction: ids and topics, never content. */
export type LiveEvent = { id: string; kind: "data" | "presence"; topics: LiveTopic[]; actorId: string | null };
