// npm run bench:public-page [-- --json]
// 1. The published fact-check page under load: the app as `npm start` serves it (front server, reader cache, `next start` behind) on a database of its own with the demo
//    corpus, 50 connections for 10 s with autocannon; in the same run, a bare Node server answering
//    the same HTML bytes from memory, same load: the ceiling on this machine. Also the CPU each spent
//    per request (the app's whole process tree), which a shared machine disturbs less than throughput.
// 2. Claim search at scale: 100,000 generated claims, then ~200 searchClaims calls in-process
//    (text, frequent words, typos, filters, next pages) and a few readers' searches; p50 / p95.
// Makes and drops its own database on TEST_DATABASE_URL's or DATABASE_URL's server (default:
// postgresql://postgres@127.0.0.1:5432/postgres), serves on free 127.0.0.1 ports, and stops its
// servers by PID. Environment: BENCH_CLAIMS, BENCH_SECONDS, BENCH_CONNECTIONS to change the sizes;
// BENCH_PORT to serve the app on that port and the bare server on the next; BENCH_DATABASE_PREFIX
// to name the database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { appEnvironment, withBenchDatabase } from "../lib/bench-database";
import { ensureBuild } from "../lib/ensure-build";
import { generateClaims, seedWords, type GeneratedClaims } from "./generate-claims";
import { load, type LoadFigures } from "./load";
import { measureSearch, type SearchFigures } from "./search-latency";
import { freePort, startApp, startBareServer, type RunningServer } from "../lib/servers";
import { processTreeCpuSeconds } from "./process-cpu";

const json = process.argv.includes("--json");
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** BENCH_PORT: the app's port, the bare server's the next one (default: free ports). */
const PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
/** The target of issue 15: the reader page at 0.8 or more of the bare server's throughput. */
const TARGET_RATIO = 0.8;
/** How long the servers' idle CPU is sampled before each load. */
const IDLE_SAMPLE_MS = 3_000;
/** The whole run is stopped (and cleaned up) past this. */
const WATCHDOG_MS = 6 * 60_000;

const log = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};

type PageFigures = {
  slug: string;
  htmlBytes: number;
  app: LoadFigures;
  bare: LoadFigures;
  appToBare: number;
  /**
   * CPU (user + system) the serving processes used per request during the load beyond what they use
   * idle, in microseconds: the app's whole process tree (front server and Next), the bare server. It
   * moves less with what else the machine runs than the throughput does.
   */
  cpuMicrosecondsPerRequest: { app: number | null; bare: number | null };
  build: string;
  /** What the app said about its cache on the sampled response. */
  cacheHeaders: { "x-claimwork-cache": string | null; "cache-control": string | null };
  /** Database transactions (committed or not) per app request during the load: 0 when served from cache. */
  databaseTransactionsPerRequest: number;
};
type Report = {
  page: PageFigures | { error: string };
  generated: GeneratedClaims;
  search: SearchFigures;
  targets: { description: string; met: boolean }[];
  seconds: number;
  /** 1-minute load average of the machine at the start and the end (shared machines are noisy). */
  loadAverage: { start: number; end: number };
};

/** Transactions the database has counted so far (a backend's counts are flushed when it exits). */
async function databaseTransactions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-bench-stats" });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      "SELECT (xact_commit + xact_rollback)::text AS count FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end().catch(() => {});
  }
}

