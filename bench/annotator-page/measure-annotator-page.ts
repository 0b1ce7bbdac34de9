// The annotator page in Chromium: an article of about `characters` characters with `passages`
// passages (issue figures: 200,000 and 2,000), from navigation to the moment every passage is
// highlighted, and from the release of a mouse selection to the moment its actions show. Baseline in
// the same run: the same text as an article without passages, from navigation to its text shown.
// Runs against a production build on 127.0.0.1 with a database of its own (dropped afterwards).
// Each timed load starts once the previous page's own requests (its links' prefetches) have ended:
// otherwise the server is still rendering those when the next page is asked for, and the figure
// measures that queue rather than the page.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { applyMigrations } from "../../scripts/db/apply-migrations";
import { createDatabase, dropDatabase } from "../../scripts/db/create-database";
import { findChromium } from "../../scripts/lib/find-chromium";
import { ROOT } from "../../scripts/lib/next-build";
import { appEnvironment } from "../lib/bench-database";
import { ensureBuild } from "../lib/ensure-build";
import { freePort, startApp, type RunningServer } from "../lib/servers";

export type AnnotatorPageSize = { characters: number; passages: number; runs: number };

export type AnnotatorPageFigures = {
  characters: number;
  passages: number;
  /** Navigation to every passage highlighted, per load (the first, warming the server, left out). */
  runsMs: number[];
  medianMs: number;
  maxMs: number;
  /** Release of a mouse selection to its "Create claim from selection" button shown, per load. */
  selectionMs: number[];
  selectionMedianMs: number;
  selectionMaxMs: number;
  /** The same text without passages: navigation to the text shown. */
  baselineRunsMs: number[];
  baselineMedianMs: number;
  /** Where the passages' load spends its time (medians): the server's first byte, the last byte, the parsed document. */
  breakdown: LoadBreakdown;
  /** The same for the baseline. */
  baselineBreakdown: LoadBreakdown;
  build: string;
};

/** Medians over the timed loads, from the page's navigation timing. */
export type LoadBreakdown = { firstByteMs: number; lastByteMs: number; domContentLoadedMs: number; htmlBytes: number };

type NavigationTiming = { firstByteMs: number; lastByteMs: number; domContentLoadedMs: number; htmlBytes: number };

/** The navigation's timing, once the document has loaded. */
async function navigationTiming(page: Page): Promise<NavigationTiming> {
  await page.waitForLoadState("load");
  return page.evaluate(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      firstByteMs: Math.round(entry.responseStart),
      lastByteMs: Math.round(entry.responseEnd),
      domContentLoadedMs: Math.round(entry.domContentLoadedEventEnd),
      htmlBytes: entry.decodedBodySize,
    };
  });
}

const medianBreakdown = (timings: NavigationTiming[]): LoadBreakdown => ({
  firstByteMs: median(timings.map((timing) => timing.firstByteMs)),
  lastByteMs: median(timings.map((timing) => timing.lastByteMs)),
  domContentLoadedMs: median(timings.map((timing) => timing.domContentLoadedMs)),
  htmlBytes: median(timings.map((timing) => timing.htmlBytes)),
});

/** About `characters` characters of the seed articles, paragraph after paragraph. */
function composeArticle(characters: number): string {
  const dir = path.join(ROOT, "seeds", "articles");
  const paragraphs = readdirSync(dir)
    .sort()
    .flatMap((file) => readFileSync(path.join(dir, file), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 80);
  const out: string[] = ["Annotator benchmark article"];
  for (let i = 0, length = 0; length < characters; i++) {
    out.push(`${paragraphs[i % paragraphs.length]} (${i})`);
    length += out.at(-1)!.length + 2;
  }
  return out.join("\n\n");
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

/** Every passage has its mark: the set of passage ids over all marks reaches `expected`. */
async function waitForHighlights(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const ids = new Set<string>();
      for (const mark of document.querySelectorAll<HTMLElement>("mark.hl[data-ids]")) for (const id of (mark.dataset.ids ?? "").split(" ")) ids.add(id);
      return ids.size >= count;
    },
    expected,
    { polling: "raf", timeout: 30_000 },
  );
}

/**
 * Resolves once no request of the page has been in flight for `quietMs` (the live-update stream,
 * which stays open, aside).
 */
