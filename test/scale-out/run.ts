// `npm run test:scale-out`: Claimwork as deploy/ runs it on several machines' worth of processes: two
// app processes (each as `npm start` serves it) on one PostgreSQL, nginx in front with
// deploy/nginx.conf.template. Everything a reader or an editor does goes through nginx, and the
// suite checks what they would notice: a session works whichever process answers, a correction
// published through one process reaches the pages the other had cached within a second, sign-in
// throttling counts attempts made on either, a client cannot pass a forged address through nginx,
// shared caches keep only answers without a nonce, a CDN's purge hook hears of the change, and
// stopping one process under load loses no acknowledged write while readers keep getting pages.
// Prints one row per check; exits 1 if any fails.
//
// It uses a PostgreSQL cluster of its own (test/support/cluster.ts), the production build in
// .next-faults (or NEXT_DIST_DIR; built when missing or stale), nginx from PATH (or NGINX_PATH), and
// ports SCALE_OUT_PORT (nginx, default 3351) and the three above it (the app processes, a second
// nginx in front of a probe), and
// SCALE_OUT_PG_PORT (default 55453). SCALE_OUT_REPORT names a JSON file for npm test.
import http from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import path from "node:path";
import { findNginx } from "../../scripts/lib/find-nginx";
import { ROOT } from "../../scripts/lib/next-build";
import { listServerActions, postCredentials, sessionCookie, signIn } from "../../scripts/lib/workbench-client";
import { Load } from "../faults/load";
import { processTree, residentBytes, startApp, type RunningApp } from "../support/app";
import { publishCorrection } from "../support/publish-correction";
import { SUITE_DIST_DIR, concludeSuite, setUpSuite, sleep, suiteStopped, waitForHealthy, type Suite } from "../support/suite";
import { checkEdge } from "./edge-checks";
import { startNginx, upstreamsOf, type RunningNginx } from "./nginx";

const NGINX_PORT = Number(process.env.SCALE_OUT_PORT ?? 3351);
const APP_PORTS = [NGINX_PORT + 1, NGINX_PORT + 2] as const;
/** A second nginx, in front of a probe upstream (edge-checks.ts). */
const PROBE_NGINX_PORT = NGINX_PORT + 3;
const PG_PORT = Number(process.env.SCALE_OUT_PG_PORT ?? 55453);
const SUITE_DEADLINE_MS = 5 * 60_000;
/** How soon a correction must reach the page another process had cached (issue 15). */
const CORRECTION_LIMIT_MS = 1_000;
const READERS = 4;

const runId = Date.now().toString(36);
const started = Date.now();

type Row = { check: string; passed: boolean; detail: string; ms: number };

/** A CDN's purge endpoint on 127.0.0.1: it records every call. */
async function purgeEndpoint() {
  const calls: { paths: string[]; site?: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      calls.push(JSON.parse(Buffer.concat(chunks).toString()) as { paths: string[]; site?: string });
      response.writeHead(204).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, calls, close: () => server.close().closeAllConnections() };
}

type Get = { status: number; headers: Headers; body: string; startedAt: number };
async function get(url: string, headers: Record<string, string> = {}): Promise<Get> {
  const startedAt = Date.now();
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });
  return { status: response.status, headers: response.headers, body: await response.text(), startedAt };
}

/** Runs `work` with every fetch connecting from `address` (another loopback address than nginx's own). */
async function fromAddress<T>(address: string, work: () => Promise<T>): Promise<T> {
  const previous = getGlobalDispatcher();
  const agent = new Agent({ localAddress: address });
  setGlobalDispatcher(agent);
  try {
    return await work();
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
}

/** Resolves once `condition` holds, or after `limitMs`. */
async function waitFor(condition: () => boolean, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (!condition() && Date.now() < until) await sleep(100);
}

const nonceOf = (answer: Get) => /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "")?.[1];

