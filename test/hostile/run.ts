// `npm run test:hostile`: hostile traffic against the production app as npm start serves it (the
// front server with its reader cache, `next start` behind it): slow bodies, slow headers, many
// spellings of a cached page's address, large Host headers, list-bomb imports, search-operator
// floods and a flood of never-seen reader searches, one after the other, while a reader and a
// signed-in editor keep working (users.ts). Prints one row per attack; exits 1 when
//
// - a request of the reader or the editor in flight during an attack waited more than 5 s, or did
//   not get its normal answer (a 200, the write's { ok: true }): they are to keep working (a
//   reader's never-seen search turned away at once with a 503 is load shedding, users.ts);
// - they were not back to normal (users.ts: three requests in a row in their pre-attack latency
//   band) within 5 s of the attack's end (the attacker's connections closed);
// - the app's memory (VmRSS of all its processes: the front server and Next) grew by more than
//   64 MiB over one attack, or over the whole run;
// - an attack's own check failed (a correction must reach every spelling of a cached page), or the
//   app exited.
//
// An attack that leaves the app unusable would fail every later row for nothing: before each attack
// the app must answer the reader and the editor within 3 s (on top of the 8 s their return to normal
// was watched for), or it is restarted (said in the row).
// It also checks that server-action arguments starting with "$" round-trip through the workbench
// client (encoded as React encodes them) and that a raw one is refused with a 400.
//
// A PostgreSQL cluster of its own (like the fault suite's: no server or credentials needed, and the
// floods' database load stays off any other database on the machine), the production build in
// NEXT_DIST_DIR (default .next-faults, the fault suite's: one build for both), ports from
// HOSTILE_APP_PORT (3341) and HOSTILE_PG_PORT (55443). HOSTILE_REPORT names a JSON file for npm test.
import path from "node:path";
import { ROOT } from "../../scripts/lib/next-build";
import { callServerAction, listServerActions } from "../../scripts/lib/workbench-client";
import { readFileSync } from "node:fs";
import { residentBytes } from "../support/app";
import { SUITE_DIST_DIR, concludeSuite, setUpSuite, sleep, suiteStopped, type Suite } from "../support/suite";
import { ATTACKS, ATTACK_MS, type Attack, type AttackContext } from "./attacks";
import { flood, rawRequest } from "./raw-http";
import { USER_TIMEOUT_MS, Users, backToNormalAfter, bandsOf, duringAttack, type Written } from "./users";

const APP_PORT = Number(process.env.HOSTILE_APP_PORT ?? 3341);
const PG_PORT = Number(process.env.HOSTILE_PG_PORT ?? 55443);
const SUITE_DEADLINE_MS = 8 * 60_000;
const WAIT_LIMIT_MS = 5_000;
const RECOVERY_LIMIT_MS = 5_000;
const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
/** The reader's and editor's pre-attack latencies are measured over this long. */
const BASELINE_MS = 2_000;
/** How long after an attack their return to normal is watched for (a little over the limit, to say by how much it missed). */
const WATCH_MS = 8_000;
/** Before an attack, the app must answer them within this long, or it is restarted. */
const READY_WITHIN_MS = 3_000;

const MIB = 1024 * 1024;
const runId = Date.now().toString(36);
const started = Date.now();

type Row = {
  attack: string;
  sent: number;
  readerWorst: string;
  editorWorst: string;
  recoveryMs: number | null;
  memoryDelta: number;
  failures: string[];
  notes: string[];
};

