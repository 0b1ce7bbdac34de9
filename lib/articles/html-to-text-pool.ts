// Converts HTML pages to article text (html-to-text.ts) in worker threads, with a time and a memory
// limit, so that a page that is slow to convert delays neither the other requests nor the rest of
// the server: the thread that answers requests only waits for a message. A conversion over its time
// limit is stopped by terminating its worker (the only way to interrupt synchronous JavaScript);
// one over its memory limit stops its worker itself. Either way the page is refused with a reason
// naming the limit, and a new worker takes the next page.
//
// A small pool of long-lived workers, written here rather than taken from a library (piscina,
// tinypool): those load their workers through a file of their own and import the task file at run
// time, which after `next build` is TypeScript that is no longer there to import. Next's bundler
// only bundles a worker started as `new Worker(new URL("./file.ts", import.meta.url))`.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { HtmlArticleText } from "./html-to-text";

export type HtmlToTextLimits = {
  /** Pages converted at the same time; more wait for a free worker. */
  workers: number;
  /** How long one page may take, counted from when its worker starts on it. */
  timeLimitMs: number;
  /** The heap (V8 old generation) of each worker, in MB. */
  memoryLimitMb: number;
};

// Two workers: imports come a few at a time, and a third busy thread on a two-core machine would
// take time from the one answering requests. Ten seconds: a 2 MiB page (the largest accepted) of
// ordinary markup converts in 0.5 to 3 seconds on such a machine, and a news article's page in well
// under one. 256 MB: such a page needs less than 64.
export const HTML_TO_TEXT_LIMITS: HtmlToTextLimits = { workers: 2, timeLimitMs: 10_000, memoryLimitMb: 256 };

type WorkerMessage = { type: "ready" } | { type: "result"; result: HtmlArticleText };
type Job = { html: string; resolve: (result: HtmlArticleText) => void; reject: (error: unknown) => void };

function startWorker(memoryLimitMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } };
  // In the Next server (`next start`, `next dev`) the bundler has compiled the worker file, with
  // what it imports, into a JavaScript chunk of the build, and this URL points at that chunk.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./html-to-text.worker.ts", import.meta.url), options);
  // Run from the sources (Vitest, tsx scripts), the URL names the TypeScript file itself, which
  // Node cannot load on its own: tsx (a dependency, which runs the project's scripts) compiles it.
  const source = fileURLToPath(new URL("./html-to-text.worker.ts", import.meta.url));
  const load = `const load = require("node:module").createRequire(${JSON.stringify(source)});
load("tsx/cjs/api").register();
load(${JSON.stringify(source)});`;
  return new Worker(load, { ...options, eval: true });
}

function isOutOfMemory(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY";
}


export class HtmlToTextPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  /** Workers starting or converting (the others are idle). */
  private busy = 0;
  private closed = false;

  constructor(readonly limits: HtmlToTextLimits) {}

  /** The page's text as htmlToArticleText gives it, or a refusal naming the limit it went over. */
  convert(html: string): Promise<HtmlArticleText> {
    if (this.closed) return Promise.reject(new Error("The HTML conversion pool is closed."));
    return new Promise((resolve, reject) => {
      this.waiting.push({ html, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker (tests). Pages still converting or waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error("The HTML conversion pool was closed."));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (!this.closed && this.waiting.length > 0 && (this.idle.length > 0 || this.busy < this.limits.workers)) {
      const job = this.waiting.shift()!;
      const worker = this.idle.pop();
      this.busy += 1;
      if (worker) this.run(worker, job);
      else this.start(job);
    }
  }

  private start(job: Job): void {
    const worker = startWorker(this.limits.memoryLimitMb);
    // An idle worker that dies (it should not) leaves the pool.
    worker.on("exit", () => {
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
    });
    const stop = () => {
      worker.off("message", onMessage);
      worker.off("error", onFailure);
      worker.off("exit", onFailure);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== "ready") return;
      stop();
      this.run(worker, job);
    };
    const onFailure = (cause: unknown) => {
      stop();
      this.busy -= 1;
      void worker.terminate();
      job.reject(new Error("The HTML conversion worker could not start.", { cause }));
      this.dispatch();
    };
    worker.on("message", onMessage);
    worker.on("error", onFailure);
    worker.on("exit", onFailure);
  }

  private run(worker: Worker, job: Job): void {
    const { timeLimitMs, memoryLimitMb } = this.limits;
    let settled = false;
    const settle = (outcome: { result: HtmlArticleText; reusable: boolean } | { error: unknown }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      this.busy -= 1;
      if ("result" in outcome && outcome.reusable && !this.closed) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      if ("result" in outcome) job.resolve(outcome.result);
      else job.reject(outcome.error);
      this.dispatch();
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === "result") settle({ result: message.result, reusable: true });
    };
    const onError = (error: unknown) => {
      if (!isOutOfMemory(error)) return settle({ error });
      settle({ result: { ok: false, refusal: { key: "pageConversionMemory", params: { megabytes: memoryLimitMb } } }, reusable: false });
    };
    const onExit = (code: number) => settle({ error: new Error(`The HTML conversion worker stopped (exit code ${code}).`) });
    const timer = setTimeout(() => {
      settle({ result: { ok: false, refusal: { key: "pageConversionTime", params: { seconds: timeLimitMs / 1000 } } }, reusable: false });
    }, timeLimitMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.ref();
    worker.postMessage(job.html);
  }
}

let shared: HtmlToTextPool | undefined;

/** htmlToArticleText in a worker thread of the shared pool, within HTML_TO_TEXT_LIMITS. */
export function htmlToArticleTextOffThread(html: string): Promise<HtmlArticleText> {
  shared ??= new HtmlToTextPool(HTML_TO_TEXT_LIMITS);
  return shared.convert(html);
}
