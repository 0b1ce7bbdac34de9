// npm run bench:matching [-- --json] [-- --count 100000] [-- --baseline-queries 220] [-- --rounds 3]
//
// Same claim across languages (issue 14): the pair set (bench/matching/pairs.json: EN/FR claims worded
// independently, with distractors that share the speaker, share the numbers with another meaning, or
// negate the claim) is loaded into a database of its own beside COUNT generated claims (default
// 100,000, deterministic: generate-claims.ts). Every claim of a pair then asks for its suggestions
// through the real use case (suggestRelatedClaims: in-memory candidate index, then the matcher on the
// top CANDIDATE_POOL), and through the baseline in the same run (the trigram query it replaced,
// trigram-baseline.ts). Printed for all pairs, for the tuning pairs and for the held-out pairs (ids
// ending in 8, 9 or 0, never looked at while tuning), for the 110 pairs written first and for the
// pairs added later on the matcher's weakest cases (p111 on): recall@1 and recall@5 of the twin; precision
// and recall of "likely the same claim"; negations and opposites flagged "likely the same" (must be 0)
// and offered as "contradicts?"; ms per query (p50, p95, p99, max) over ROUNDS rounds of every query,
// each round apart, with the garbage collector's pauses that fell inside the slow queries and the
// candidate index's own share (candidates alone, without the database); and the index's first build.
// The pair set is printed as the 132 pairs shipped first (p001-p132: first110 and added) and the
// extended set written later (p133 on), apart.
import { performance, PerformanceObserver } from "node:perf_hooks";
import { loadavg } from "node:os";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import pairSet from "./pairs.json";
import { withBenchDatabase } from "../lib/bench-database";
import { latencyOf, percentile } from "../lib/percentile";
import { generateClaims } from "./generate-claims";
import { trigramSuggestions } from "./trigram-baseline";

const json = process.argv.includes("--json");
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const COUNT = option("count", 100_000);
const BASELINE_QUERIES = option("baseline-queries", pairSet.pairs.length * 2);
const ROUNDS = Math.max(1, option("rounds", 3));
/** Suggestions the page shows; the figures count what is among them. */
const LIMIT = 8;
const log = (line: string) => {
  if (!json) console.log(line);
};
const isHeldOut = (pairId: string) => /[890]$/.test(pairId);

type Query = { claimId: string; pairId: string; twinId: string; negationIds: string[] };
type Answer = { ids: string[]; flagged: Set<string>; contradicts: Set<string>; ms: number };
type Statement = { statement: string; claimant: string };
type Quality = {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  likelySamePrecision: number;
  likelySameRecall: number;
  likelySameFlags: number;
  wrongLikelySame: number;
  negationsFlaggedSame: number;
  negationsOfferedAsContradicts: number | null;
  negationsShown: number;
};

function measureQuality(queries: Query[], answers: Map<string, Answer>, knowsContradicts: boolean): Quality {
  let top1 = 0, top5 = 0, flags = 0, rightFlags = 0, twinsFlagged = 0, negationsSame = 0, negationsContradicts = 0, negationsShown = 0;
  for (const query of queries) {
    const answer = answers.get(query.claimId)!;
    if (answer.ids[0] === query.twinId) top1++;
    if (answer.ids.slice(0, 5).includes(query.twinId)) top5++;
    for (const id of answer.flagged) {
      flags++;
      if (id === query.twinId) rightFlags++;
    }
    if (answer.flagged.has(query.twinId)) twinsFlagged++;
    for (const id of query.negationIds) {
      if (!answer.ids.includes(id)) continue;
      negationsShown++;
      if (answer.flagged.has(id)) negationsSame++;
      if (answer.contradicts.has(id)) negationsContradicts++;
    }
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
  return {
    queries: queries.length,
    recallAt1: share(top1, queries.length),
    recallAt5: share(top5, queries.length),
    likelySamePrecision: share(rightFlags, flags),
    likelySameRecall: share(twinsFlagged, queries.length),
    likelySameFlags: flags,
    wrongLikelySame: flags - rightFlags,
    negationsFlaggedSame: negationsSame,
    negationsOfferedAsContradicts: knowsContradicts ? negationsContradicts : null,
    negationsShown,
  };
}

function timing(times: Iterable<number>) {
  return latencyOf(times, 1);
}

// Garbage-collector pauses, to tell which slow queries waited on one.
const pauses: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
});
gcObserver.observe({ entryTypes: ["gc"] });
const gcWithin = (start: number, end: number) => pauses.reduce((sum, pause) => sum + Math.max(0, Math.min(end, pause.end) - Math.max(start, pause.start)), 0);