/** CPU seconds per second the process tree spends with no request (Next's and the follower's timers). */
async function idleCpuPerSecond(pid: number): Promise<number | null> {
  const before = processTreeCpuSeconds(pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const after = processTreeCpuSeconds(pid);
  return before === null || after === null ? null : (after - before) / (IDLE_SAMPLE_MS / 1000);
}

/** Microseconds of CPU per request beyond what the processes spend idle over the same time. */
function cpuPerRequest(before: number | null, after: number | null, idlePerSecond: number | null, requests: number): number | null {
  if (before === null || after === null || idlePerSecond === null || requests === 0) return null;
  return Math.max(0, Math.round(((after - before - idlePerSecond * SECONDS) * 1e6) / requests));
}

async function benchPage(databaseUrl: string, slug: string, workDir: string): Promise<PageFigures> {
  const port = PORT ?? (await freePort());
  const env = appEnvironment(databaseUrl, port);
  const build = await ensureBuild(env, { quiet: json, log });
  const servers: RunningServer[] = [];
  try {
    log(`Starting the app (front server + next start) on 127.0.0.1:${port} …`);
    const app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);
    servers.push(app);
    const pageUrl = `${app.url}/fact-checks/${slug}`;
    // Warm-up: the first requests load the route's code.
    for (let i = 0; i < 20; i++) await (await fetch(pageUrl)).arrayBuffer();
    const response = await fetch(pageUrl);
    const html = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`);
    const bodyFile = path.join(workDir, "page.html");
    writeFileSync(bodyFile, html);

    log(`Loading ${pageUrl}: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const transactionsBefore = await databaseTransactions(databaseUrl);
    const appIdle = await idleCpuPerSecond(app.pid);
    const appCpuBefore = processTreeCpuSeconds(app.pid);
    const appFigures = await load(pageUrl, CONNECTIONS, SECONDS);
    const appCpu = cpuPerRequest(appCpuBefore, processTreeCpuSeconds(app.pid), appIdle, appFigures.requests);
    await app.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Minus this benchmark's own two statistics queries.
    const transactions = (await databaseTransactions(databaseUrl)) - transactionsBefore - 2;

    const barePort = PORT ? PORT + 1 : await freePort();
    const bare = await startBareServer(barePort, bodyFile, response.headers.get("content-type") ?? "text/html; charset=utf-8");
    servers.push(bare);
    log(`Loading the bare server (same ${html.length} bytes) on 127.0.0.1:${barePort}: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const bareIdle = await idleCpuPerSecond(bare.pid);
    const bareCpuBefore = processTreeCpuSeconds(bare.pid);
    const bareFigures = await load(`${bare.url}/fact-checks/${slug}`, CONNECTIONS, SECONDS);
    const bareCpu = cpuPerRequest(bareCpuBefore, processTreeCpuSeconds(bare.pid), bareIdle, bareFigures.requests);
    return {
      slug,
      htmlBytes: html.length,
      app: appFigures,
      bare: bareFigures,
      appToBare: bareFigures.requestsPerSecond > 0 ? appFigures.requestsPerSecond / bareFigures.requestsPerSecond : 0,
      cpuMicrosecondsPerRequest: { app: appCpu, bare: bareCpu },
      build: build.note,
      cacheHeaders: { "x-claimwork-cache": response.headers.get("x-claimwork-cache"), "cache-control": response.headers.get("cache-control") },
      databaseTransactionsPerRequest: appFigures.requests > 0 ? Math.max(0, transactions) / appFigures.requests : 0,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

function printReport(report: Report): void {
  const rows: string[][] = [["", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "errors", "timeouts", "non-2xx"]];
  const line = (name: string, f: LoadFigures) => [
    name,
    f.requestsPerSecond.toFixed(0),
    f.latencyP50Ms.toFixed(1),
    f.latencyP99Ms.toFixed(1),
    f.latencyMaxMs.toFixed(0),
    String(f.requests),
    String(f.errors),
    String(f.timeouts),
    String(f.non2xx),
  ];
  console.log("");
  if ("error" in report.page) {
    console.log(`Published page: not measured (${report.page.error})`);
  } else {
    const page = report.page;
    console.log(`Published page /fact-checks/${page.slug} (${page.htmlBytes} bytes), ${CONNECTIONS} connections, ${SECONDS} s each; ${page.build}`);
    rows.push(line("app (npm start)", page.app), line("bare node http", page.bare));
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
    console.log(`app / bare throughput: ${page.appToBare.toFixed(3)}`);
    const cpu = page.cpuMicrosecondsPerRequest;
    if (cpu.app !== null && cpu.bare !== null) {
      console.log(`CPU per request beyond idle: app ${cpu.app} µs (front server and Next), bare ${cpu.bare} µs; bare / app ${(cpu.bare / Math.max(cpu.app, 1)).toFixed(3)}`);
    }
    console.log(
      `app cache: x-claimwork-cache ${page.cacheHeaders["x-claimwork-cache"] ?? "(none)"}, cache-control "${page.cacheHeaders["cache-control"] ?? ""}"; ` +
        `${page.databaseTransactionsPerRequest.toFixed(2)} database transactions per request during the load`,
    );
  }
  const generated = report.generated;
  console.log("");
  console.log(
    `Claim search over ${generated.claims} generated claims (+ demo; ${generated.drafts} draft and ${generated.inReview} in-review verdicts), inserted in ${generated.seconds.toFixed(1)} s`,
  );
  const searchRows = [["", "queries", "p50 ms", "p95 ms", "max ms"]];
  const add = (name: string, f: { queries: number; p50Ms: number; p95Ms: number; maxMs: number }) =>
    searchRows.push([name, String(f.queries), f.p50Ms.toFixed(1), f.p95Ms.toFixed(1), f.maxMs.toFixed(1)]);
  for (const [name, f] of Object.entries(report.search.byCategory)) if (name !== "readers") add(name, f);
  add("all claim searches", report.search.all);
  const readers = report.search.byCategory.readers;
  if (readers) add("readers' search", readers);
  const widths = searchRows[0]!.map((_, column) => Math.max(...searchRows.map((row) => row[column]!.length)));
  for (const row of searchRows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
  console.log("");
  for (const target of report.targets) console.log(`${target.met ? "MET    " : "NOT MET"}  ${target.description}`);
  console.log(
    `(${report.seconds.toFixed(0)} s in all; load average ${report.loadAverage.start.toFixed(1)} at the start, ${report.loadAverage.end.toFixed(1)} at the end, on ${availableParallelism()} cores)`,
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  return withBenchDatabase({ prefix: process.env.BENCH_DATABASE_PREFIX || "claimwork_bench", watchdogMs: WATCHDOG_MS, log }, async ({ url: databaseUrl, defer }) => {
    const workDir = mkdtempSync(path.join(tmpdir(), "claimwork-bench-"));
    defer(() => rmSync(workDir, { recursive: true, force: true }));
    const { getDb } = await import("@/lib/db");
    const { seedDemo } = await import("@/seeds/seed-demo");
    const { loadActor } = await import("@/lib/auth/load-actor");
    log("Seeding the demo corpus …");
    await seedDemo({ password: randomBytes(12).toString("base64url") });
    const publication = await getDb().publication.findFirst({ orderBy: { firstPublishedAt: "asc" }, select: { slug: true } });
    if (!publication) throw new Error("the demo seed published no fact-check");

    let page: Report["page"];
    try {
      page = await benchPage(databaseUrl, publication.slug, workDir);
    } catch (error) {
      page = { error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
      log(`The page benchmark failed: ${page.error}`);
    }

    log(`Inserting ${CLAIMS} generated claims …`);
    const generated = await generateClaims(databaseUrl, { count: CLAIMS });
    const editor = await getDb().user.findUniqueOrThrow({ where: { email: "editor@claimwork.example" }, select: { id: true } });
    const actor = await loadActor(editor.id, "bench-public-page");
    if (!actor) throw new Error("the demo editor cannot act");
    const claimants = (
      await getDb().$queryRaw<{ claimant: string }[]>`SELECT claimant FROM claims GROUP BY claimant ORDER BY count(*) DESC LIMIT 200`
    ).map((row) => row.claimant);
    const { en, fr } = await seedWords();
    log("Measuring claim search …");
    const search = await measureSearch(actor, [...en, ...fr], claimants);

    const targets = [
      "error" in page
        ? { description: `reader page >= ${TARGET_RATIO} of the bare server's throughput, zero errors (not measured)`, met: false }
        : {
            description: `reader page >= ${TARGET_RATIO} of the bare server's throughput, zero errors (${page.appToBare.toFixed(3)}, ${page.app.errors + page.app.timeouts + page.app.non2xx} errors)`,
            met: page.appToBare >= TARGET_RATIO && page.app.errors === 0 && page.app.timeouts === 0 && page.app.non2xx === 0,
          },
      { description: `claim search p95 < 50 ms (${search.all.p95Ms.toFixed(1)} ms)`, met: search.all.p95Ms < 50 },
    ];
    const report: Report = {
      page,
      generated,
      search,
      targets,
      seconds: (Date.now() - started) / 1000,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    };
    if (json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