async function timed(check: string, work: () => Promise<{ passed: boolean; detail: string }>): Promise<Row> {
  const begin = Date.now();
  console.log(`check: ${check} …`);
  try {
    return { check, ...(await work()), ms: Date.now() - begin };
  } catch (error) {
    return { check, passed: false, detail: `stopped: ${error instanceof Error ? error.message : String(error)}`, ms: Date.now() - begin };
  }
}

function printTable(rows: Row[]): void {
  const header = ["check", "passed", "time", "what was seen"];
  const lines = rows.map((row) => [row.check, row.passed ? "yes" : "NO", `${(row.ms / 1000).toFixed(1)} s`, row.detail]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ").trimEnd();
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("-|-")}`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<number> {
  const nginxBinary = findNginx();
  if (!nginxBinary) {
    console.error("test:scale-out needs nginx (Debian: apt-get install nginx; or set NGINX_PATH).");
    return 1;
  }
  const purge = await purgeEndpoint();
  const siteUrl = `http://127.0.0.1:${NGINX_PORT}`;
  let second: RunningApp | undefined;
  let stoppedTree: number[] = [];
  let nginx: RunningNginx | undefined;
  let suite: Suite | undefined;
  try {
    suite = await setUpSuite({
      name: "scale-out",
      appPort: APP_PORTS[0],
      pgPort: PG_PORT,
      deadlineMs: SUITE_DEADLINE_MS,
      // When the publication committed (pg_xact_commit_timestamp): the correction is timed from there.
      clusterSettings: { track_commit_timestamp: "on" },
      // What every process of a deployment shares (README, "Running several app processes").
      env: { SITE_URL: siteUrl, NEXTAUTH_URL: siteUrl, TRUSTED_PROXIES: "127.0.0.1", PURGE_HOOK_URL: purge.url },
      startAlongside: async (env) => {
        second = await startApp(APP_PORTS[1], env);
        if ((await waitForHealthy(second, Date.now())) === null) throw new Error(`the second app process never became ready:\n${second.output()}`);
      },
      onClose: async () => {
        await nginx?.stop();
        if (second && !second.exit()) await second.kill();
        // What the stopped process had started, should any of it outlive it.
        for (const pid of stoppedTree) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // gone, as it should be
          }
        }
        purge.close();
      },
    });
    const first = suite.app;
    // Started alongside the first (setUpSuite's startAlongside), or setUpSuite threw.
    const other = second!;
    const appAddresses = [first.url, other.url].map((url) => url.replace("http://", ""));
    nginx = await startNginx(nginxBinary, { port: NGINX_PORT, apps: appAddresses });
    const both = new Set(appAddresses);
    const setUpMs = Date.now() - suite.buildDone;
    const { slugPath, password } = suite;
    const actions = listServerActions(path.join(ROOT, SUITE_DIST_DIR));
    const rows: Row[] = [];
    let editorCookie = "";

    rows.push(
      await timed("a session made on one process works on the other", async () => {
        editorCookie = (await signIn(siteUrl, "editor@claimwork.example", password)) ?? "";
        if (!editorCookie) return { passed: false, detail: "signing in through nginx failed" };
        const from = nginx!.accessLog().length;
        const statuses = (await Promise.all(Array.from({ length: 6 }, () => get(`${siteUrl}/workbench`, { cookie: editorCookie })))).map((answer) => answer.status);
        const upstreams = new Set(upstreamsOf(nginx!.accessLog().slice(from), "GET /workbench"));
        return {
          passed: statuses.every((status) => status === 200) && [...both].every((app) => upstreams.has(app)),
          detail: `/workbench x6: ${[...new Set(statuses)].join(", ")}, answered by ${[...upstreams].sort().join(" and ")}`,
        };
      }),
    );

    const marker = `Scale-out correction ${runId}`;
    let publishedAt = 0;
    rows.push(
      await timed(`a correction published through one process reaches the other's cached page within ${CORRECTION_LIMIT_MS / 1000} s`, async () => {
        // Both processes hold the page (their second answer comes from their reader cache).
        const held = [];
        for (const app of [first, other]) {
          await get(app.url + slugPath);
          held.push((await get(app.url + slugPath)).headers.get("x-claimwork-cache"));
        }
        const [editor, reviewer] = [await suite!.signIn("editor"), await suite!.signIn("reviewer")];
        // The other process is read all along: when the publication is acknowledged, it may have
        // dropped its copy long before.
        let showing: Get | undefined;
        let publishing = true;
        const watching = (async () => {
          while (!showing && (publishing || Date.now() - publishedAt < 10_000)) {
            const answer = await get(other.url + slugPath);
            if (answer.body.includes(marker)) showing = answer;
            else await sleep(25);
          }
        })();
        try {
          await publishCorrection(
            { baseUrl: first.url, slugPath, editorCookie: editor, reviewerCookie: reviewer, actions, admin: suite!.admin },
            marker,
            "The scale-out suite checks that every app process serves it.",
          );
        } finally {
          publishedAt = Date.now();
          publishing = false;
        }
        await watching;
        // Timed from the moment the publication committed, which the reviewer learns of later.
        const client = await suite!.admin();
        const committed = (
          await client.query<{ at: Date }>("SELECT pg_xact_commit_timestamp(xmin) AS at FROM public_page_changes ORDER BY id DESC LIMIT 1")
        ).rows[0]!.at.getTime();
        await client.end();
        const reachedMs = showing ? showing.startedAt - committed : null;
        const viaNginx = await Promise.all(Array.from({ length: 4 }, () => get(siteUrl + slugPath)));
        const shown = viaNginx.filter((answer) => answer.status === 200 && answer.body.includes(marker)).length;
        return {
          passed: held.every((state) => state === "hit") && reachedMs !== null && reachedMs <= CORRECTION_LIMIT_MS && shown === viaNginx.length,
          detail:
            `cached before: ${held.join(", ")}; the other process served it ` +
            `${reachedMs === null ? "not within 10 s" : `${reachedMs} ms after the publication committed (${showing!.startedAt - publishedAt} ms after it was acknowledged)`}; ` +
            `through nginx ${shown}/${viaNginx.length} show it`,
        };
      }),
    );

    rows.push(
      await timed("the purge hook hears of the change from each process", async () => {
        const told = () => purge.calls.filter((call) => call.paths.includes(slugPath));
        while (told().length < 2 && Date.now() - publishedAt < 10_000) await sleep(50);
        const paths = [...new Set(told().flatMap((call) => call.paths))].sort();
        return {
          passed: told().length === 2 && told().every((call) => call.site === siteUrl),
          detail: `${told().length} call(s) naming ${paths.join(" ")}`,
        };
      }),
    );

    const admin = "admin@claimwork.example";
    // This client connects from another loopback address than nginx's: the app must count it by the
    // address nginx saw, not by nginx's own (nor by the one it claims).
    const clientAddress = "127.0.0.2";
    rows.push(
      await timed("sign-in throttling counts attempts made on either process", async () => {
        const from = nginx!.accessLog().length;
        const refused = await fromAddress(clientAddress, async () => {
          // Each wrong attempt claims another address: nginx must replace it with the one it saw.
          for (let i = 1; i <= 5; i++) {
            // An attempt is two requests (the CSRF token, the form): one more now and then, so that
            // nginx's round robin hands the forms to both processes.
            if (i % 2 === 0) await (await fetch(`${siteUrl}/api/health`)).arrayBuffer();
            const claimed = `203.0.113.${i}`;
            await (await postCredentials(siteUrl, { email: admin, password: `wrong-${i}` }, { "x-forwarded-for": claimed, "x-real-ip": claimed })).arrayBuffer();
          }
          const right = await postCredentials(siteUrl, { email: admin, password }, { "x-forwarded-for": "203.0.113.99" });
          await right.arrayBuffer();
          return sessionCookie(right) === null;
        });
        const upstreams = new Set(upstreamsOf(nginx!.accessLog().slice(from), "POST /api/auth/callback/credentials"));
        return {
          passed: refused && [...both].every((app) => upstreams.has(app)),
          detail: `5 wrong passwords on ${[...upstreams].sort().join(" and ")}, then the right one ${refused ? "refused" : "ACCEPTED"}`,
        };
      }),
    );

    rows.push(
      await timed("a client cannot forge its address through nginx", async () => {
        const client = await suite!.admin();
        const recorded = (await client.query<{ ip: string }>("SELECT DISTINCT ip FROM sign_in_attempts WHERE email = $1", [admin])).rows.map((row) => row.ip);
        await client.end();
        return {
          passed: recorded.length === 1 && recorded[0] === clientAddress,
          detail: `a client on ${clientAddress} claimed 203.0.113.x; the app recorded ${recorded.join(", ") || "nothing"}`,
        };
      }),
    );

    rows.push(
      await timed("shared caches keep only answers without a nonce", async () => {
        const feeds = [await get(`${siteUrl}/feed.xml`), await get(`${siteUrl}/feed.xml`)];
        const pages = [await get(siteUrl + slugPath), await get(siteUrl + slugPath)];
        const feedControl = feeds[0]!.headers.get("cache-control") ?? "";
        const pageControl = pages[0]!.headers.get("cache-control") ?? "";
        const edge = (answers: Get[]) => answers.map((answer) => answer.headers.get("x-claimwork-edge") ?? "-").join("/");
        const nonces = pages.map(nonceOf);
        return {
          passed:
            /\bpublic\b/.test(feedControl) &&
            /s-maxage=\d+/.test(feedControl) &&
            feeds.every((answer) => answer.status === 200 && !nonceOf(answer)) &&
            feeds[1]!.headers.get("x-claimwork-edge") === "HIT" &&
            /\bprivate\b/.test(pageControl) &&
            pages.every((answer) => answer.status === 200 && answer.headers.get("x-claimwork-edge") !== "HIT") &&
            Boolean(nonces[0]) &&
            nonces[0] !== nonces[1],
          detail: `feed.xml "${feedControl}", nginx ${edge(feeds)}; fact-check "${pageControl}", nginx ${edge(pages)}, a new nonce each time`,
        };
      }),
    );

    // The mixed load of the fault suite, through nginx; one process is stopped (SIGTERM) under it.
    const load = new Load(siteUrl, slugPath, editorCookie, runId);
    let stoppedAt = 0;
    /** Resident memory of each app process (tsx, the front server and Next), in MiB, under the load. */
    let memory: number[] = [];
    let exit: Awaited<RunningApp["exited"]> | null = null;
    rows.push(
      await timed("stopping one process under load loses no acknowledged write", async () => {
        const acknowledgedSince = (since: number) =>
          load.samples.filter((sample) => sample.kind === "import" && sample.startedAt > since && sample.status >= 200 && sample.status < 300).length;
        load.start(READERS);
        // Imports acknowledged before the stop and after it, however slow the machine is today.
        await waitFor(() => acknowledgedSince(0) >= 2, 20_000);
        stoppedAt = Date.now();
        memory = [first, other].map((app) => residentBytes(app.processes()) / 1024 / 1024);
        // SIGTERM to the server (scripts/serve.ts), as a service manager would send it.
        stoppedTree = processTree(other.pid);
        process.kill(other.pid, "SIGTERM");
        exit = await Promise.race([other.exited, sleep(30_000).then(() => null)]);
        const exitedAt = Date.now();
        const logAtExit = nginx!.accessLog().length;
        await waitFor(() => acknowledgedSince(exitedAt) >= 3, 20_000);
        await load.stop();
        const client = await suite!.admin();
        const stored = await client.query<{ id: string; title: string }>("SELECT id, title FROM articles WHERE title LIKE $1", [`Fault suite import ${runId} %`]);
        await client.end();
        const byTitle = new Map(stored.rows.map((row) => [row.title, row.id]));
        const acknowledged = load.ledger.filter((entry) => entry.outcome === "acknowledged");
        const lost = acknowledged.filter((entry) => byTitle.get(entry.title) !== entry.articleId);
        const refusedButStored = load.ledger.filter((entry) => entry.outcome === "refused" && byTitle.has(entry.title));
        const importsAfter = acknowledgedSince(exitedAt);
        const afterUpstreams = new Set(upstreamsOf(nginx!.accessLog().slice(logAtExit), "").map((upstream) => upstream.split(", ").at(-1)));
        const refusedStatuses = load.ledger.filter((entry) => entry.outcome !== "acknowledged").map((entry) => entry.status || "no answer");
        return {
          passed: exit?.code === 0 && lost.length === 0 && refusedButStored.length === 0 && importsAfter > 0 && !afterUpstreams.has(appAddresses[1]!),
          detail:
            `${acknowledged.length} imports acknowledged (${importsAfter} after the stop), ${lost.length} lost; ` +
            `not acknowledged: ${refusedStatuses.length ? refusedStatuses.join(", ") : "none"}; ` +
            `process exited ${exit ? (exit.code ?? exit.signal) : "not within 30 s"} ${exit ? `in ${((exitedAt - stoppedAt) / 1000).toFixed(1)} s` : ""}; ` +
            `answered after: ${[...afterUpstreams].join(", ")}`,
        };
      }),
    );

    rows.push(
      await timed("readers keep getting pages throughout", async () => {
        // Readers' pages: not the health check, whose 503 from a process that is stopping is the
        // readiness signal a balancer needs, not a reader turned away.
        const reads = load.samples.filter((sample) => sample.kind !== "import" && sample.kind !== "health");
        // A never-seen search turned away with a 503 while the process left has its searches' share
        // busy is load shedding (as in the hostile suite), not a reader losing a page.
        const shed = reads.filter((sample) => sample.kind === "search" && sample.status === 503 && !sample.problem);
        const failed = reads.filter((sample) => !shed.includes(sample) && (sample.status < 200 || sample.status >= 300 || sample.problem));
        const afterStop = reads.filter((sample) => sample.startedAt > stoppedAt && sample.status >= 200 && sample.status < 300).length;
        const slowest = Math.max(0, ...reads.map((sample) => sample.endedAt - sample.startedAt));
        const why = [...new Set(failed.map((sample) => `${sample.kind} ${sample.status || sample.problem}`))].join(", ");
        return {
          passed: failed.length === 0 && afterStop > 0,
          detail: `${reads.length} reads (${afterStop} answered after the stop), ${failed.length} failed${why ? ` (${why})` : ""}, ${shed.length} never-seen search(es) shed with a 503, slowest ${slowest} ms`,
        };
      }),
    );

    rows.push(await timed("nginx passes events as they come and holds slow uploads", () => checkEdge(nginxBinary, PROBE_NGINX_PORT)));

    printTable(rows);
    if (memory.length > 0) console.log(`\nresident memory under the load: ${memory.map((mib) => `${mib.toFixed(0)} MiB`).join(" and ")} (each app process with its children)`);
    console.log(`time: ${((Date.now() - suite.buildDone) / 1000).toFixed(0)} s, of which ${(setUpMs / 1000).toFixed(0)} s setting up (${((Date.now() - started) / 1000).toFixed(0)} s with the build check)`);
    return concludeSuite({
      reportFile: process.env.SCALE_OUT_REPORT,
      checks: rows.map((row) => row.passed),
      failures: rows.filter((row) => !row.passed).map((row) => `${row.check}: ${row.detail}`),
      success: "two app processes behind nginx: every check passed",
      appOutput: `${first.output()}\n--- second process ---\n${other.output()}`,
    });
  } catch (error) {
    return suiteStopped(error, suite);
  } finally {
    if (suite) await suite.close();
    else purge.close();
  }
}

process.exitCode = await main();
