// An HTML page that is slow to convert is cut off at the conversion's time limit and refused with a
// message naming it, writing nothing, while the server goes on answering: the conversion runs in a
// worker thread. The limit is 10 seconds in the app; here the shared pool is given 1.5 seconds, so
// that a page taking several seconds is surely over it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importArticle } from "@/lib/articles/import-article";
import { previewArticle } from "@/lib/articles/preview-article";
import { expectRefusedWithoutWrites, makeUser, unique } from "@/test/integration/support";

vi.mock("@/lib/articles/html-to-text-pool", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/articles/html-to-text-pool")>();
  const pool = new original.HtmlToTextPool({ ...original.HTML_TO_TEXT_LIMITS, timeLimitMs: 1_500 });
  return { ...original, htmlToArticleTextOffThread: (html: string) => pool.convert(html) };
});

const db = getDb();
const encode = (text: string) => new TextEncoder().encode(text);
const REFUSAL = "Converting this page to text took longer than the 1.5-second limit, which no article needs; it cannot be read.";

/** 2 MiB (the largest page accepted) of lists nested 490 deep: seconds of work for the converter. */
function slowPage(token: string): Uint8Array {
  const opened = `<title>Slow page ${token}</title>${"<ul><li>x".repeat(490)}`;
  return encode(opened + "<li>y".repeat(Math.floor((2 * 1024 * 1024 - opened.length) / 5)));
}

/** Both workers of the pool started (one cut off earlier is replaced), so that no page waits for a worker to start. */
async function startWorkers(): Promise<void> {
  await Promise.all([1, 2].map((number) => previewArticle(editor, { bytes: encode(`<p>Warm-up page ${number} ${unique()}</p>`), mediaType: "text/html" })));
}

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
  await startWorkers();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("importArticle of a page slow to convert", () => {
  it("is refused at the time limit, naming it, and writes nothing", async () => {
    const error = await expectRefusedWithoutWrites(() => importArticle(editor, { bytes: slowPage(unique()), mediaType: "text/html" }), "invalid");
    // The refusal names the time limit: the conversion was cut off there, not run to its end.
    expect(error.message).toBe(REFUSAL);
  });

  it("leaves the server answering other requests, imports and previews meanwhile", async () => {
    await startWorkers();
    const token = unique();
    // A timer of this thread keeps ticking while the page converts: the conversion is elsewhere.
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 10);
    try {
      const finished: string[] = [];
      const slow = importArticle(editor, { bytes: slowPage(token), mediaType: "text/html" }).then(
        () => finished.push("slow page imported"),
        (error: unknown) => {
          finished.push("slow page refused");
          throw error;
        },
      );
      const others = (async () => {
        const preview = await previewArticle(editor, { bytes: encode(`<h1>Quick page ${token}</h1><p>Caracas (AFP) - Talks resumed.</p>`), mediaType: "text/html" });
        expect(preview).toMatchObject({ title: `Quick page ${token}`, outlet: "AFP" });
        const imported = await importArticle(editor, { bytes: encode(`Quick article ${token}\n\nThe talks resumed on Monday.`), mediaType: "text/plain" });
        expect(imported.status).toBe("imported");
        expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
        finished.push("others answered");
      })();
      await expect(slow).rejects.toMatchObject({ code: "invalid", message: REFUSAL });
      await others;
      expect(finished).toEqual(["others answered", "slow page refused"]);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(10);
    expect(await db.article.count({ where: { title: { contains: `Slow page ${token}` } } })).toBe(0);
  });
});
