import http from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPurgeHook, purgeHookFromEnv } from "./purge-hook";

type Received = { paths: string[]; site?: string; authorization?: string };

/** A CDN's purge endpoint on 127.0.0.1: `answer` decides each call's fate (a status, or "hang"). */
async function purgeEndpoint(answer: (call: number) => number | "hang") {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Received;
      received.push({ ...body, authorization: request.headers.authorization });
      const fate = answer(received.length);
      if (fate === "hang") return;
      response.writeHead(fate).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
  servers.push(server);
  return { url, received };
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close().closeAllConnections();
});

describe("purge hook", () => {
  it("posts the changed paths with the site and the token", async () => {
    const endpoint = await purgeEndpoint(() => 204);
    const hook = createPurgeHook({ url: endpoint.url, token: "secret-token", site: "https://checks.example" });
    hook.announce(["/fact-checks/a", "/"]);
    await hook.idle();
    expect(endpoint.received).toEqual([{ paths: ["/fact-checks/a", "/"], site: "https://checks.example", authorization: "Bearer secret-token" }]);
  });

  it("sends what comes during a call in one next call, and too many paths as everything", async () => {
    const endpoint = await purgeEndpoint(() => 200);
    const hook = createPurgeHook({ url: endpoint.url, maxPaths: 3 });
    hook.announce(["/a"]);
    hook.announce(["/b", "/c"]);
    hook.announce(["/b"]);
    await hook.idle();
    hook.announce(["/1", "/2", "/3", "/4"]);
    await hook.idle();
    expect(endpoint.received.map((call) => call.paths)).toEqual([["/a"], ["/b", "/c"], ["*"]]);
  });

  it("retries a call that fails or hangs, a bounded number of times, then gives up and says so", async () => {
    const endpoint = await purgeEndpoint((call) => (call === 1 ? "hang" : call === 2 ? 503 : 500));
    const logged: string[] = [];
    const hook = createPurgeHook({ url: endpoint.url, timeoutMs: 200, retryDelaysMs: [10, 10], log: (line) => logged.push(line) });
    hook.announce(["/fact-checks/a"]);
    await hook.idle();
    expect(endpoint.received).toHaveLength(3);
    expect(logged).toEqual([`purge hook: gave up telling ${endpoint.url} that 1 path(s) changed: it answered 500`]);
    // Still working for the next change.
    hook.announce(["/b"]);
    await hook.idle();
    expect(endpoint.received.at(-1)?.paths).toEqual(["/b"]);
  });

  it("is off without PURGE_HOOK_URL and refuses one that is not an http(s) URL", () => {
    expect(purgeHookFromEnv({})).toBeUndefined();
    expect(() => purgeHookFromEnv({ PURGE_HOOK_URL: "ftp://cdn.example/purge" })).toThrow("PURGE_HOOK_URL must be an http:// or https:// URL");
    expect(() => purgeHookFromEnv({ PURGE_HOOK_URL: "not a url" })).toThrow("PURGE_HOOK_URL");
  });
});
