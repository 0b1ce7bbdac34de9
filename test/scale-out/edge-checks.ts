// What nginx itself must do for the app, checked against a probe upstream that sees exactly what
// nginx sends it (the same rendered configuration, a second nginx in front of the probe): server-sent
// events reach the reader event by event, and a slow upload reaches no app process before it is whole.
// Both are checked by order of events, not by timing.
import http from "node:http";
import net from "node:net";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { sleep } from "../support/suite";
import { startNginx } from "./nginx";

const WAIT_MS = 5_000;

type Probe = {
  address: string;
  /** Requests that reached the probe (its "request" event: headers received), by path. */
  arrived: string[];
  /** Bodies the probe read whole, by path. */
  bodies: Map<string, number>;
  /** Ends every event stream with its second event. */
  releaseSecondEvent(): void;
  close(): void;
};

async function startProbe(): Promise<Probe> {
  const arrived: string[] = [];
  const bodies = new Map<string, number>();
  const streams: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? "";
    arrived.push(path);
    if (path.startsWith("/api/live") || path.startsWith("/events")) {
      // The header asks nginx not to buffer; /api/live is unbuffered by location as well.
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        ...(path.startsWith("/events") ? { "x-accel-buffering": "no" } : {}),
      });
      response.write("data: first\n\n");
      streams.push(response);
      return;
    }
    let bytes = 0;
    request.on("data", (chunk: Buffer) => (bytes += chunk.length));
    request.on("end", () => {
      bodies.set(path, bytes);
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived,
    bodies,
    releaseSecondEvent: () => {
      for (const stream of streams.splice(0)) stream.end("data: second\n\n");
    },
    close: () => server.close().closeAllConnections(),
  };
}

/** Whether the first event of `path` came through nginx while the probe still held back the second. */
async function eventArrivesAlone(baseUrl: string, path: string, probe: Probe): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), WAIT_MS);
  try {
    const response = await fetch(baseUrl + path, { signal: controller.signal, headers: { "accept-encoding": "gzip" } });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("data: first")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    const alone = text.includes("data: first") && !text.includes("data: second");
    probe.releaseSecondEvent();
    await reader.cancel().catch(() => {});
    return alone;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    probe.releaseSecondEvent();
  }
}

/** Sends half a body, waits, and reports whether the probe had seen the request by then; then sends the rest. */
async function slowUpload(port: number, probe: Probe): Promise<{ seenBeforeWhole: boolean; bodyBytes: number | undefined }> {
  const half = "x".repeat(32 * 1024);
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${half.length * 2}\r\nConnection: close\r\n\r\n${half}`);
  await sleep(1_000);
  const seenBeforeWhole = probe.arrived.includes("/upload");
  socket.write(half);
  const answered = once(socket, "end").catch(() => undefined);
  socket.resume();
  await Promise.race([answered, sleep(WAIT_MS)]);
  socket.destroy();
  return { seenBeforeWhole, bodyBytes: probe.bodies.get("/upload") };
}

export async function checkEdge(nginxBinary: string, port: number): Promise<{ passed: boolean; detail: string }> {
  const probe = await startProbe();
  const nginx = await startNginx(nginxBinary, { port, apps: [probe.address] }).catch((error: Error) => {
    probe.close();
    throw error;
  });
  try {
    const byLocation = await eventArrivesAlone(nginx.url, "/api/live", probe);
    const byHeader = await eventArrivesAlone(nginx.url, "/events", probe);
    const upload = await slowUpload(port, probe);
    return {
      passed: byLocation && byHeader && !upload.seenBeforeWhole && upload.bodyBytes === 64 * 1024,
      detail:
        `an event came alone via /api/live: ${byLocation ? "yes" : "NO"}, via X-Accel-Buffering: ${byHeader ? "yes" : "NO"}; ` +
        `a slow upload reached the upstream ${upload.seenBeforeWhole ? "BEFORE it was whole" : "only once whole"} (${upload.bodyBytes ?? "no"} bytes)`,
    };
  } finally {
    await nginx.stop();
    probe.close();
  }
}
