// npm run bench:anchoring [-- --json] [-- --seed N] [-- --no-page]
// Re-anchors quotes from an original text into its revision with lib/anchoring (the diff of the two
// texts, then each passage through it) and, in the same run and on the same quotes, with the
// Hypothesis annotator's matching (the baseline), and prints, per scenario and for surviving,
// edited and destroyed quotes apart: right place, wrong place, orphaned, and the time per quote.
// Seeded: runs are repeatable.
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { diffRevision, type RevisionDiff } from "@/lib/anchoring/diff-revision";
import { DEFAULT_BUDGET, placePassage } from "@/lib/anchoring/reanchor-revision";
import { buildCase, type BenchCase, type BenchQuote } from "./build-case";
import { buildDestroyedCase } from "./build-destroyed-case";
import { composeTexts } from "./compose-texts";
import { matchQuoteBaseline } from "./match-quote-baseline";
import { measureAnnotatorPage } from "../annotator-page/measure-annotator-page";
import { findChromium } from "../../scripts/lib/find-chromium";

// --seed N repeats the run on other texts, quotes and edits.
const seedFlag = process.argv.indexOf("--seed");
const SEED = seedFlag === -1 ? 20261121 : Number(process.argv[seedFlag + 1]);
const QUOTES = 500;
const EDIT_RATE = 0.02;
const RUNS_PER_QUOTE = 3;
// The line diff takes milliseconds, long enough to be interrupted on a shared machine far more
// often than one quote's microseconds: its fastest of more runs is the undisturbed time.
const RUNS_PER_DIFF = 9;

type Method = "reanchor" | "baseline";
type Kind = "surviving" | "edited" | "destroyed";
type Placement = { start: number; end: number; confidence: number } | null;
type Row = {
  case: string;
  kind: Kind;
  method: Method;
  characters: number;
  quotes: number;
  right: number;
  /** The right place, but a boundary off by one or two characters (an edit at that boundary). */
  boundary: number;
  wrong: number;
  orphaned: number;
  medianMs: number;
  p95Ms: number;
};
type Target = { description: string; met: boolean };

/** Surviving: its words are in the revision as they were; edited: changed there; destroyed: gone. */
function kindOf(benchCase: BenchCase, quote: BenchQuote): Kind {
  if (quote.truth === null) return "destroyed";
  return benchCase.revised.slice(quote.truth.start, quote.truth.end) === quote.selector.exact ? "surviving" : "edited";
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/**
 * The fastest of a few runs: the shared machine's pauses are not the method's time. `prepare`
 * (untimed) makes each run's input afresh, so that no run reuses another's work.
 */
function fastest<T, P = undefined>(run: (input: P) => T, prepare: () => P = () => undefined as P, runs = RUNS_PER_QUOTE): { result: T; ms: number } {
  let ms = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let attempt = 0; attempt < runs; attempt++) {
    const input = prepare();
    const started = performance.now();
    result = run(input);
    ms = Math.min(ms, performance.now() - started);
  }
  return { result: result as T, ms };
}

/**
 * The revision's diff as the line level left it, before any passage had stretches diffed word by
 * word: each quote is timed doing that work for itself, never reusing another quote's.
 */
function lineLevelCopy(diff: RevisionDiff): RevisionDiff {
  if (diff.pending.length === 0) return diff;
  return { ...diff, runs: diff.runs.map((run) => ({ ...run })), undecided: [...diff.undecided], pending: [...diff.pending] };
}

function placeWith(method: Method, benchCase: BenchCase, diff: RevisionDiff, quote: BenchQuote): Placement {
  if (method === "baseline") {
    const found = matchQuoteBaseline(benchCase.revised, quote.selector);
    return found && { ...found, confidence: 1 };
  }
  const result = placePassage(diff, quote.selector, Date.now() + DEFAULT_BUDGET.passageMs);
  return result.status === "lost" ? null : result;
}

type Calibration = { confidence: number; right: boolean }[];

/** Median time per quote of each method over all of a scenario's quotes. */
type Overall = {
  case: string;
  reanchor: number;
  baseline: number;
  /** The revision's line diff, made once and shared by its quotes (ms). */
  lineDiffMs: number;
  /** Our median without the line diff's share, and so from how many quotes on a revision is re-anchored faster than by the baseline. */
  breakEvenQuotes: number | null;
};