function trackRequests(page: Page): { settled(quietMs: number): Promise<void> } {
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/live/events") return;
    inFlight.add(request);
    lastChange = Date.now();
  });
  const done = (request: unknown) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return {
    async settled(quietMs) {
      const deadline = Date.now() + 60_000;
      while (inFlight.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline) throw new Error(`the page still had ${inFlight.size} requests in flight after a minute`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * Selects a few words of unhighlighted text in the middle of the article with the mouse, and returns
 * the time from the button's release to the selection's "Create claim" button in the page (measured in
 * the page: a mouseup listener and a check on every animation frame).
 */
async function measureSelection(page: Page): Promise<number> {
  const box = await page.evaluate(() => {
    // Plain text (neither highlighted nor proposed as a candidate): a text node of its own in a paragraph.
    const paragraphs = [...document.querySelectorAll<HTMLElement>(".article-text .para")];
    const texts = paragraphs.flatMap((paragraph) => [...paragraph.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").length > 40));
    const text = texts[Math.floor(texts.length / 2)]!;
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 3);
    // The words to the middle of the viewport (a paragraph may be taller than the viewport).
    window.scrollBy(0, range.getBoundingClientRect().top - window.innerHeight / 2);
    const from = range.getBoundingClientRect();
    range.setStart(text, 30);
    range.setEnd(text, 31);
    const to = range.getBoundingClientRect();
    return { x1: from.left + 1, y1: from.top + from.height / 2, x2: to.left + 1, y2: to.top + to.height / 2 };
  });
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  const shown = page.evaluate<number>(`new Promise((resolve) => {
    let releasedAt = 0;
    document.addEventListener("mouseup", () => (releasedAt = performance.now()), { capture: true, once: true });
    const check = () => {
      const button = [...document.querySelectorAll("button")].find((candidate) => candidate.textContent.includes("Create claim from selection"));
      if (releasedAt > 0 && button) resolve(performance.now() - releasedAt);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  return Math.round(await shown);
}

export async function measureAnnotatorPage(size: AnnotatorPageSize, log: (line: string) => void, quiet: boolean): Promise<AnnotatorPageFigures> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `claimwork_bench_annotator_${Date.now().toString(36)}`;
  const databaseUrl = await createDatabase(serverUrl, name);
  let app: RunningServer | undefined;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    await applyMigrations(databaseUrl);
    // lib/ reads DATABASE_URL once, at its first query: set it before loading the use cases.
    process.env.DATABASE_URL = databaseUrl;
    const { ensureUser } = await import("../../lib/users/ensure-user");
    const { loadActor } = await import("../../lib/auth/load-actor");
    const { importArticle } = await import("../../lib/articles/import-article");
    const { createClaim } = await import("../../lib/claims/create-claim");
    const { getDb } = await import("../../lib/db");

    const password = randomBytes(12).toString("base64url");
    const user = await ensureUser({ email: "bench-editor@claimwork.example", name: "Bench Editor", role: "editor", password });
    const editor = (await loadActor(user.id, "bench"))!;
    const body = composeArticle(size.characters);
    const importText = async (title: string) => {
      const imported = await importArticle(editor, { bytes: new TextEncoder().encode(`${title}\n\n${body}`), mediaType: "text/plain" });
      if (imported.status !== "imported") throw new Error("the benchmark article was not imported");
      return imported;
    };
    const imported = await importText("Annotator benchmark article");
    const baseline = await importText("Annotator benchmark baseline, without passages");
    const revision = await getDb().articleRevision.findUniqueOrThrow({ where: { id: imported.revisionId } });
    const text = revision.text;
    log(`Anchoring ${size.passages} passages in a ${text.length}-character article …`);
    const step = Math.floor(text.length / size.passages);
    const spans: { start: number; end: number }[] = [];
    for (let i = 0; i < size.passages; i++) {
      let start = i * step;
      while (start < text.length && /\s/.test(text[start]!)) start++;
      // Each passage stops short of the next, so that unhighlighted text remains to select.
      let end = Math.min(text.length, start + Math.min(step - 10, 30 + ((i * 37) % 170)));
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) spans.push({ start, end });
    }
    // Four at a time: the pool has connections to spare, and thousands of claims one by one take minutes.
    for (let next = 0; next < spans.length; next += 4) {
      await Promise.all(
        spans.slice(next, next + 4).map(({ start, end }, offset) =>
          createClaim(editor, {
            statement: `Benchmark claim ${next + offset}`,
            claimant: `Claimant ${(next + offset) % 20}`,
            language: "en",
            passage: { articleRevisionId: revision.id, start, end, exact: text.slice(start, end) },
          }),
        ),
      );
    }
    const passages = await getDb().passage.count({ where: { articleRevisionId: revision.id } });
    await getDb().$disconnect();

    const port = await freePort();
    const env = appEnvironment(databaseUrl, port);
    const build = await ensureBuild(env, { quiet, log });
    app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);

    const page = await browser.newPage();
    const requests = trackRequests(page);
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("bench-editor@claimwork.example");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/workbench$/);

    const runsMs: number[] = [];
    const selectionMs: number[] = [];
    const baselineRunsMs: number[] = [];
    const timings: NavigationTiming[] = [];
    const baselineTimings: NavigationTiming[] = [];
    for (let run = 0; run <= size.runs; run++) {
      await requests.settled(1000);
      await page.goto(`${app.url}/workbench/articles/${baseline.articleId}`, { waitUntil: "commit" });
      await page.waitForFunction((tail) => document.querySelector(".article-text")?.textContent?.endsWith(tail), text.slice(-40), { polling: "raf", timeout: 30_000 });
      const baselineElapsed = await page.evaluate(() => performance.now());
      const baselineTiming = await navigationTiming(page);

      await requests.settled(1000);
      await page.goto(`${app.url}/workbench/articles/${imported.articleId}`, { waitUntil: "commit" });
      await waitForHighlights(page, passages);
      const elapsed = await page.evaluate(() => performance.now());
      // The page hydrated (its text listens to selections) before a selection is timed.
      const timing = await navigationTiming(page);
      const selected = await measureSelection(page);
      if (run === 0) continue; // the first load warms the server
      baselineRunsMs.push(Math.round(baselineElapsed));
      runsMs.push(Math.round(elapsed));
      selectionMs.push(selected);
      timings.push(timing);
      baselineTimings.push(baselineTiming);
    }
    return {
      characters: text.length,
      passages,
      runsMs,
      medianMs: median(runsMs),
      maxMs: Math.max(...runsMs),
      selectionMs,
      selectionMedianMs: median(selectionMs),
      selectionMaxMs: Math.max(...selectionMs),
      baselineRunsMs,
      baselineMedianMs: median(baselineRunsMs),
      breakdown: medianBreakdown(timings),
      baselineBreakdown: medianBreakdown(baselineTimings),
      build: build.note,
    };
  } finally {
    await browser.close();
    await app?.stop();
    await dropDatabase(serverUrl, name);
  }
}
