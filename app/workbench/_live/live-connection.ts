// One EventSource per page, whatever the number of components following topics on it: the browser
// gives a site only a few connections over HTTP/1.1, and a second stream per page would waste one.

export type LiveMessage = { id: string; kind: "data" | "presence"; topics: string[]; actorId: string | null };
export type LiveStatus = "connecting" | "live" | "reconnecting";

type Subscriber = {
  topics: readonly string[];
  present?: string;
  since?: string;
  onMessage?: (message: LiveMessage) => void;
  onStatus?: (status: LiveStatus) => void;
};

const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
let openedFor = "";
let lastId: string | undefined;
let status: LiveStatus = "connecting";
let retryTimer: number | undefined;

function setStatus(next: LiveStatus) {
  status = next;
  for (const subscriber of subscribers) subscriber.onStatus?.(next);
}

function dispatch(kind: LiveMessage["kind"], event: MessageEvent<string>) {
  lastId = event.lastEventId || lastId;
  const { topics, actorId } = JSON.parse(event.data) as { topics: string[]; actorId: string | null };
  const message = { id: event.lastEventId, kind, topics, actorId };
  for (const subscriber of subscribers) if (topics.some((topic) => subscriber.topics.includes(topic))) subscriber.onMessage?.(message);
}

/** The oldest position any component rendered from, or the last event seen: where the stream resumes. */
function resumeFrom(): string | undefined {
  if (lastId) return lastId;
  const positions = [...subscribers].map((subscriber) => subscriber.since).filter((since): since is string => Boolean(since));
  return positions.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
}

function open() {
  window.clearTimeout(retryTimer);
  const topics = [...new Set([...subscribers].flatMap((subscriber) => subscriber.topics))].sort();
  const present = [...subscribers].find((subscriber) => subscriber.present)?.present;
  const key = `${topics.join(",")}|${present ?? ""}`;
  if (key === openedFor && source) return;
  source?.close();
  source = null;
  openedFor = key;
  if (topics.length === 0) return;
  const query = new URLSearchParams({ topics: topics.join(",") });
  if (present) query.set("present", present);
  const since = resumeFrom();
  if (since) query.set("since", since);
  const opened = new EventSource(`/api/live/events?${query}`);
  source = opened;
  setStatus("connecting");
  opened.addEventListener("open", () => setStatus("live"));
  opened.addEventListener("data", (event) => dispatch("data", event as MessageEvent<string>));
  opened.addEventListener("presence", (event) => dispatch("presence", event as MessageEvent<string>));
  opened.addEventListener("error", () => {
    setStatus("reconnecting");
    // The browser retries by itself (sending Last-Event-ID) unless the server refused the stream.
    if (opened.readyState === EventSource.CLOSED) {
      openedFor = "";
      retryTimer = window.setTimeout(open, 5_000);
    }
  });
}

// Offline, the stream is closed at once rather than left to time out; back online it resumes after
// the last event seen, so what was written meanwhile arrives then.
if (typeof window !== "undefined") {
  window.addEventListener("offline", () => {
    source?.close();
    source = null;
    openedFor = "";
    setStatus("reconnecting");
  });
  window.addEventListener("online", open);
}

/** Follows topics until the returned function is called; the shared stream is reopened to match. */
export function subscribeLive(subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  subscriber.onStatus?.(status);
  queueMicrotask(open);
  return () => {
    subscribers.delete(subscriber);
    queueMicrotask(open);
  };
}