function measure(benchCase: BenchCase, calibration: Calibration, overall: Overall[]): Row[] {
  // The line diff is made once per revision: each quote is charged its share of it.
  const { result: diff, ms: diffMs } = fastest(() => diffRevision(benchCase.original, benchCase.revised, Date.now() + DEFAULT_BUDGET.diffMs), undefined, RUNS_PER_DIFF);
  const diffShare = diffMs / benchCase.quotes.length;
  const rows = new Map<string, Row & { times: number[] }>();
  benchCase.quotes.forEach((quote, index) => {
    const kind = kindOf(benchCase, quote);
    // Alternate which method goes first, so neither always runs on a warmer cache.
    const methods: Method[] = index % 2 === 0 ? ["reanchor", "baseline"] : ["baseline", "reanchor"];
    for (const method of methods) {
      const { result, ms } = fastest((input) => placeWith(method, benchCase, input, quote), () => (method === "reanchor" ? lineLevelCopy(diff) : diff));
      const key = `${kind}/${method}`;
      const row = rows.get(key) ?? { case: benchCase.name, kind, method, characters: benchCase.revised.length, quotes: 0, right: 0, boundary: 0, wrong: 0, orphaned: 0, medianMs: 0, p95Ms: 0, times: [] };
      rows.set(key, row);
      row.quotes++;
      row.times.push(ms + (method === "reanchor" ? diffShare : 0));
      const truth = quote.truth;
      if (result === null) row.orphaned++;
      else if (truth === null) row.wrong++;
      else if (result.start === truth.start && result.end === truth.end) row.right++;
      else if (Math.abs(result.start - truth.start) <= 2 && Math.abs(result.end - truth.end) <= 2) row.boundary++;
      else row.wrong++;
      if (method === "reanchor" && result !== null) {
        const right = truth !== null && Math.abs(result.start - truth.start) <= 2 && Math.abs(result.end - truth.end) <= 2;
        calibration.push({ confidence: result.confidence, right });
      }
    }
  });
  const medianOf = (method: Method): number =>
    percentile([...rows.values()].filter((row) => row.method === method).flatMap((row) => row.times).sort((a, b) => a - b), 0.5);
  const reanchor = medianOf("reanchor");
  const baseline = medianOf("baseline");
  const saved = baseline - (reanchor - diffShare);
  overall.push({ case: benchCase.name, reanchor, baseline, lineDiffMs: diffMs, breakEvenQuotes: saved > 0 ? Math.ceil(diffMs / saved) : null });
  const order: Kind[] = ["surviving", "edited", "destroyed"];
  return [...rows.values()]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.method.localeCompare(b.method) * -1)
    .map(({ times, ...row }) => {
      const sorted = [...times].sort((a, b) => a - b);
      return { ...row, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
    });
}

/** Paragraphs with emoji, flags, joined sequences and combining accents after some sentences. */
function withEmoji(paragraphs: string[], seed: number): string[] {
  const marks = [" 😀", " 🇻🇪", " 👩‍👩‍👧", " e\u0301", " 👍🏽", " ❤️"];
  let n = seed;
  return paragraphs.map((paragraph) => paragraph.replace(/([.!?]) /g, (_, stop: string) => `${stop}${(n = (n * 31 + 7) % 101) % 3 === 0 ? marks[n % marks.length] : ""} `));
}

const firstLine = (error: unknown): string => String(error instanceof Error ? error.message : error).split("\n")[0]!;

