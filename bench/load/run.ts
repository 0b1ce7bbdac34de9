// npm run bench:load [-- --json]
// A bounded mixed workload against the production app as `npm start` serves it (front server with the reader cache, `next start` behind) on 127.0.0.1: BENCH_USERS
// virtual users (20) for BENCH_SECONDS (60), one request at a time each; 90% anonymous reads
// (fact-check pages, home, search, feed), 10% editors' writes through the real server actions over
// HTTP (annotate, relate, save drafts with the version they opened, submit). Prints throughput and
// latency per kind, errors and conflicts, the app's memory (RSS of its process tree, sampled every
// 500 ms), then checks the database against the bench's ledger of the server's answers (PASS/FAIL;
// exit code 1 when one fails). Baseline, same run: the same read mix for BENCH_BASELINE_SECONDS (10)
// against a bare Node server answering a fact-check page's bytes from memory, the ceiling of this
// client and machine.
// Makes and drops its own database on TEST_DATABASE_URL's or DATABASE_URL's server (default:
// postgresql://postgres@127.0.0.1:5432/postgres); BENCH_PORT / BENCH_BARE_PORT pick the ports
// (default: free ones). Servers are stopped by PID; a watchdog ends everything past its time.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../../scripts/lib/next-build";
import { listServerActions, signIn } from "../../scripts/lib/workbench-client";
import { withBenchDatabase } from "../lib/bench-database";
import { startBenchApp } from "../lib/start-bench-app";
import { freePort, startBareServer } from "../lib/servers";
import { seedWords } from "../public-page/generate-claims";
import { checkInvariants, takeSnapshot, type Invariant } from "./check-invariants";
import { sampleMemory, type MemoryFigures } from "./sample-memory";
import { seedLoadData } from "./seed-load-data";
import { READ_KINDS, WRITE_KINDS, runWorkload, type KindFigures, type Ledger, type WorkloadFigures } from "./workload";

const json = process.argv.includes("--json");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const USERS = Number(process.env.BENCH_USERS ?? 20);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? Math.min(10, SECONDS));
const WRITE_SHARE = 0.1;
const WRITERS = Math.min(USERS, 8);
const EXTRA_PUBLISHED = 8;
/** Set-up, build (when needed), the load, the baseline and the checks must all fit in this. */
const WATCHDOG_MS = (15 * 60 + SECONDS + BASELINE_SECONDS) * 1000;

const log = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};

type Report = {
  users: number;
  writeShare: number;
  build: string;
  app: WorkloadFigures;
  baseline: WorkloadFigures & { bodyBytes: number };
  /** Reads per second, app under the mixed load / bare server under reads only. */
  appReadsToBare: number;
  memory: MemoryFigures & { pids: number[] };
  ledger: Omit<Ledger, "verdictVersions">;
  invariants: Invariant[];
  seconds: number;
  loadAverage: { start: number; end: number };
};

