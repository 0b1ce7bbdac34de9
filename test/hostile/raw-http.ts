// The attacker's tools: requests whose target and headers are sent exactly as written (fetch would
// normalise the path and refuses to set Host), floods bounded in count, time and rate, and
// connections that send their request a byte at a time. 127.0.0.1 only.
import { setMaxListeners } from "node:events";
import http from "node:http";
import net from "node:net";

/** An answer, or status 0 when none came (refused, reset, aborted at the attack's end). */
export type RawAnswer = { status: number; body: string };

export type RawRequest = { method?: string; target: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer };

/** Sends one request over `agent` with its target and headers as given; the body is read to the end. */
export function rawRequest(port: number, request: RawRequest, agent: http.Agent, signal: AbortSignal): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: "127.0.0.1", port, method: request.method ?? "GET", path: request.target, headers: request.headers, agent, signal },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        answer.on("error", () => resolve({ status: 0, body: "" }));
      },
    );
    outgoing.on("error", () => resolve({ status: 0, body: "" }));
    outgoing.end(request.body);
  });
}

export type FloodResult = {
  sent: number;
  /** "200", "500", "no answer" -> how many. */
  answers: Map<string, number>;
  /** The start of the first body of each status other than 200, to say what the app answered. */
  excerpts: Map<string, string>;
};

/** How a flood's request goes out: over the flood's own connections, aborted at its end. */
export type Via = { agent: http.Agent; signal: AbortSignal };

/**
 * Calls `send(i)` for i = 0, 1, … with at most `concurrency` in flight and at most `perSecond` a
 * second, until `max` were sent or `durationMs` passed; requests still in flight then are aborted.
 */
export async function flood(options: {
  durationMs: number;
  max: number;
  concurrency: number;
  perSecond?: number;
  send: (i: number, via: Via) => Promise<RawAnswer>;
  /** Sees every answer (e.g. to keep the spellings that answered 200). */
  onAnswer?: (i: number, answer: RawAnswer) => void;
}): Promise<FloodResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // one listener per request in flight
  const timer = setTimeout(() => stop.abort(), options.durationMs);
  const started = Date.now();
  const result: FloodResult = { sent: 0, answers: new Map(), excerpts: new Map() };
  const worker = async () => {
    while (!stop.signal.aborted && result.sent < options.max) {
      if (options.perSecond) {
        const due = started + (result.sent / options.perSecond) * 1000;
        if (due > Date.now()) {
          await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          continue;
        }
      }
      const i = result.sent++;
      const answer = await options.send(i, { agent, signal: stop.signal }).catch((): RawAnswer => ({ status: 0, body: "" }));
      const key = answer.status === 0 ? (stop.signal.aborted ? "aborted at the end" : "no answer") : String(answer.status);
      result.answers.set(key, (result.answers.get(key) ?? 0) + 1);
      if (answer.status !== 200 && answer.body && !result.excerpts.has(key)) result.excerpts.set(key, excerpt(answer.body));
      options.onAnswer?.(i, answer);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  clearTimeout(timer);
  agent.destroy();
  return result;
}

export type SlowResult = {
  opened: number;
  /** Connections the app closed before the attacker did. */
  closedByApp: number;
  /** Status lines the app answered with before the attacker gave up. */
  answers: Map<string, number>;
};

/**
 * Opens `count` connections that each send `head(i)` and then one byte of `trickle` every `everyMs`
 * until `durationMs` has passed, never finishing the request; then closes those still open.
 */
export async function slowConnections(options: {
  port: number;
  count: number;
  durationMs: number;
  everyMs: number;
  head: (i: number) => string;
  trickle: string;
}): Promise<SlowResult> {
  const result: SlowResult = { opened: 0, closedByApp: 0, answers: new Map() };
  const sockets: net.Socket[] = [];
  let over = false;
  await Promise.all(
    Array.from(
      { length: options.count },
      (_, i) =>
        new Promise<void>((resolve) => {
          // A connection the app's backlog leaves unanswered is not waited for (it is not counted as opened).
          setTimeout(resolve, 5_000);
          const socket = net.connect({ host: "127.0.0.1", port: options.port }, () => {
            result.opened++;
            socket.write(options.head(i));
            resolve();
          });
          sockets.push(socket);
          let answered = false;
          socket.on("data", (chunk: Buffer) => {
            if (answered) return;
            answered = true;
            const status = /^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString("latin1"))?.[1] ?? "non-HTTP answer";
            result.answers.set(status, (result.answers.get(status) ?? 0) + 1);
          });
          socket.on("error", () => resolve());
          socket.on("close", () => {
            if (!over) result.closedByApp++;
            resolve();
          });
        }),
    ),
  );
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < options.durationMs) {
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    const byte = options.trickle[sent++ % options.trickle.length]!;
    for (const socket of sockets) if (!socket.destroyed && socket.writable) socket.write(byte);
  }
  over = true;
  for (const socket of sockets) socket.destroy();
  return result;
}

/** The text of an answer, roughly (JSON as is, HTML without tags), cut short. */
function excerpt(body: string): string {
  const text = body.trimStart().startsWith("<") ? body.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " ") : body;
  return text.replace(/\s+/g, " ").trim().slice(0, 100);
}

/** "200 x3, 500 x1 (“what the first 500 said”)" */
export function tally(answers: Map<string, number>, excerpts = new Map<string, string>()): string {
  const parts = [...answers].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} x${count}${excerpts.has(key) ? ` (“${excerpts.get(key)}”)` : ""}`);
  return parts.join(", ") || "-";
}