async function annotatorPage(): Promise<Awaited<ReturnType<typeof measureAnnotatorPage>> | string> {
  if (process.argv.includes("--no-page")) return "skipped (--no-page)";
  // CHROMIUM_PATH, when set, is the only browser tried (set it to nothing to run without one).
  const configured = process.env.CHROMIUM_PATH;
  const browser = configured !== undefined ? configured : (findChromium() ?? chromium.executablePath());
  if (!browser || !existsSync(browser)) return `skipped: no Chromium on this machine (looked for ${browser || "CHROMIUM_PATH, empty"}; set CHROMIUM_PATH)`;
  // A browser that does not start (missing libraries, not a browser) is no reason to lose the
  // figures above; it is tried before the page's database and server are made.
  try {
    const probe = await chromium.launch({ executablePath: browser, args: ["--no-sandbox", "--disable-gpu"], timeout: 30_000 });
    await probe.close();
  } catch (error) {
    return `skipped: Chromium did not start (${firstLine(error)})`;
  }
  try {
    return await measureAnnotatorPage({ characters: 50_000, passages: 500, runs: 7 }, (line) => console.error(line), true);
  } catch (error) {
    return `not measured: ${firstLine(error)}`;
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const seeds = fileURLToPath(new URL("../../seeds/articles", import.meta.url));
  const texts = composeTexts(seeds, SEED);
  const common = { quoteCount: QUOTES, editRate: EDIT_RATE };
  // New paragraphs for the revisions: from far into the cycled corpus, lookalikes of the old ones.
  const fresh = (count: number): string[] => texts.article(1_200_000).slice(-count);
  const verbatim = { editRate: 0, quoteCount: QUOTES };
  const destroyed = { destroyed: 40, surviving: 300 };
  const cases: BenchCase[] = [
    buildCase({ name: "edited 10k", paragraphs: texts.article(10_000), seed: SEED + 1, paragraphMoves: 2, ...common }),
    buildCase({ name: "edited 50k", paragraphs: texts.article(50_000), seed: SEED + 2, paragraphMoves: 4, ...common }),
    buildCase({ name: "edited 200k", paragraphs: texts.article(200_000), seed: SEED + 3, paragraphMoves: 8, ...common }),
    buildCase({ name: "repeated paragraphs 50k", paragraphs: texts.repeated(50_000, 3), seed: SEED + 4, paragraphMoves: 0, ...common }),
    buildCase({ name: "unchanged 50k", paragraphs: texts.article(50_000), seed: SEED + 5, paragraphMoves: 0, quoteCount: QUOTES, editRate: 0 }),
    buildCase({ name: "moves 50k", paragraphs: texts.article(50_000), seed: SEED + 6, paragraphMoves: 6, insertedParagraphs: fresh(4), ...verbatim }),
    buildCase({ name: "moves 200k", paragraphs: texts.article(200_000), seed: SEED + 7, paragraphMoves: 10, insertedParagraphs: fresh(8), ...verbatim }),
    buildCase({ name: "moves 1M", paragraphs: texts.article(1_000_000), seed: SEED + 8, paragraphMoves: 10, insertedParagraphs: fresh(10), ...verbatim }),
    buildDestroyedCase("correction", texts.article(50_000), { name: "correction note 50k", seed: SEED + 9, ...destroyed }),
    buildDestroyedCase("boilerplate", texts.article(200_000), { name: "boilerplate 200k", seed: SEED + 10, ...destroyed }),
    buildDestroyedCase("second article", texts.article(50_000), { name: "second article 50k", seed: SEED + 11, ...destroyed }),
    buildCase({
      name: "typography and emoji 50k",
      paragraphs: withEmoji(texts.article(50_000), SEED),
      seed: SEED + 12,
      paragraphMoves: 4,
      insertedParagraphs: withEmoji(fresh(3), SEED + 1),
      typographyShare: 0.3,
      ...verbatim,
    }),
  ];

  // Warm-up (not reported): let the JIT compile both methods before anything is timed.
  const warmUp = cases[0]!;
  const warmDiff = diffRevision(warmUp.original, warmUp.revised, Date.now() + DEFAULT_BUDGET.diffMs);
  for (const quote of warmUp.quotes.slice(0, 100)) {
    placeWith("reanchor", warmUp, warmDiff, quote);
    placeWith("baseline", warmUp, warmDiff, quote);
  }

  const started = performance.now();
  const calibration: Calibration = [];
  const overall: Overall[] = [];
  const rows = cases.flatMap((benchCase) => measure(benchCase, calibration, overall));
  const seconds = (performance.now() - started) / 1000;

  const ours = rows.filter((row) => row.method === "reanchor");
  const baselineOf = (row: Row): Row | undefined => rows.find((r) => r.case === row.case && r.kind === row.kind && r.method === "baseline");
  const surviving = ours.filter((row) => row.kind === "surviving");
  const survivingRight = surviving.reduce((sum, row) => sum + row.right + row.boundary, 0);
  const survivingCount = surviving.reduce((sum, row) => sum + row.quotes, 0);
  const slower = ours.filter((row) => row.medianMs > baselineOf(row)!.medianMs).map((row) => `${row.case} (${row.kind})`);
  const slowerScenarios = overall.filter((entry) => entry.reanchor > entry.baseline).map((entry) => entry.case);
  const unchanged = ours.find((row) => row.case === "unchanged 50k")!;
  const wrongOf = (kind: Kind): string[] => ours.filter((row) => row.kind === kind && row.wrong > 0).map((row) => `${row.case}: ${row.wrong}`);
  const targets: Target[] = [
    { description: `wrong place 0 for surviving quotes, every scenario${wrongOf("surviving").length ? ` (${wrongOf("surviving").join(", ")})` : ""}`, met: wrongOf("surviving").length === 0 },
    { description: `wrong place 0 for destroyed quotes, every scenario${wrongOf("destroyed").length ? ` (${wrongOf("destroyed").join(", ")})` : ""}`, met: wrongOf("destroyed").length === 0 },
    {
      description: `right place (within 2 characters) for >= 99.9% of surviving quotes: ${survivingRight}/${survivingCount} (${((100 * survivingRight) / survivingCount).toFixed(2)}%)`,
      met: survivingRight >= 0.999 * survivingCount,
    },
    { description: `median time per quote (all its quotes) at most the baseline's, every scenario${slowerScenarios.length ? ` (slower: ${slowerScenarios.join(", ")})` : ""}`, met: slowerScenarios.length === 0 },
    { description: `median time per quote at most the baseline's, every scenario and kind of quote${slower.length ? ` (slower: ${slower.join(", ")})` : ""}`, met: slower.length === 0 },
    { description: `unchanged text: at most 0.01 ms per quote (median ${unchanged.medianMs.toFixed(4)} ms)`, met: unchanged.medianMs <= 0.01 },
  ];
  const bands = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001];
  const calibrationRows = bands.slice(0, -1).map((from, index) => {
    const inBand = calibration.filter((entry) => entry.confidence >= from && entry.confidence < bands[index + 1]!);
    return { band: `${from.toFixed(2)}-${Math.min(1, bands[index + 1]!).toFixed(2)}`, placements: inBand.length, right: inBand.filter((entry) => entry.right).length };
  });

  // The same passages as a reader of the workbench sees them: the annotator page in Chromium.
  const page = await annotatorPage();
  if (typeof page !== "string") {
    targets.push({ description: "annotator page (50k characters, 500 passages) readable and highlighted within 1 s of navigation (median)", met: page.medianMs < 1000 });
  }

  if (json) {
    console.log(JSON.stringify({ seed: SEED, quotesPerCase: QUOTES, editRate: EDIT_RATE, runsPerQuote: RUNS_PER_QUOTE, runsPerDiff: RUNS_PER_DIFF, seconds, rows, overall, calibration: calibrationRows, annotatorPage: page, targets }, null, 2));
    return;
  }
  const header = ["scenario", "chars", "quotes", "method", "n", "right", "+-2", "wrong", "orphaned", "median ms", "p95 ms", "x baseline"];
  const lines = rows.map((r) => {
    const base = baselineOf(r);
    return [
      r.case,
      String(r.characters),
      r.kind,
      r.method,
      String(r.quotes),
      String(r.right),
      String(r.boundary),
      String(r.wrong),
      String(r.orphaned),
      r.medianMs.toFixed(4),
      r.p95Ms.toFixed(4),
      r.method === "reanchor" && base ? (r.medianMs / Math.max(base.medianMs, 1e-6)).toFixed(2) : "",
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  console.log(
    `Anchoring benchmark, seed ${SEED}: time per quote is the fastest of ${RUNS_PER_QUOTE} runs; ours includes the word diff of the ` +
      `lines around the quote, made for it alone, and its share of the revision's line diff (made once, fastest of ${RUNS_PER_DIFF} runs, divided by the quotes)`,
  );
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
  console.log("surviving: the quote's words are in the revision as they were; edited: its words changed there; destroyed: its sentence");
  console.log("is gone (the right answer is orphaned, any place is wrong). right: the true range; +-2: a boundary 1-2 characters off.");
  console.log("x baseline: our median time per quote over the Hypothesis matcher's, same quotes, same run.");
  console.log("");
  console.log("Median ms per quote over all of a scenario's quotes (ours / baseline):");
  for (const entry of overall) {
    const breakEven = entry.breakEvenQuotes === null ? "never" : `from ${entry.breakEvenQuotes} quotes per revision on`;
    console.log(
      `  ${entry.case}: ${entry.reanchor.toFixed(4)} / ${entry.baseline.toFixed(4)} (x${(entry.reanchor / Math.max(entry.baseline, 1e-6)).toFixed(2)}); ` +
        `line diff ${entry.lineDiffMs.toFixed(2)} ms, so faster than the baseline ${breakEven}`,
    );
  }
  console.log("");
  console.log("Confidence of our placements (all scenarios): share at the right place (within 2 characters)");
  for (const band of calibrationRows) {
    console.log(`  ${band.band}: ${band.placements} placements, ${band.placements ? ((100 * band.right) / band.placements).toFixed(1) : "-"}% right`);
  }
  console.log("");
  if (typeof page === "string") console.log(`Annotator page in Chromium: ${page}`);
  else console.log(`Annotator page in Chromium, ${page.characters} characters, ${page.passages} passages: navigation -> all highlighted, median ${page.medianMs} ms, max ${page.maxMs} ms over ${page.runsMs.length} loads`);
  for (const target of targets) console.log(`${target.met ? "MET    " : "NOT MET"}  ${target.description}`);
  console.log(`(${seconds.toFixed(1)} s measured)`);
}

await main();
process.exit(0);
