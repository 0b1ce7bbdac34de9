// `npm run bench:import-folder` (`--json` for JSON, `--files N`, default 2,000): importing a folder of
// news articles, as the outside measurement did and as an editor does.
//  1. The upload route from Node, one file per request, four requests at a time, on the first
//     BENCH_SINGLE_FILES files (300): articles a second, as before batching.
//  2. The batch route from Node (POST /api/articles/batch, ADR 0016), 50 files per request, two
//     requests at a time, all the files: articles a second.
//  3. The import page in Chromium, a whole folder chosen at once with "Choose a folder": time to
//     read every file, time to import them all, the page's longest task and how many tasks took over
//     200 ms. Chromium has a folder picker, which the page uses (pick-folder.ts); its native dialog
//     cannot be driven, so the bench copies the folder into the page's private file system (OPFS)
//     first and the picker answers with that folder: only the dialog is replaced. As a baseline, the
//     longest task of a blank page given the same folder through <input webkitdirectory> (what the
//     page used before, and still uses without a picker), which is the browser's own work.
// Requests go through Node's fetch, the client with the least work of its own.
// The app's resident memory (its whole process tree) is printed at start and at its peak during 2 and
// 3. Baseline, same run and same kind of files: the single-file import use case called in-process,
// four at a time, with no HTTP and no Next in between. Targets (issue 15): 40 articles a second
// through the route; no task over 200 ms on the page; under 400 MiB. The load averages are printed:
// the machine may be shared. BENCH_PORT pins the app's port, BENCH_DATABASE_PREFIX names the database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, request as playwrightRequest, type BrowserContext, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/lib/find-chromium";
import { ROOT } from "../../scripts/lib/next-build";
import { appEnvironment, withBenchDatabase } from "../lib/bench-database";
import { ensureBuild } from "../lib/ensure-build";
import { freePort, startApp } from "../lib/servers";
import { readTreeMemory, sampleMemory, type MemoryFigures } from "../load/sample-memory";

const json = process.argv.includes("--json");
const log = (line: string) => (json ? console.error(line) : console.log(line));
const filesArgument = process.argv.indexOf("--files");
const FILES = filesArgument > 0 ? Number(process.argv[filesArgument + 1]) : 2000;
const AT_ONCE = 4;
const SINGLE_FILES = Math.min(FILES, Number(process.env.BENCH_SINGLE_FILES || 300));
const BATCH_FILES = 50;
const BATCHES_AT_ONCE = 2;
const loads = () => loadavg().map((load) => Math.round(load * 100) / 100);

/** FILES distinct articles of about 3,000 characters, made of the seed articles' paragraphs. */
function writeArticles(folder: string, kind: string): string[] {
  const dir = path.join(ROOT, "seeds", "articles");
  const paragraphs = readdirSync(dir)
    .sort()
    .flatMap((file) => readFileSync(path.join(dir, file), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 80);
  const files: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const body: string[] = [`${kind} report ${index} ${randomBytes(4).toString("hex")}`];
    for (let part = 0; body.join("\n\n").length < 3000; part++) body.push(paragraphs[(index * 7 + part * 13) % paragraphs.length]!);
    body.push(`Reference ${kind}-${index}-${randomBytes(6).toString("hex")}.`);
    const file = path.join(folder, `${kind}-${String(index).padStart(5, "0")}.txt`);
    writeFileSync(file, body.join("\n\n"));
    files.push(file);
  }
  return files;
}

type Tasks = { longestTaskMs: number; tasksOver200Ms: number };
const longestOf = (first: Tasks, second: Tasks): Tasks => ({
  longestTaskMs: Math.max(first.longestTaskMs, second.longestTaskMs),
  tasksOver200Ms: first.tasksOver200Ms + second.tasksOver200Ms,
});