// The machine may be shared: the load averages (1, 5, 15 minutes) are printed with the figures.
const loadAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
const prefix = process.env.BENCH_DATABASE_PREFIX || "claimwork_bench_matching";
await withBenchDatabase({ prefix, watchdogMs: 60 * 60_000, log }, async (database) => {
  const { getDb } = await import("@/lib/db");
  const { ensureUser } = await import("@/lib/users/ensure-user");
  const { loadActor } = await import("@/lib/auth/load-actor");
  const { suggestRelatedClaims, CANDIDATE_POOL } = await import("@/lib/relations/suggest-related-claims");
  const { warmClaimIndex } = await import("@/lib/relations/load-claim-index");
  const db = getDb();
  const user = await ensureUser({ email: "bench-matching@claimwork.example", name: "Bench Matching", role: "editor", password: "bench-password-123" });
  const editor = (await loadActor(user.id, "bench-matching"))!;

  // An archive written ten seconds apart, the pair set last, the last one a day ago.
  let written = 0;
  const total = COUNT + pairSet.pairs.length * 2 + pairSet.distractors.length;
  const insert = async (rows: { statement: string; claimant: string; language: string }[]): Promise<string[]> => {
    const first = written;
    written += rows.length;
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO claims (statement, claimant, language, created_by_id, updated_at)
      SELECT s, c, l, ${user.id}::uuid, now() - interval '1 day' - (${total - first}::int - n::int) * interval '10 seconds'
        FROM unnest(${rows.map((row) => row.statement)}::text[], ${rows.map((row) => row.claimant)}::text[], ${rows.map((row) => row.language)}::text[]) WITH ORDINALITY AS t(s, c, l, n)
       ORDER BY n
      RETURNING id::text AS id`;
    return inserted.map((row) => row.id);
  };

  log(`Generating and inserting ${COUNT.toLocaleString("en")} claims …`);
  const claimants = [...new Set(pairSet.pairs.flatMap((pair) => [pair.en[1]!, pair.fr[1]!]))];
  let batch: { statement: string; claimant: string; language: string }[] = [];
  for (const claim of generateClaims(COUNT, claimants)) {
    batch.push(claim);
    // Batches small enough to stay under the statement timeout on a loaded machine.
    if (batch.length === 2000) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insert(batch);

  const pairRows = pairSet.pairs.flatMap((pair) => [
    { statement: pair.en[0]!, claimant: pair.en[1]!, language: "en" },
    { statement: pair.fr[0]!, claimant: pair.fr[1]!, language: "fr" },
  ]);
  const pairIds = await insert(pairRows);
  const distractorIds = await insert(pairSet.distractors);
  await db.$executeRawUnsafe("ANALYZE claims");

  const queries: Query[] = pairSet.pairs.flatMap((pair, index) => {
    const en = pairIds[index * 2]!;
    const fr = pairIds[index * 2 + 1]!;
    const negationIds = pairSet.distractors.flatMap((distractor, at) => (distractor.of === pair.id && (distractor.kind === "negation" || distractor.kind === "opposite") ? [distractorIds[at]!] : []));
    return [
      { claimId: en, pairId: pair.id, twinId: fr, negationIds },
      { claimId: fr, pairId: pair.id, twinId: en, negationIds },
    ];
  });

  let started = performance.now();
  const index = await warmClaimIndex();
  const buildMs = Math.round(performance.now() - started);
  log(`Index built over ${index.size.toLocaleString("en")} claims and warmed up in ${buildMs} ms (the server's warm-up at start, or the first suggestion).`);
  // The index's resident memory, measured in a process of its own that builds it from this database.
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./index-memory.ts", import.meta.url))], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: "utf8",
  });
  type IndexMemory = { residentMb: number; heapMb: number; heapBytesPerClaim: number; typedBuffersMb: number; processResidentMb: number };
  let indexMemory: IndexMemory | null = null;
  try {
    indexMemory = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "") as IndexMemory;
  } catch {
    indexMemory = null;
  }
  log(
    indexMemory
      ? `Index memory at ${index.size.toLocaleString("en")} claims (a process of its own): resident +${indexMemory.residentMb} MB, heap +${indexMemory.heapMb} MB (${indexMemory.heapBytesPerClaim} bytes a claim, typed buffers ${indexMemory.typedBuffersMb} MB); process resident ${indexMemory.processResidentMb} MB.`
      : `Index memory not measured: ${child.stderr.slice(0, 500)}`,
  );


  // Every query ROUNDS times, each round apart: the first round is the first use after the index was
  // built; the figures of quality are the first round's (the matcher is deterministic).
  const matcher = new Map<string, Answer>();
  const rounds: { ms: number[]; gcMs: number[] }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times = { ms: [] as number[], gcMs: [] as number[] };
    for (const query of queries) {
      started = performance.now();
      const suggestions = await suggestRelatedClaims(editor, { claimId: query.claimId, limit: LIMIT });
      const ended = performance.now();
      times.ms.push(ended - started);
      times.gcMs.push(gcWithin(started, ended));
      if (round > 0) continue;
      matcher.set(query.claimId, {
        ids: suggestions.map((suggestion) => suggestion.claim.id),
        flagged: new Set(suggestions.filter((suggestion) => suggestion.match === "likely_same").map((suggestion) => suggestion.claim.id)),
        contradicts: new Set(suggestions.filter((suggestion) => suggestion.match === "contradicts").map((suggestion) => suggestion.claim.id)),
        ms: ended - started,
      });
    }
    rounds.push(times);
  }
  // The candidate index alone (no database), every query once: what is left is the database and waiting for a core.
  const candidateMs: number[] = [];
  for (const query of queries) {
    const profile = index.profileOf(query.claimId)!;
    started = performance.now();
    index.candidates(profile, CANDIDATE_POOL, new Set([query.claimId]));
    candidateMs.push(performance.now() - started);
  }

  log(`Baseline (trigram suggestions) on ${Math.min(BASELINE_QUERIES, queries.length)} queries …`);
  const baseline = new Map<string, Answer>();
  for (const query of queries.slice(0, BASELINE_QUERIES)) {
    started = performance.now();
    const suggestions = await trigramSuggestions(query.claimId, LIMIT);
    const ms = performance.now() - started;
    baseline.set(query.claimId, {
      ids: suggestions.map((suggestion) => suggestion.id),
      flagged: new Set(suggestions.filter((suggestion) => suggestion.likelySame).map((suggestion) => suggestion.id)),
      contradicts: new Set(),
      ms,
    });
  }

  const splits = {
    all: queries,
    tuning: queries.filter((query) => !isHeldOut(query.pairId)),
    heldOut: queries.filter((query) => isHeldOut(query.pairId)),
    // The pairs written first (p001 to p110), and those added later on the matcher's weakest cases.
    first110: queries.filter((query) => query.pairId <= "p110"),
    added: queries.filter((query) => query.pairId > "p110" && query.pairId <= "p132"),
    // The 132 pairs shipped first, and the extended set written later (p133 on).
    shipped132: queries.filter((query) => query.pairId <= "p132"),
    extended: queries.filter((query) => query.pairId > "p132"),
  };
  const baselineQueries = (list: Query[]) => list.filter((query) => baseline.has(query.claimId));
  // What the matcher wrongly called the same claim, to read (the weakest cases).
  const statements = new Map<string, Statement>();
  const flaggedIds = [...new Set([...matcher.values()].flatMap((answer) => [...answer.flagged]))];
  for (const row of await db.claim.findMany({ where: { id: { in: flaggedIds } }, select: { id: true, statement: true, claimant: true } })) statements.set(row.id, row);
  const queryStatements = new Map(queries.map((query, at) => [query.claimId, pairRows[at]!]));
  const wrongFlags = queries.flatMap((query) =>
    [...matcher.get(query.claimId)!.flagged]
      .filter((id) => id !== query.twinId)
      .map((id) => ({ pair: query.pairId, heldOut: isHeldOut(query.pairId), query: queryStatements.get(query.claimId)!.statement, flagged: statements.get(id)?.statement ?? id, by: statements.get(id)?.claimant ?? "" })),
  );
  const loadAverage = loadavg().map((load) => Math.round(load * 100) / 100);
  const figures = {
    loadAverage: { atStart: loadAtStart, atEnd: loadAverage },
    claims: index.size,
    pairs: pairSet.pairs.length,
    distractors: pairSet.distractors.length,
    candidateRetrieval: `in-memory inverted index over meanings, entities, numbers, dates and claimant (rarest keys first), then the matcher on the top ${CANDIDATE_POOL} from their packed profiles`,
    indexBuildMs: buildMs,
    indexMemory,
    matcher: {
      quality: Object.fromEntries(Object.entries(splits).map(([name, list]) => [name, measureQuality(list, matcher, true)])),
      timing: timing(rounds.flatMap((round) => round.ms)),
      rounds: rounds.map((round) => {
        const slowest = percentile([...round.ms].sort((a, b) => a - b), 0.95);
        const slow = round.ms.flatMap((ms, at) => (ms >= slowest ? [round.gcMs[at]!] : []));
        return { ...timing(round.ms), slowQueries: slow.length, slowWithGcOver5Ms: slow.filter((ms) => ms > 5).length, gcMsInSlow: Math.round(slow.reduce((sum, ms) => sum + ms, 0)) };
      }),
      candidatesAlone: timing(candidateMs),
    },
    baseline: {
      quality: Object.fromEntries(Object.entries(splits).map(([name, list]) => [name, measureQuality(baselineQueries(list), baseline, false)])),
      timing: timing([...baseline.values()].map((answer) => answer.ms)),
    },
    wrongFlags,
    misses: splits.all
      .filter((query) => matcher.get(query.claimId)!.ids[0] !== query.twinId || !matcher.get(query.claimId)!.flagged.has(query.twinId))
      .map((query) => ({ pair: query.pairId, heldOut: isHeldOut(query.pairId), twinRank: matcher.get(query.claimId)!.ids.indexOf(query.twinId) + 1 || null, flagged: matcher.get(query.claimId)!.flagged.has(query.twinId) })),
  };

  gcObserver.disconnect();
  if (json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  const row = (label: string, quality: Quality) =>
    `${label.padEnd(22)} ${String(quality.queries).padStart(7)} ${quality.recallAt1.toFixed(3).padStart(7)} ${quality.recallAt5.toFixed(3).padStart(7)} ${quality.likelySamePrecision.toFixed(3).padStart(9)} ${quality.likelySameRecall.toFixed(3).padStart(9)} ${String(quality.wrongLikelySame).padStart(8)} ${String(quality.negationsFlaggedSame).padStart(9)} ${(quality.negationsOfferedAsContradicts === null ? "-" : `${quality.negationsOfferedAsContradicts}/${quality.negationsShown}`).padStart(10)}`;
  log("");
  log(`${"".padEnd(22)} queries    R@1     R@5  same:prec same:rec wrong:same neg:same neg:contra   (neg: negations and opposites)`);
  for (const name of Object.keys(splits)) {
    log(row(`matcher ${name}`, figures.matcher.quality[name] as Quality));
    log(row(`baseline ${name}`, figures.baseline.quality[name] as Quality));
  }
  log("");
  const time = (label: string, figure: ReturnType<typeof timing>) =>
    log(`${label.padEnd(22)} ${figure.queries} queries: p50 ${figure.p50Ms} ms, p95 ${figure.p95Ms} ms, p99 ${figure.p99Ms} ms, max ${figure.maxMs} ms`);
  time(`matcher, ${ROUNDS} rounds`, figures.matcher.timing);
  for (const [at, round] of figures.matcher.rounds.entries()) {
    time(`  round ${at + 1}`, round);
    log(`${"".padEnd(22)} ${round.slowQueries} queries at or over p95, ${round.slowWithGcOver5Ms} of them with over 5 ms of GC pause (${round.gcMsInSlow} ms in all)`);
  }
  time("candidate index alone", figures.matcher.candidatesAlone);
  time("baseline", figures.baseline.timing);
  log(`Load average (1, 5, 15 min): ${loadAtStart.join(", ")} at start, ${loadAverage.join(", ")} at the end (2 cores).`);
  log("");
  log(`Twin not first or not flagged (${figures.misses.length}): ${figures.misses.map((miss) => `${miss.pair}${miss.heldOut ? "*" : ""}(rank ${miss.twinRank ?? "-"}${miss.flagged ? "" : ", not flagged"})`).join(" ")}`);
  log("* held out");
  log("");
  log(`Wrongly called likely the same (${wrongFlags.length}):`);
  for (const wrong of wrongFlags) log(`  ${wrong.pair}${wrong.heldOut ? "*" : ""} ${wrong.query}\n      -> ${wrong.flagged} (${wrong.by})`);
});