async function main(): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  if (!(SECONDS > 0 && USERS > 0 && BASELINE_SECONDS > 0)) throw new Error("BENCH_SECONDS, BENCH_USERS and BENCH_BASELINE_SECONDS must be positive numbers");
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  return withBenchDatabase({ prefix: "claimwork_load", watchdogMs: WATCHDOG_MS, log }, async (database) => {
    const workDir = mkdtempSync(path.join(tmpdir(), "claimwork-load-"));
    database.defer(() => rmSync(workDir, { recursive: true, force: true }));
    const { seedDemo } = await import("@/seeds/seed-demo");
    log(`Seeding the demo corpus, ${EXTRA_PUBLISHED} more published fact-checks and ${WRITERS} editor accounts …`);
    await seedDemo({ password: randomBytes(12).toString("base64url") });
    const corpus = await seedLoadData({ publish: EXTRA_PUBLISHED, awaitingVerdict: 6, writers: WRITERS, runId });
    const { en, fr } = await seedWords();
    const words = [...new Set([...en, ...fr].filter((word) => word.length >= 4))];

    const { app, build } = await startBenchApp(database, { json, log });
    // From the moment the app answers: start = idle, peak over warm-up and load, end = after the load.
    const pids = [app.pid];
    const memory = sampleMemory(pids);
    database.defer(() => memory.stop());
    const actions = listServerActions(path.join(ROOT, build.distDir || ".next"));
    const writers = [];
    for (const account of corpus.accounts) {
      const cookie = await signIn(app.url, account.email, account.password);
      if (!cookie) throw new Error(`${account.email} could not sign in`);
      writers.push({ email: account.email, cookie });
    }

    // Warm-up: the first requests to each route load its code.
    const samplePage = `/fact-checks/${corpus.slugs[0]}`;
    for (const route of ["/", samplePage, "/search?q=Maduro", "/feed.xml"]) {
      for (let i = 0; i < 3; i++) await (await fetch(`${app.url}${route}`)).arrayBuffer();
    }
    const page = await fetch(`${app.url}${samplePage}`);
    const pageBytes = Buffer.from(await page.arrayBuffer());
    if (!page.ok) throw new Error(`${samplePage} answered ${page.status}`);

    const before = await takeSnapshot();
    log(`Mixed load: ${USERS} virtual users for ${SECONDS} s, ${WRITE_SHARE * 100}% writes by ${WRITERS} editors …`);
    const { figures: appFigures, ledger } = await runWorkload({
      baseUrl: app.url,
      seconds: SECONDS,
      users: USERS,
      writeShare: WRITE_SHARE,
      seed: 1,
      corpus,
      words,
      writers,
      actions,
    });
    const memoryFigures = memory.stop();
    // Stopped first, so that nothing is still writing while the database is checked.
    await app.stop();

    log("Checking the database against the ledger …");
    const invariants = await checkInvariants(before, ledger);

    const bodyFile = path.join(workDir, "page.html");
    writeFileSync(bodyFile, pageBytes);
    const barePort = process.env.BENCH_BARE_PORT ? Number(process.env.BENCH_BARE_PORT) : await freePort();
    const bare = await startBareServer(barePort, bodyFile, page.headers.get("content-type") ?? "text/html; charset=utf-8");
    database.defer(() => bare.stop());
    log(`Baseline: the same read mix, ${USERS} virtual users for ${BASELINE_SECONDS} s, against a bare Node server answering ${pageBytes.length} bytes …`);
    const { figures: bareFigures } = await runWorkload({
      baseUrl: bare.url,
      seconds: BASELINE_SECONDS,
      users: USERS,
      writeShare: 0,
      seed: 2,
      corpus,
      words,
      writers: [],
      actions,
    });
    await bare.stop();

    const reads = (figures: WorkloadFigures) => READ_KINDS.reduce((sum, kind) => sum + (figures.byKind[kind]?.perSecond ?? 0), 0);
    const report: Report = {
      users: USERS,
      writeShare: WRITE_SHARE,
      build: build.note,
      app: appFigures,
      baseline: { ...bareFigures, bodyBytes: pageBytes.length },
      appReadsToBare: reads(bareFigures) > 0 ? reads(appFigures) / reads(bareFigures) : 0,
      memory: { ...memoryFigures, pids },
      ledger: { committed: ledger.committed, uncertain: ledger.uncertain },
      invariants,
      seconds: (Date.now() - started) / 1000,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    };
    if (json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return invariants.every((invariant) => invariant.pass) ? 0 : 1;
  });
}

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
}

function printReport(report: Report): void {
  const header = ["", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "conflicts", "errors"];
  const row = (name: string, f: Pick<KindFigures, "requests" | "perSecond" | "p50Ms" | "p99Ms" | "maxMs" | "conflicts" | "errors">) => [
    name,
    String(f.requests),
    f.perSecond.toFixed(1),
    f.p50Ms.toFixed(1),
    f.p99Ms.toFixed(1),
    f.maxMs.toFixed(0),
    String(f.conflicts),
    String(f.errors),
  ];
  const section = (title: string, figures: WorkloadFigures) => {
    console.log("");
    console.log(title);
    const rows = [header, row("all", figures)];
    for (const kind of [...READ_KINDS, ...WRITE_KINDS]) {
      const f = figures.byKind[kind];
      if (f) rows.push(row(`  ${kind}`, f));
    }
    table(rows);
    const reasons = new Map<string, number>();
    for (const f of Object.values(figures.byKind)) for (const [reason, count] of Object.entries(f.errorReasons)) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    if (reasons.size > 0) console.log(`errors: ${[...reasons].map(([reason, count]) => `${reason} ×${count}`).join(", ")}`);
  };
  section(`App (npm start: front server + next start; ${report.build}): ${report.users} virtual users, ${report.app.seconds.toFixed(1)} s, ${report.writeShare * 100}% writes`, report.app);
  section(`Baseline: bare Node http answering ${report.baseline.bodyBytes} bytes, same read mix, ${report.baseline.seconds.toFixed(1)} s`, report.baseline);
  console.log(`app reads/s under the mixed load / bare server reads/s: ${report.appReadsToBare.toFixed(3)}`);
  const m = report.memory;
  console.log(
    `App memory (RSS of ${m.processes} process(es) from PID ${m.pids.join(", ")}, ${m.samples} samples): start ${m.startMiB.toFixed(0)} MiB, peak ${m.peakMiB.toFixed(0)} MiB, end ${m.endMiB.toFixed(0)} MiB`,
  );
  console.log("");
  for (const invariant of report.invariants) console.log(`${invariant.pass ? "PASS" : "FAIL"}  ${invariant.name}: ${invariant.detail}`);
  console.log(
    `(${report.seconds.toFixed(0)} s in all; load average ${report.loadAverage.start.toFixed(1)} at the start, ${report.loadAverage.end.toFixed(1)} at the end, on ${availableParallelism()} cores)`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