/** The browser's own work of taking a folder in through <input webkitdirectory>: a blank page's longest task while it does. */
async function folderInputBaseline(context: BrowserContext, folder: string): Promise<Tasks> {
  const blank = await context.newPage();
  try {
    await blank.setContent('<input type="file" webkitdirectory aria-label="Folder">');
    await blank.evaluate(() => {
      const state = { tasks: [] as number[], files: -1 };
      (window as unknown as { bench: typeof state }).bench = state;
      new PerformanceObserver((list) => state.tasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: "longtask" });
      document.querySelector("input")!.addEventListener("change", (event) => (state.files = (event.target as HTMLInputElement).files!.length));
    });
    await blank.getByLabel("Folder").setInputFiles(folder);
    await blank.waitForFunction(() => (window as unknown as { bench: { files: number } }).bench.files >= 0);
    await blank.waitForTimeout(500); // the long task is reported once it ends
    const durations = await blank.evaluate(() => (window as unknown as { bench: { tasks: number[] } }).bench.tasks);
    return { longestTaskMs: Math.round(Math.max(0, ...durations)), tasksOver200Ms: durations.filter((duration) => duration > 200).length };
  } finally {
    await blank.close();
  }
}

/** Copies the folder into the page's private file system and has the folder picker answer with it (only the dialog is replaced). */
async function copyToPrivateFolder(page: Page, folder: string): Promise<void> {
  type Writable = { write(text: string): Promise<void>; close(): Promise<void> };
  type Folder = { getFileHandle(name: string, options: { create: boolean }): Promise<{ createWritable(): Promise<Writable> }> };
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry("bench-folder", { recursive: true }).catch(() => undefined);
    await root.getDirectoryHandle("bench-folder", { create: true });
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle("bench-folder");
  });
  const names = readdirSync(folder).sort();
  for (let at = 0; at < names.length; at += 200) {
    const files = names.slice(at, at + 200).map((name) => ({ name, text: readFileSync(path.join(folder, name), "utf8") }));
    await page.evaluate(async (chunk) => {
      const target = (await (await navigator.storage.getDirectory()).getDirectoryHandle("bench-folder")) as unknown as Folder;
      for (const file of chunk) {
        const writable = await (await target.getFileHandle(file.name, { create: true })).createWritable();
        await writable.write(file.text);
        await writable.close();
      }
    }, files);
  }
}

