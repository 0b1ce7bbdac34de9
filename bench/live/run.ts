// npm run bench:live [-- --json]
// Live updates (lib/live, ADR 0011) on the app as `npm start` serves it (front server, `next start`
// behind it) on 127.0.0.1: BENCH_LIVE_CONNECTIONS (200) signed-in streams follow one claim while
// BENCH_LIVE_WRITES (20) edits of that claim commit, one every 500 ms. For each write and each
// stream: the delay from the start of the write (the use case, run in this process on the same
// database) to the arrival of its event; p50, p99 and max. Memory: the resident memory of the app's
// process tree with the streams open, against the same with one stream. Baseline, same run: the same
// writes with a single stream open.
// Makes and drops its own database on TEST_DATABASE_URL's or DATABASE_URL's server.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { signIn } from "../../scripts/lib/workbench-client";
import { withBenchDatabase } from "../lib/bench-database";
import { startBenchApp } from "../lib/start-bench-app";
import { percentile } from "../lib/percentile";
import { readTreeMemory } from "../load/sample-memory";

const json = process.argv.includes("--json");
const CONNECTIONS = Number(process.env.BENCH_LIVE_CONNECTIONS ?? 200);
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 20);
const WRITE_EVERY_MS = 500;
const WATCHDOG_MS = 20 * 60_000;

const log = (line: string) => (json ? console.error(line) : console.log(line));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Stream = { arrivals: number[]; opened: Promise<void>; close(): void };

/** One live stream, as the browser's EventSource opens it; records when each data event arrives. */
function openStream(baseUrl: string, cookie: string, topic: string, agent: http.Agent): Stream {
  const arrivals: number[] = [];
  let request: http.ClientRequest | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get(`${baseUrl}/api/live/events?topics=${topic}`, { agent, headers: { cookie, accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`the stream answered ${response.statusCode}`));
      response.setEncoding("utf8");
      let buffered = "";
      response.on("data", (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (block.includes("event: data")) arrivals.push(performance.now());
          if (block.startsWith("retry:")) resolve();
        }
      });
      response.on("error", () => {});
    });
    request.on("error", reject);
  });
  return { arrivals, opened, close: () => request?.destroy() };
}

type Round = { connections: number; delaysMs: { p50: number; p99: number; max: number }; received: number; expected: number; memoryMiB: number };

async function main(): Promise<void> {
  await withBenchDatabase({ prefix: "claimwork_live", watchdogMs: WATCHDOG_MS, log }, async (database) => {
    const { ensureUser } = await import("@/lib/users/ensure-user");
    const { loadActor } = await import("@/lib/auth/load-actor");
    const { createClaim } = await import("@/lib/claims/create-claim");
    const { updateClaim } = await import("@/lib/claims/update-claim");
    const password = randomBytes(12).toString("base64url");
    const email = `live-bench-${randomBytes(4).toString("hex")}@bench.claimwork.example`;
    const { id: userId } = await ensureUser({ email, name: "Live bench editor", role: "editor", password });
    const editor = (await loadActor(userId, "bench-live"))!;
    const claim = await createClaim(editor, { statement: "The port handled twelve million containers", claimant: "The harbour master", language: "en", tags: [] });
    let version = 1;

    const { app, build } = await startBenchApp(database, { json, log });
    const cookie = await signIn(app.url, email, password);
    if (!cookie) throw new Error("the bench editor could not sign in");
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const topic = `claim:${claim.id}`;

    async function round(connections: number): Promise<Round> {
      const streams = Array.from({ length: connections }, () => openStream(app.url, cookie!, topic, agent));
      await Promise.all(streams.map((stream) => stream.opened));
      await sleep(3_000); // settled: every stream's code paths have run once
      const memoryMiB = readTreeMemory([app.pid]).mib;
      const started: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        started.push(performance.now());
        await updateClaim(editor, { claimId: claim.id, expectedVersion: version, statement: "The port handled twelve million containers", claimant: "The harbour master", language: "en", tags: [`round-${connections}-${i}`] });
        version++;
        await sleep(WRITE_EVERY_MS);
      }
      await sleep(2_000);
      const delays: number[] = [];
      for (const stream of streams) stream.arrivals.forEach((arrival, index) => index < started.length && delays.push(arrival - started[index]!));
      for (const stream of streams) stream.close();
      await sleep(1_000);
      delays.sort((a, b) => a - b);
      const round2 = (value: number) => Math.round(value * 10) / 10;
      return {
        connections,
        delaysMs: { p50: round2(percentile(delays, 0.5)), p99: round2(percentile(delays, 0.99)), max: round2(delays.at(-1) ?? 0) },
        received: delays.length,
        expected: connections * WRITES,
        memoryMiB: Math.round(memoryMiB * 10) / 10,
      };
    }

    // Warm-up: the route's code loads on first use.
    await round(1);
    log(`Baseline: 1 stream, ${WRITES} writes …`);
    const baseline = await round(1);
    log(`${CONNECTIONS} streams, ${WRITES} writes …`);
    const loaded = await round(CONNECTIONS);
    const perConnectionKiB = Math.round(((loaded.memoryMiB - baseline.memoryMiB) * 1024) / Math.max(1, CONNECTIONS - 1));
    const report = { build: build.note, writesEveryMs: WRITE_EVERY_MS, baseline, loaded, memoryPerConnectionKiB: perConnectionKiB };
    if (json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log("");
      console.log("streams  received/expected  p50 ms  p99 ms  max ms  app RSS MiB");
      for (const row of [baseline, loaded]) {
        console.log(
          `${String(row.connections).padStart(7)}  ${`${row.received}/${row.expected}`.padStart(17)}  ${String(row.delaysMs.p50).padStart(6)}  ${String(row.delaysMs.p99).padStart(6)}  ${String(row.delaysMs.max).padStart(6)}  ${String(row.memoryMiB).padStart(11)}`,
        );
      }
      console.log(`memory per open stream: ${perConnectionKiB} KiB (RSS difference / ${CONNECTIONS - 1})`);
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
