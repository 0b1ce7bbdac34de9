import { afterAll, describe, expect, it } from "vitest";

import { htmlToArticleText } from "./html-to-text";
import { HTML_TO_TEXT_LIMITS, HtmlToTextPool, htmlToArticleTextOffThread } from "./html-to-text-pool";

// 2 MiB (the largest page accepted) of lists nested 490 deep: seconds of work for html-to-text,
// whose blocks copy their text into their parent at every level.
const SLOW_PAGE = (() => {
  const opened = "<ul><li>x".repeat(490);
  return opened + "<li>y".repeat((2 * 1024 * 1024 - opened.length) / 5);
})();

const ARTICLE = "<html><head><title>Talks resume</title></head><body><h1>Talks resume</h1><p>Caracas (AFP) - The talks resumed.</p></body></html>";

/** Runs `work` while a 10 ms timer ticks on this thread; returns its result and the longest gap between ticks. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; longestGapMs: number; ticks: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks += 1;
  }, 10);
  try {
    const result = await work();
    return { result, longestGapMs: Math.max(longestGapMs, performance.now() - last), ticks };
  } finally {
    clearInterval(timer);
  }
}

const pools: HtmlToTextPool[] = [];
function pool(limits: Partial<typeof HTML_TO_TEXT_LIMITS>): HtmlToTextPool {
  const made = new HtmlToTextPool({ ...HTML_TO_TEXT_LIMITS, ...limits });
  pools.push(made);
  return made;
}

afterAll(async () => {
  await Promise.all(pools.map((made) => made.close()));
});

describe("htmlToArticleTextOffThread", () => {
  it("gives what htmlToArticleText gives, within 10 seconds and 256 MB", async () => {
    expect(HTML_TO_TEXT_LIMITS).toEqual({ workers: 2, timeLimitMs: 10_000, memoryLimitMb: 256 });
    expect(await htmlToArticleTextOffThread(ARTICLE)).toEqual(htmlToArticleText(ARTICLE));
    expect(await htmlToArticleTextOffThread("<b>".repeat(5000))).toEqual(htmlToArticleText("<b>".repeat(5000)));
  });
});

describe("HtmlToTextPool", () => {
  it("cuts a conversion off at its time limit with a refusal naming it, while this thread keeps running", async () => {
    const limited = pool({ timeLimitMs: 300 });
    await limited.convert(ARTICLE); // a worker started and ready: its start-up is not timed
    const started = performance.now();
    const { result, longestGapMs, ticks } = await whileTicking(() => limited.convert(SLOW_PAGE));
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, refusal: { key: "pageConversionTime", params: { seconds: 0.3 } } });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
    // Converted on this thread, the page would have stopped the timer for seconds.
    expect(ticks).toBeGreaterThan(5);
    expect(longestGapMs).toBeLessThan(250);
    // The stopped worker is replaced: the next page converts.
    expect(await limited.convert(ARTICLE)).toEqual(htmlToArticleText(ARTICLE));
  });

  it("converts pages side by side, and a slow one does not hold up the others", async () => {
    const limited = pool({ workers: 2, timeLimitMs: 1_000 });
    const slow = limited.convert(SLOW_PAGE);
    const quick = await Promise.all([1, 2, 3].map((number) => limited.convert(`<p>Page ${number}</p>`)));
    expect(quick.map((result) => result.ok && result.text)).toEqual(["Page 1", "Page 2", "Page 3"]);
    expect(await slow).toEqual({ ok: false, refusal: { key: "pageConversionTime", params: { seconds: 1 } } });
  });

  it("refuses a page that needs more memory than the limit, naming it, and goes on", async () => {
    const limited = pool({ memoryLimitMb: 64, timeLimitMs: 60_000 });
    const result = await limited.convert(SLOW_PAGE);
    expect(result).toEqual({ ok: false, refusal: { key: "pageConversionMemory", params: { megabytes: 64 } } });
    expect(await limited.convert(ARTICLE)).toEqual(htmlToArticleText(ARTICLE));
  });
});