/** Runs `work` over the items, `AT_ONCE` at a time; returns the seconds it took. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>, atOnce = AT_ONCE): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

const perSecond = (count: number, seconds: number) => Math.round((count / seconds) * 10) / 10;
const mib = (value: number) => Math.round(value);
const memoryOf = (figures: MemoryFigures) => ({ peakMiB: mib(figures.peakMiB), endMiB: mib(figures.endMiB) });
const loadAtStart = loads();

const figures = await withBenchDatabase({ prefix: process.env.BENCH_DATABASE_PREFIX || "claimwork_bench_import", watchdogMs: 30 * 60_000, log }, async (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), "claimwork-import-bench-"));
  database.defer(() => rmSync(folder, { recursive: true, force: true }));
  const { ensureUser } = await import("../../lib/users/ensure-user");
  const { loadActor } = await import("../../lib/auth/load-actor");
  const { importArticle } = await import("../../lib/articles/import-article");
  const password = randomBytes(12).toString("base64url");
  const user = await ensureUser({ email: "bench-importer@claimwork.example", name: "Bench Importer", role: "editor", password });
  const editor = (await loadActor(user.id, "bench"))!;

  log(`Writing ${FILES} articles four times over (baseline, route, batch route, page) …`);
  const baselineFiles = writeArticles(mkdtempSync(path.join(folder, "baseline-")), "baseline");
  const routeFiles = writeArticles(mkdtempSync(path.join(folder, "route-")), "route");
  const batchFiles = writeArticles(mkdtempSync(path.join(folder, "batch-")), "batch");
  const pageFolder = mkdtempSync(path.join(folder, "page-"));
  writeArticles(pageFolder, "page");

  log("Baseline: the import use case in-process, four at a time …");
  const baselineSeconds = await inParallel(baselineFiles, async (file) => {
    const answer = await importArticle(editor, { bytes: readFileSync(file), mediaType: "text/plain" });
    if (answer.status !== "imported") throw new Error(`${file} was not imported`);
  });

  const baselineFigures = { seconds: Math.round(baselineSeconds * 10) / 10, articlesPerSecond: perSecond(FILES, baselineSeconds) };
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const env = appEnvironment(database.url, port);
  const build = await ensureBuild(env, { quiet: json, log });
  const app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);
  database.defer(() => app.stop());

  const startMemory = readTreeMemory([app.pid]);

  log(`The upload route, one file per request, four at a time (${SINGLE_FILES} files) …`);
  const api = await playwrightRequest.newContext({ baseURL: app.url, extraHTTPHeaders: { origin: app.url } });
  database.defer(() => api.dispose());
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "bench-importer@claimwork.example", password, json: "true" } });
  const cookie = (await api.storageState()).cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const upload = (route: string, files: string[]) => {
    const form = new FormData();
    for (const file of files) form.append("file", new Blob([readFileSync(file)], { type: "text/plain" }), path.basename(file));
    return fetch(new URL(route, app.url), { method: "POST", body: form, headers: { cookie, origin: app.url }, signal: AbortSignal.timeout(120_000) });
  };
  let routeFailures = 0;
  const routeSeconds = await inParallel(routeFiles.slice(0, SINGLE_FILES), async (file) => {
    const answer = await upload("/api/articles", [file]);
    await answer.arrayBuffer();
    if (!answer.ok) routeFailures++;
  });
  const routeFigures = { files: SINGLE_FILES, seconds: Math.round(routeSeconds * 10) / 10, articlesPerSecond: perSecond(SINGLE_FILES, routeSeconds), failures: routeFailures };

  log(`The batch route, ${BATCH_FILES} files per request, ${BATCHES_AT_ONCE} at a time (${FILES} files) …`);
  const batches: string[][] = [];
  for (let at = 0; at < batchFiles.length; at += BATCH_FILES) batches.push(batchFiles.slice(at, at + BATCH_FILES));
  let batchFailures = 0;
  let batchImported = 0;
  const batchMemory = sampleMemory([app.pid]);
  const batchSeconds = await inParallel(
    batches,
    async (batch) => {
      const answer = await upload("/api/articles/batch", batch);
      if (!answer.ok) {
        batchFailures += batch.length;
        log(`a batch failed: ${answer.status} ${(await answer.text()).slice(0, 300)}`);
        return;
      }
      const { results } = (await answer.json()) as { results: { status: string }[] };
      batchImported += results.filter((result) => result.status === "imported").length;
      batchFailures += results.filter((result) => result.status !== "imported").length;
    },
    BATCHES_AT_ONCE,
  );
  const batchFigures = {
    files: FILES,
    seconds: Math.round(batchSeconds * 10) / 10,
    articlesPerSecond: perSecond(batchImported, batchSeconds),
    failures: batchFailures,
    memory: memoryOf(batchMemory.stop()),
  };
  const memory = { startMiB: mib(startMemory.mib), processes: startMemory.processes };

  const executablePath = findChromium();
  if (!executablePath) {
    log("The import page in Chromium: skipped, no Chromium on this machine (set CHROMIUM_PATH).");
    return { files: FILES, build: build.note, baseline: baselineFigures, route: routeFigures, batchRoute: batchFigures, memory, page: null };
  }
  log("The import page in Chromium, the whole folder at once …");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  database.defer(() => browser.close());
  const context = await browser.newContext({ baseURL: app.url });
  const { csrfToken: pageCsrf } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: pageCsrf, email: "bench-importer@claimwork.example", password, json: "true" } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const folderInput = await folderInputBaseline(context, pageFolder);
  await page.goto("/workbench/articles/import");
  const progress = page.getByRole("region", { name: "Import progress" });
  const pageNow = () => page.evaluate(() => performance.now());
  const copyStartedAt = await pageNow();
  await copyToPrivateFolder(page, pageFolder);
  const pageMemory = sampleMemory([app.pid]);
  const folderChosenAt = await pageNow();
  const readStarted = performance.now();
  await page.locator('label[for="article-folder"]').click();
  await progress.getByText(`Read ${FILES.toLocaleString("en")} of ${FILES.toLocaleString("en")} files`).waitFor({ timeout: 20 * 60_000 });
  const readSeconds = (performance.now() - readStarted) / 1000;
  const importClickedAt = await pageNow();
  const importStarted = performance.now();
  await progress.getByRole("button", { name: /^Import all/ }).click();
  await progress.getByText(`Imported ${FILES.toLocaleString("en")} of ${FILES.toLocaleString("en")}`).waitFor({ timeout: 20 * 60_000 });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const pageMemoryFigures = memoryOf(pageMemory.stop());
  const summary = (await progress.getByRole("status").textContent()) ?? "";
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
  // Long tasks by phase: opening the page (Next's hydration), reading the folder, importing it.
  const tasksOf = (from: number, to: number) => {
    const durations = longTasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration);
    return { longestTaskMs: Math.round(Math.max(0, ...durations)), tasksOver200Ms: durations.filter((duration) => duration > 200).length };
  };

  return {
    files: FILES,
    build: build.note,
    baseline: baselineFigures,
    route: routeFigures,
    batchRoute: batchFigures,
    memory,
    page: {
      memory: pageMemoryFigures,
      readSeconds: Math.round(readSeconds * 10) / 10,
      importSeconds: Math.round(importSeconds * 10) / 10,
      articlesPerSecond: perSecond(FILES, importSeconds),
      // The copy into the private file system is the bench's own work, not the page's.
      ...longestOf(tasksOf(0, copyStartedAt), tasksOf(folderChosenAt, Infinity)),
      folderInputBaseline: folderInput,
      opening: tasksOf(0, copyStartedAt),
      reading: tasksOf(folderChosenAt, importClickedAt),
      importing: tasksOf(importClickedAt, Infinity),
      summary: summary.trim(),
    },
  };
});

const peakMemory = Math.max(figures.batchRoute.memory.peakMiB, figures.page?.memory.peakMiB ?? 0);
const load = { atStart: loadAtStart, atEnd: loads() };
const targets = {
  route: {
    description: "40 articles a second through the upload route (batched)",
    met: figures.batchRoute.articlesPerSecond >= 40 && figures.batchRoute.failures === 0,
  },
  page: { description: "no task over 200 ms on the import page", met: figures.page ? figures.page.tasksOver200Ms === 0 : null },
  memory: { description: "the app under 400 MiB resident while importing", met: peakMemory < 400 },
};
if (json) {
  console.log(JSON.stringify({ ...figures, load, targets }, null, 2));
} else {
  const { baseline, route, batchRoute, memory, page } = figures;
  console.log(`\nImporting ${figures.files} articles of about 3,000 characters (${figures.build})`);
  console.log(`load averages (1, 5, 15 min): ${load.atStart.join(", ")} at the start, ${load.atEnd.join(", ")} at the end (a shared machine)`);
  console.log(`baseline, the use case in-process, 4 at a time:      ${baseline.articlesPerSecond} articles/s (${baseline.seconds} s)`);
  console.log(`upload route, 1 file per request, 4 at a time:       ${route.articlesPerSecond} articles/s (${route.files} files, ${route.seconds} s, ${route.failures} failed)`);
  console.log(
    `batch route, ${BATCH_FILES} files per request, ${BATCHES_AT_ONCE} at a time:    ${batchRoute.articlesPerSecond} articles/s (${batchRoute.seconds} s, ${batchRoute.failures} not imported), ` +
      `${Math.round((batchRoute.articlesPerSecond / baseline.articlesPerSecond) * 10) / 10}x the baseline`,
  );
  console.log(`app memory (process tree, ${memory.processes} processes): ${memory.startMiB} MiB at start, peak ${batchRoute.memory.peakMiB} MiB during the batch route${page ? `, peak ${page.memory.peakMiB} MiB during the page's import` : ""}`);
  if (page) {
    console.log(`import page, a folder at once: read in ${page.readSeconds} s, imported in ${page.importSeconds} s (${page.articlesPerSecond} articles/s)`);
    console.log(`import page: longest task ${page.longestTaskMs} ms, ${page.tasksOver200Ms} tasks over 200 ms; ${page.summary}`);
    const phase = (name: string, tasks: { longestTaskMs: number; tasksOver200Ms: number }) => `${name} ${tasks.longestTaskMs} ms (${tasks.tasksOver200Ms} over 200 ms)`;
    console.log(`import page, longest task by phase: ${phase("opening the page", page.opening)}, ${phase("reading the folder", page.reading)}, ${phase("importing", page.importing)}`);
    console.log(`baseline, a blank page given the folder through <input webkitdirectory>: longest task ${page.folderInputBaseline.longestTaskMs} ms (the browser's own work)`);
  } else {
    console.log("import page: skipped, no Chromium on this machine");
  }
  for (const target of Object.values(targets)) console.log(`${target.met === null ? "SKIPPED" : target.met ? "MET    " : "NOT MET"}  ${target.description}`);
}
process.exit(0);
