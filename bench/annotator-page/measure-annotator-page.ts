// The annotator page in Chromium: a 50k-character article with 500 passages, from navigation to the
// moment every passage is highlighted. Runs against a production build on 127.0.0.1 with a database
// of its own (dropped afterwards).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { applyMigrations } from "../../scripts/db/apply-migrations";
import { createDatabase, dropDatabase } from "../../scripts/db/create-database";
import { findChromium } from "../../scripts/lib/find-chromium";
import { ROOT } from "../../scripts/lib/next-build";
import { appEnvironment } from "../lib/bench-database";
import { ensureBuild } from "../lib/ensure-build";
import { freePort, startApp, type RunningServer } from "../lib/servers";

const TARGET_CHARACTERS = 50_000;
const PASSAGES = 500;
const RUNS = 7;

export type AnnotatorPageFigures = {
  characters: number;
  passages: number;
  runsMs: number[];
  medianMs: number;
  maxMs: number;
  build: string;
};

/** About 50k characters of the seed articles, paragraph after paragraph. */
function composeArticle(): string {
  const dir = path.join(ROOT, "seeds", "articles");
  const paragraphs = readdirSync(dir)
    .sort()
    .flatMap((file) => readFileSync(path.join(dir, file), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 80);
  const out: string[] = ["Annotator benchmark article"];
  for (let i = 0; out.join("\n\n").length < TARGET_CHARACTERS; i++) out.push(`${paragraphs[i % paragraphs.length]} (${i})`);
  return out.join("\n\n");
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

export async function measureAnnotatorPage(log: (line: string) => void, quiet: boolean): Promise<AnnotatorPageFigures> {
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
    const imported = await importArticle(editor, { bytes: new TextEncoder().encode(composeArticle()), mediaType: "text/plain" });
    if (imported.status !== "imported") throw new Error("the benchmark article was not imported");
    const revision = await getDb().articleRevision.findUniqueOrThrow({ where: { id: imported.revisionId } });
    const text = revision.text;
    log(`Anchoring ${PASSAGES} passages in a ${text.length}-character article …`);
    const step = Math.floor(text.length / PASSAGES);
    for (let i = 0; i < PASSAGES; i++) {
      let start = i * step;
      while (start < text.length && /\s/.test(text[start]!)) start++;
      let end = Math.min(text.length, start + 30 + ((i * 37) % 170));
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      await createClaim(editor, {
        statement: `Benchmark claim ${i}`,
        claimant: `Claimant ${i % 20}`,
        language: "en",
        passage: { articleRevisionId: revision.id, start, end, exact: text.slice(start, end) },
      });
    }
    await getDb().$disconnect();

    const port = await freePort();
    const env = appEnvironment(databaseUrl, port);
    const build = await ensureBuild(env, { quiet, log });
    app = await startApp(port, build.distDir ? { ...env, NEXT_DIST_DIR: build.distDir } : env);

    const page = await browser.newPage();
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("bench-editor@claimwork.example");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/workbench$/);

    const url = `${app.url}/workbench/articles/${imported.articleId}`;
    const runsMs: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(url, { waitUntil: "commit" });
      // Readable and highlighted: the text is there and every passage has its mark.
      await page.waitForFunction(
        (expected) => {
          const ids = new Set<string>();
          for (const mark of document.querySelectorAll<HTMLElement>("mark.hl[data-ids]")) for (const id of (mark.dataset.ids ?? "").split(" ")) ids.add(id);
          return ids.size >= expected;
        },
        PASSAGES,
        { polling: "raf", timeout: 30_000 },
      );
      const elapsed = await page.evaluate(() => performance.now());
      if (run > 0) runsMs.push(Math.round(elapsed)); // the first load warms the server
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { characters: text.length, passages: PASSAGES, runsMs, medianMs: percentile(sorted, 0.5), maxMs: sorted.at(-1) ?? 0, build: build.note };
  } finally {
    await browser.close();
    await app?.stop();
    await dropDatabase(serverUrl, name);
  }
}
