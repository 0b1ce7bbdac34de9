// `npm run bench:import-folder` (`--json` for JSON, `--files N`, default 2,000): importing a folder of
// news articles, as the outside measurement did and as an editor does.
//  1. The upload route from Node, one file per request, four requests at a time: articles a second.
//  2. The import page in Chromium, a whole folder chosen at once: time to read every file, time to
//     import them all, the page's longest task and how many tasks took over 200 ms.
// Baseline, same run and same kind of files: the import use case called in-process, four at a time,
// with no HTTP and no Next in between. Targets (issue 15): 40 articles a second through the route;
// no task over 200 ms on the page.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, request as playwrightRequest } from "@playwright/test";
import { findChromium } from "../../scripts/lib/find-chromium";
import { ROOT } from "../../scripts/lib/next-build";
import { appEnvironment, withBenchDatabase } from "../lib/bench-database";
import { ensureBuild } from "../lib/ensure-build";
import { freePort, startApp } from "../lib/servers";

const json = process.argv.includes("--json");
const log = (line: string) => (json ? console.error(line) : console.log(line));
const filesArgument = process.argv.indexOf("--files");
const FILES = filesArgument > 0 ? Number(process.argv[filesArgument + 1]) : 2000;
const AT_ONCE = 4;

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

/** Runs `work` over the items, `AT_ONCE` at a time; returns the seconds it took. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

const perSecond = (count: number, seconds: number) => Math.round((count / seconds) * 10) / 10;

const figures = await withBenchDatabase({ prefix: "claimwork_bench_import", watchdogMs: 30 * 60_000, log }, async (database) => {
  const folder = mkdtempSync(path.join(tmpdir(), "claimwork-import-bench-"));
  database.defer(() => rmSync(folder, { recursive: true, force: true }));
  const { ensureUser } = await import("../../lib/users/ensure-user");
  const { loadActor } = await import("../../lib/auth/load-actor");
  const { importArticle } = await import("../../lib/articles/import-article");
  const password = randomBytes(12).toString("base64url");
  const user = await ensureUser({ email: "bench-importer@claimwork.example", name: "Bench Importer", role: "editor", password });
  const editor = (await loadActor(user.id, "bench"))!;

  log(`Writing ${FILES} articles three times over (baseline, route, page) …`);
  const baselineFiles = writeArticles(mkdtempSync(path.join(folder, "baseline-")), "baseline");
  const routeFiles = writeArticles(mkdtempSync(path.join(folder, "route-")), "route");
  const pageFolder = mkdtempSync(path.join(folder, "page-"));
  writeArticles(pageFolder, "page");

  log("Baseline: the import use case in-process, four at a time …");
  const baselineSeconds = await inParallel(baselineFiles, async (file) => {
    const answer = await importArticle(editor, { bytes: readFileSync(file), mediaType: "text/plain" });
    if (answer.status !== "imported") throw new Error(`${file} was not imported`);
  });

  const baselineFigures = { seconds: Math.round(baselineSeconds * 10) / 10, articlesPerSecond: perSecond(FILES, baselineSeconds) };
  const port = await freePort();
  const env = appEnvironment(database.url, port);
  const build = await ensureBuild(env, { quiet: json, log });
  const app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);
  database.defer(() => app.stop());

  log("The upload route, one file per request, four at a time …");
  const api = await playwrightRequest.newContext({ baseURL: app.url, extraHTTPHeaders: { origin: app.url } });
  database.defer(() => api.dispose());
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: "bench-importer@claimwork.example", password, json: "true" } });
  let routeFailures = 0;
  const routeSeconds = await inParallel(routeFiles, async (file) => {
    const answer = await api.post("/api/articles", { multipart: { file: { name: path.basename(file), mimeType: "text/plain", buffer: readFileSync(file) } } });
    if (!answer.ok()) routeFailures++;
  });
  const routeFigures = { seconds: Math.round(routeSeconds * 10) / 10, articlesPerSecond: perSecond(FILES, routeSeconds), failures: routeFailures };

  const executablePath = findChromium();
  if (!executablePath) {
    log("The import page in Chromium: skipped, no Chromium on this machine (set CHROMIUM_PATH).");
    return { files: FILES, build: build.note, baseline: baselineFigures, route: routeFigures, page: null };
  }
  log("The import page in Chromium, the whole folder at once …");
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  database.defer(() => browser.close());
  const context = await browser.newContext({ baseURL: app.url });
  const { csrfToken: pageCsrf } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken: pageCsrf, email: "bench-importer@claimwork.example", password, json: "true" } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/workbench/articles/import");
  const progress = page.getByRole("region", { name: "Import progress" });
  const readStarted = performance.now();
  await page.getByLabel("Choose a folder").setInputFiles(pageFolder);
  await progress.getByText(`Read ${FILES.toLocaleString("en")} of ${FILES.toLocaleString("en")} files`).waitFor({ timeout: 20 * 60_000 });
  const readSeconds = (performance.now() - readStarted) / 1000;
  const importStarted = performance.now();
  await progress.getByRole("button", { name: /^Import all/ }).click();
  await progress.getByText(`Imported ${FILES.toLocaleString("en")} of ${FILES.toLocaleString("en")}`).waitFor({ timeout: 20 * 60_000 });
  const importSeconds = (performance.now() - importStarted) / 1000;
  const summary = (await progress.getByRole("status").textContent()) ?? "";
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

  return {
    files: FILES,
    build: build.note,
    baseline: baselineFigures,
    route: routeFigures,
    page: {
      readSeconds: Math.round(readSeconds * 10) / 10,
      importSeconds: Math.round(importSeconds * 10) / 10,
      articlesPerSecond: perSecond(FILES, importSeconds),
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      tasksOver200Ms: longTasks.filter((duration) => duration > 200).length,
      summary: summary.trim(),
    },
  };
});

const targets = {
  route: { description: "40 articles a second through the upload route", met: figures.route.articlesPerSecond >= 40 && figures.route.failures === 0 },
  page: { description: "no task over 200 ms on the import page", met: figures.page ? figures.page.tasksOver200Ms === 0 : null },
};
if (json) {
  console.log(JSON.stringify({ ...figures, targets }, null, 2));
} else {
  console.log(`\nImporting ${figures.files} articles of about 3,000 characters (${figures.build})`);
  console.log(`baseline, the use case in-process, 4 at a time: ${figures.baseline.articlesPerSecond} articles/s (${figures.baseline.seconds} s)`);
  console.log(`upload route, 1 file per request, 4 at a time:  ${figures.route.articlesPerSecond} articles/s (${figures.route.seconds} s, ${figures.route.failures} failed)`);
  if (figures.page) {
    console.log(`import page, a folder at once: read in ${figures.page.readSeconds} s, imported in ${figures.page.importSeconds} s (${figures.page.articlesPerSecond} articles/s)`);
    console.log(`import page: longest task ${figures.page.longestTaskMs} ms, ${figures.page.tasksOver200Ms} tasks over 200 ms; ${figures.page.summary}`);
  } else {
    console.log("import page: skipped, no Chromium on this machine");
  }
  for (const target of Object.values(targets)) console.log(`${target.met === null ? "SKIPPED" : target.met ? "MET    " : "NOT MET"}  ${target.description}`);
}
process.exit(0);