/** Resolves like `work`, or rejects naming `what` if it takes longer than `ms`: no phase of the suite may hang it. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds(ms)}`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** HOSTILE_DEBUG=1 prints each phase of each attack as it starts. */
const trace = (message: string) => {
  if (process.env.HOSTILE_DEBUG) console.log(`  [${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${bytes >= 0 ? "+" : ""}${(bytes / MIB).toFixed(1)} MiB`;
const memoryOf = (suite: Suite) => residentBytes(suite.app.processes());

/** The app's resident memory by part: the front server (scripts/serve.ts) and Next. */
function memoryByPart(suite: Suite): Map<string, number> {
  const parts = new Map<string, number>();
  for (const pid of suite.app.processes()) {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const part = command.includes("scripts/serve.ts") ? "front" : "next";
    parts.set(part, (parts.get(part) ?? 0) + residentBytes([pid]));
  }
  return parts;
}

/** "front +3.1 MiB, next +40.2 MiB" */
function partsGrowth(before: Map<string, number>, after: Map<string, number>): string {
  return [...after].map(([part, bytes]) => `${part} ${mib(bytes - (before.get(part) ?? 0))}`).join(", ");
}

/** Whether the reader and the editor get their pages quickly (health, a search no one made, the workbench). */
async function answersQuickly(suite: Suite, editorCookie: string): Promise<boolean> {
  const probes: { path: string; headers: Record<string, string> }[] = [
    { path: "/api/health", headers: {} },
    { path: `/search?q=ready+${Date.now()}`, headers: {} },
    { path: "/workbench", headers: { cookie: editorCookie } },
  ];
  try {
    const answers = await Promise.all(
      probes.map(async (probe) => {
        const response = await fetch(suite.app.url + probe.path, { headers: probe.headers, redirect: "manual", signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    return answers.every((status) => status === 200);
  } catch {
    return false;
  }
}

/** Waits until the app answers quickly; restarts it when it does not within READY_WITHIN_MS. Returns whether it restarted it. */
async function ensureReady(suite: Suite, editorCookie: string): Promise<boolean> {
  const since = Date.now();
  while (Date.now() - since < READY_WITHIN_MS) {
    if (!suite.app.exit() && (await answersQuickly(suite, editorCookie))) return false;
    await sleep(500);
  }
  await suite.restartApp();
  return true;
}

/**
 * Ordinary busy traffic before anything is measured: the reader and editor, one request of each kind
 * the attacks send (so no first render of a route counts as an attack's doing), and a crowd of 8
 * readers and editors at once, so that the app's heaps have grown to their working size before its
 * memory is taken as the baseline: growth after that is what the attacks left behind, not warm-up.
 */
async function warmUp(suite: Suite, users: Users, context: AttackContext): Promise<void> {
  users.start();
  // Two HTML pages at once: the app converts HTML in a pool of two long-lived worker threads, started
  // on first use, each with a heap of its own; started here, they are part of the baseline, not of
  // the first attack that posts HTML.
  const importPage = (n: number) => {
    const form = new FormData();
    const html = `<html><head><title>Warm-up ${runId} ${n}</title></head><body><article><h1>Warm-up ${n}</h1><p>The hostile suite warms the import up (${runId}).</p></article></body></html>`;
    form.set("file", new File([html], `warm-up-${runId}-${n}.html`, { type: "text/html" }));
    form.set("language", "en");
    return fetch(`${suite.app.url}/api/articles`, { method: "POST", body: form, headers: { cookie: context.attackerCookie, origin: suite.app.url }, signal: AbortSignal.timeout(30_000) });
  };
  await Promise.all([
    importPage(1),
    importPage(2),
    fetch(`${suite.app.url}/search?q=${encodeURIComponent("--")}`, { signal: AbortSignal.timeout(30_000) }),
    fetch(`${suite.app.url}/workbench/claims?q=warm`, { headers: { cookie: context.attackerCookie }, signal: AbortSignal.timeout(30_000) }),
  ].map((response) => response.then((r) => r.arrayBuffer())));
  const signedIn = { cookie: context.attackerCookie };
  const crowd = [
    (i: number) => ({ target: `/search?q=warm+${i}` }),
    () => ({ target: "/workbench/claims", headers: signedIn }),
    () => ({ target: "/workbench", headers: signedIn }),
    () => ({ target: "/methodology" }),
    () => ({ target: suite.slugPath }),
  ];
  await flood({
    durationMs: 5_000,
    max: 1_000,
    concurrency: 8,
    send: (i, via) => rawRequest(APP_PORT, crowd[i % crowd.length]!(i), via.agent, via.signal),
  });
  await sleep(1_000);
  await users.stop();
}

async function runAttack(suite: Suite, attack: Attack, context: AttackContext, editorCookie: string, written: Written[]): Promise<Row> {
  const notes: string[] = [];
  const failures: string[] = [];
  trace("ready?");
  if (await within(120_000, "making sure the app answers (or restarting it)", ensureReady(suite, editorCookie))) {
    notes.push(`app restarted before this attack: it did not answer within ${seconds(READY_WITHIN_MS)}`);
    // Warmed as at the start, so that neither its first renders nor its heaps' growth count against this attack.
    const warming = new Users(suite.app.url, suite.slugPath, editorCookie, context.actions.get("createClaimAction")!, runId);
    await within(60_000, "warming the restarted app up", warmUp(suite, warming, context));
    written.push(...warming.written);
  }
  const users = new Users(suite.app.url, suite.slugPath, editorCookie, context.actions.get("createClaimAction")!, runId);
  const memoryBefore = memoryOf(suite);
  const partsBefore = memoryByPart(suite);
  users.start();
  const baselineStart = Date.now();
  await sleep(BASELINE_MS);
  const attackStart = Date.now();
  trace("attack");
  let outcome: Awaited<ReturnType<Attack["run"]>> = { sent: 0, notes: [] };
  try {
    outcome = await within(ATTACK_MS + 30_000, "the attack", attack.run(context));
  } catch (error) {
    failures.push(`the attack itself failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const attackEnd = Date.now();
  trace("watching");

  const readerBands = bandsOf(users.steps, "reader", baselineStart, attackStart);
  const editorBands = bandsOf(users.steps, "editor", baselineStart, attackStart);
  const recovery = () => {
    const reader = backToNormalAfter(users.steps, "reader", readerBands, attackEnd);
    const editor = backToNormalAfter(users.steps, "editor", editorBands, attackEnd);
    return reader === null || editor === null ? null : Math.max(reader, editor);
  };
  while (recovery() === null && Date.now() - attackEnd < WATCH_MS) await sleep(200);
  trace("stopping the reader and editor");
  await within(USER_TIMEOUT_MS + 10_000, "the reader's and editor's last requests", users.stop()).catch((error: Error) => failures.push(error.message));
  const recoveryMs = recovery();
  const memoryDelta = memoryOf(suite) - memoryBefore;
  notes.push(`memory: ${partsGrowth(partsBefore, memoryByPart(suite))}`);
  written.push(...users.written);

  if (outcome.after) {
    trace("checking");
    try {
      const checked = await within(90_000, "the check after the attack", outcome.after());
      notes.push(...checked.notes);
      failures.push(...checked.failures);
    } catch (error) {
      failures.push(`the check after the attack failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const worst: Record<"reader" | "editor", string> = { reader: "-", editor: "-" };
  for (const who of ["reader", "editor"] as const) {
    const seen = duringAttack(users.steps, who, attackStart, attackEnd);
    worst[who] = `${seconds(seen.worstMs)} (${seen.worstKind})`;
    if (seen.worstMs > WAIT_LIMIT_MS) failures.push(`the ${who} waited ${seconds(seen.worstMs)} for ${seen.worstKind} during the attack`);
    const byProblem = new Map<string, number>();
    for (const sample of seen.failed) {
      const key = `${sample.kind}: ${sample.problem ?? `answered ${sample.status}`}`;
      byProblem.set(key, (byProblem.get(key) ?? 0) + 1);
    }
    for (const [problem, count] of byProblem) failures.push(`the ${who}'s ${problem} (x${count}) during the attack`);
    if (seen.shed > 0) notes.push(`the ${who}'s never-seen search turned away with 503 x${seen.shed}`);
  }
  if (recoveryMs === null) failures.push(`the reader and editor were not back to normal ${seconds(WATCH_MS)} after the attack`);
  else if (recoveryMs > RECOVERY_LIMIT_MS) failures.push(`back to normal only ${seconds(recoveryMs)} after the attack`);
  if (memoryDelta > MEMORY_LIMIT_BYTES) failures.push(`the app's memory grew by ${mib(memoryDelta)}`);
  if (suite.app.exit()) failures.push(`the app exited (${JSON.stringify(suite.app.exit())})`);
  return {
    attack: attack.name,
    sent: outcome.sent,
    readerWorst: worst.reader,
    editorWorst: worst.editor,
    recoveryMs,
    memoryDelta,
    failures,
    notes: [...outcome.notes, ...notes],
  };
}

/** Server-action arguments starting with "$": the editor's claims read back as written, and a raw one refused with a 400. */
async function checkDollarArguments(suite: Suite, context: AttackContext, written: Written[]): Promise<string[]> {
  const failures: string[] = [];
  const raw = await callServerAction(suite.app.url, context.actions.get("createClaimAction")!, [], {
    cookie: context.editorCookie,
    body: JSON.stringify([{ statement: "$16 trillion, sent raw", claimant: "Hostile suite", language: "en" }]),
    signal: AbortSignal.timeout(20_000),
  });
  if (raw.status !== 400) failures.push(`a raw "$" argument answered ${raw.status}, not 400: ${raw.body.slice(0, 160)}`);
  if (written.length === 0) failures.push('the editor wrote no claim starting with "$"');
  const client = await context.admin();
  try {
    const stored = await client.query<{ id: string; statement: string }>("SELECT id, statement FROM claims WHERE id = ANY($1::uuid[])", [written.map((claim) => claim.id)]);
    const byId = new Map(stored.rows.map((row) => [row.id, row.statement]));
    const changed = written.filter((claim) => byId.get(claim.id) !== claim.statement);
    if (changed.length > 0) failures.push(`${changed.length}/${written.length} "$" statements did not read back as written, e.g. ${JSON.stringify(byId.get(changed[0]!.id))}`);
  } finally {
    await client.end();
  }
  console.log(`\nserver-action arguments starting with "$": ${written.length} claims written by the editor, read back ${failures.length ? "with problems" : "as written"}; a raw "$" body answered ${raw.status}`);
  return failures;
}

function printTable(rows: Row[]): void {
  const header = ["attack", "sent", "reader worst wait", "editor worst wait", "back to normal", "memory", "verdict", "app answered the attacker"];
  const lines = rows.map((row) => [
    row.attack,
    String(row.sent),
    row.readerWorst,
    row.editorWorst,
    row.recoveryMs === null ? `> ${seconds(WATCH_MS)}` : seconds(row.recoveryMs),
    mib(row.memoryDelta),
    row.failures.length === 0 ? "ok" : "FAIL",
    row.notes.join("; "),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (column === header.length - 1 ? 0 : line[column]!.length))));
  const format = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join(" | ");
  console.log(`\n${format(header)}\n${widths.map((width) => "-".repeat(width)).join("-|-")}`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<number> {
  let suite: Suite | undefined;
  try {
    suite = await setUpSuite({ name: "hostile", appPort: APP_PORT, pgPort: PG_PORT, deadlineMs: SUITE_DEADLINE_MS });
    const setUp = Date.now();
    const actions = listServerActions(path.join(ROOT, SUITE_DIST_DIR));
    const editorCookie = await suite.signIn("editor");
    const reviewerCookie = await suite.signIn("reviewer");
    const context: AttackContext = {
      port: APP_PORT,
      baseUrl: suite.app.url,
      slugPath: suite.slugPath,
      runId,
      attackerCookie: reviewerCookie,
      editorCookie,
      reviewerCookie,
      actions,
      admin: suite.admin,
    };
    const written: Written[] = [];
    const warming = new Users(suite.app.url, suite.slugPath, editorCookie, actions.get("createClaimAction")!, runId);
    await warmUp(suite, warming, context);
    written.push(...warming.written);
    let appPid = suite.app.pid;
    let memoryBaseline = memoryOf(suite);

    const rows: Row[] = [];
    // HOSTILE_ONLY="Host,list-bomb" runs the attacks whose names contain one of these (when working on one).
    const only = process.env.HOSTILE_ONLY?.split(",").filter(Boolean);
    for (const attack of ATTACKS.filter((candidate) => !only || only.some((part) => candidate.name.includes(part)))) {
      console.log(`attack: ${attack.name} …`);
      const row = await runAttack(suite, attack, context, editorCookie, written);
      if (suite.app.pid !== appPid) {
        // Restarted before this attack: memory over the run is counted from the new app's start.
        appPid = suite.app.pid;
        memoryBaseline = memoryOf(suite) - row.memoryDelta;
      }
      rows.push(row);
    }
    const memoryGrowth = memoryOf(suite) - memoryBaseline;
    const memoryFailures = memoryGrowth > MEMORY_LIMIT_BYTES ? [`the app's memory grew by ${mib(memoryGrowth)} over the run`] : [];
    const dollarFailures = await checkDollarArguments(suite, context, written);

    printTable(rows);
    const restarts = rows.filter((row) => row.notes.some((note) => note.startsWith("app restarted"))).length;
    console.log(`\nmemory over the run: ${mib(memoryGrowth)} (limit ${mib(MEMORY_LIMIT_BYTES)})${restarts ? `, counted from the last restart (${restarts} restart(s))` : ""}`);
    console.log(`time: ${seconds(Date.now() - setUp)} of attacks and checks, ${seconds(Date.now() - suite.buildDone)} with the set-up, ${seconds(Date.now() - started)} with the build check`);

    const failures = [
      ...rows.flatMap((row) => row.failures.map((failure) => `${row.attack}: ${failure}`)),
      ...memoryFailures,
      ...dollarFailures.map((failure) => `server-action arguments: ${failure}`),
    ];
    // npm test counts each attack, the memory over the run and the "$" round trip as one test each.
    return concludeSuite({
      reportFile: process.env.HOSTILE_REPORT,
      checks: [...rows.map((row) => row.failures.length === 0), memoryFailures.length === 0, dollarFailures.length === 0],
      failures,
      success: "the reader and the editor kept working through every attack",
    });
  } catch (error) {
    return suiteStopped(error, suite);
  } finally {
    await suite?.close();
  }
}

process.exitCode = await main();
