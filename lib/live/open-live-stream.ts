import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { authorizeLiveTopics } from "@/lib/live/authorize-live-topics";
import { getChangeFeed } from "@/lib/live/change-feed";
import { liveTopicSchema, type LiveEvent, type LiveTopic } from "@/lib/live/live-topics";
import { readSettledChanges } from "@/lib/live/read-settled-changes";
import { enterPresence, leavePresence } from "@/lib/live/record-presence";

const HEARTBEAT_MS = 10_000;

export const liveStreamSchema = z.object({
  topics: z.array(liveTopicSchema).min(1, "name at least one topic").max(20, "at most 20 topics"),
  /** The topic whose page this is, to show the person there (presence); one of `topics`. */
  present: liveTopicSchema.optional(),
  /** The last change id the page has (Last-Event-ID on a reconnection). */
  since: z.string().regex(/^\d{1,20}$/, "since is a change id").optional(),
});

const encoder = new TextEncoder();

function eventText(event: LiveEvent, topics: Set<LiveTopic>): string | undefined {
  const mine = event.topics.filter((topic) => topics.has(topic));
  if (mine.length === 0) return undefined;
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify({ topics: mine, actorId: event.actorId })}\n\n`;
}

/**
 * A server-sent event stream of the changes to the topics the actor may follow: first what happened
 * after `since`, then, live, whatever commits. Events carry ids and topics only; the page fetches what
 * changed through its usual, authorized reads. While the stream is open the actor is shown as present
 * on `present`.
 */
export async function openLiveStream(
  actor: Actor | null,
  rawInput: z.input<typeof liveStreamSchema>,
  /** The request's: when the browser leaves, the stream ends and the person leaves the page's presence. */
  signal?: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const input = parseInput(liveStreamSchema, rawInput);
  const topics = new Set(input.topics);
  if (input.present && !topics.has(input.present)) throw invalid({ key: "presentNotTopic" });
  const follower = await authorizeLiveTopics(actor, [...topics]);
  const feed = getChangeFeed();
  const connectionId = randomUUID();
  let closed = false;
  let cleanup = () => {};
  // Leaving waits for entering, so a page closed at once leaves no presence row behind.
  let entered: Promise<unknown> = Promise.resolve();

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = input.since ? BigInt(input.since) : -1n;
      let caughtUp = false;
      const held: LiveEvent[] = [];
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = (events: LiveEvent[]) => {
        for (const event of events) {
          if (BigInt(event.id) <= lastSent) continue;
          const text = eventText(event, topics);
          if (text) write(text);
          lastSent = BigInt(event.id);
        }
      };
      // Subscribed before catching up, so nothing falls between the two; live events wait meanwhile.
      const subscription = await feed.subscribe((events) => (caughtUp ? send(events) : held.push(...events)));
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      const releasePresence = input.present ? feed.holdPresence(connectionId) : () => {};
      cleanup = () => {
        clearInterval(heartbeat);
        subscription.unsubscribe();
        releasePresence();
        const present = input.present;
        if (present) void entered.then(() => leavePresence(connectionId, follower.id, present)).catch(() => {});
      };
      signal?.addEventListener("abort", () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      });
      write(`retry: 2000\n: position ${subscription.position}\n\n`);
      try {
        if (input.since && BigInt(input.since) < BigInt(subscription.position)) {
          const missed = await readSettledChanges(getDb(), input.since, [...topics]);
          send(missed.events.filter((event) => BigInt(event.id) <= BigInt(subscription.position)));
        }
        lastSent = lastSent < BigInt(subscription.position) ? BigInt(subscription.position) : lastSent;
        caughtUp = true;
        send(held.splice(0));
        if (input.present) await (entered = enterPresence(connectionId, follower.id, input.present));
      } catch (error) {
        closed = true;
        cleanup();
        controller.error(error);
      }
    },
    cancel() {
      if (closed) return;
      closed = true;
      cleanup();
    },
  });
}
