// The mixed load the faults are injected into: anonymous readers (the home page and a published
// fact-check, which the reader cache answers; searches no one made before, which reach Next and the
// database; the health check) and one signed-in editor importing articles through POST /api/articles,
// every answer recorded, every import in a ledger compared with the tables at the end. The hostile
// suite's reader and editor record their requests through it too (Load.record).

/** No answer within this long counts as a hang: ten times the app's own bounds (5 s acquire, 10 s statement). */
export const HANG_MS = 60_000;

export type Kind = "home" | "fact-check" | "search" | "health" | "import";

/** Pages the reader cache answers: they must stay up while the database is away. */
export const CACHED_KINDS: readonly string[] = ["home", "fact-check"];

export type Sample = {
  /** A Kind, or what another suite calls its request. */
  kind: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when no answer came (connection refused or reset, or a hang). */
  status: number;
  /** What went wrong, when the answer was not what a client can act on. */
  problem?: string;
};

export type ImportOutcome = "acknowledged" | "refused" | "ambiguous";
export type LedgerEntry = { title: string; outcome: ImportOutcome; articleId?: string; status: number };

// A stack frame ("at fn (file.js:1:2)") or a raw error name must never reach a client.
const STACK_TRACE = /\bat [^\s]+ \([^)]*:\d+:\d+\)|\n\s+at |PrismaClient\w*Error|ECONNREFUSED/;

// One numbering for the whole run, so that no two imports share a title (or a text), and every
// search is one the reader cache has not seen.
let importNumber = 0;
let searchNumber = 0;

export class Load {
  readonly samples: Sample[] = [];
  readonly ledger: LedgerEntry[] = [];
  /** "kind status" -> the visible text of the first such error page, for the report. */
  readonly pageErrors = new Map<string, string>();
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly factCheckPath: string,
    private readonly sessionCookie: string,
    private readonly runId: string,
    /** No answer within this long counts as a hang. */
    private readonly timeoutMs = HANG_MS,
  ) {}

  /** Starts `readers` anonymous readers and one importing editor. */
  start(readers: number): void {
    this.running = true;
    const kinds: Kind[] = ["home", "fact-check", "search", "health"];
    for (let index = 0; index < readers; index++) this.workers.push(this.loop(() => kinds[(index + this.samples.length) % kinds.length]!));
    this.workers.push(this.loop(() => "import"));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
  }

  private async loop(next: () => Kind): Promise<void> {
    while (this.running) {
      await this.request(next());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** One request of the given kind, recorded; resolves with its sample. */
  async request(kind: Kind, label = "load"): Promise<Sample> {
    if (kind !== "import") {
      const path = { home: "/", "fact-check": this.factCheckPath, search: `/search?q=talks+${++searchNumber}`, health: "/api/health" }[kind];
      return this.record(kind, (signal) => answerOf(fetch(this.baseUrl + path, { signal, redirect: "manual" })), { api: kind === "health" });
    }
    const number = ++importNumber;
    const title = `Fault suite import ${this.runId} ${label} ${number}`;
    const entry: LedgerEntry = { title, outcome: "ambiguous", status: 0 };
    this.ledger.push(entry);
    return this.record(kind, (signal) => answerOf(this.postImport(title, signal)), {
      api: true,
      inspect: ({ status, body }) => {
        entry.status = status;
        if (status >= 200 && status < 300) {
          entry.outcome = "acknowledged";
          entry.articleId = (JSON.parse(body) as { articleId?: string }).articleId;
        } else {
          entry.outcome = "refused";
        }
        return undefined;
      },
      // A refused connection is a clean refusal (nothing was sent); anything else leaves the write unknown.
      noAnswer: (reason) => {
        if (/ECONNREFUSED/.test(reason)) entry.outcome = "refused";
      },
    });
  }

  /**
   * Times one request that `send` makes (its answer read to the end), and records it: a stack trace in
   * the answer, an API's 5xx without a 503 JSON message, and what `inspect` objects to are problems;
   * so is no answer within the load's timeout.
   */
  async record(
    kind: string,
    send: (signal: AbortSignal) => Promise<Answer>,
    options: { api?: boolean; inspect?: (answer: Answer) => string | undefined; noAnswer?: (reason: string) => void } = {},
  ): Promise<Sample> {
    const startedAt = Date.now();
    const sample: Sample = { kind, startedAt, endedAt: startedAt, status: 0 };
    try {
      const answer = await send(AbortSignal.timeout(this.timeoutMs));
      sample.status = answer.status;
      sample.endedAt = Date.now();
      const { status, body } = answer;
      if (STACK_TRACE.test(body)) sample.problem = "stack trace or raw error in the answer";
      if (!options.api && status >= 400 && !this.pageErrors.has(`${kind} ${status}`)) {
        this.pageErrors.set(`${kind} ${status}`, visibleText(body).slice(0, 240));
      }
      if (options.api && status >= 500) {
        // An API answers an outage with 503 and a JSON message a client can show.
        const message = readMessage(body);
        if (status !== 503 || !message) sample.problem ??= `status ${status} without a 503 JSON message`;
      }
      const objection = options.inspect?.(answer);
      if (objection) sample.problem ??= objection;
    } catch (error) {
      sample.endedAt = Date.now();
      const name = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.name) : String(error);
      options.noAnswer?.(name);
      if (error instanceof Error && error.name === "TimeoutError") sample.problem = `no answer within ${this.timeoutMs / 1000} s`;
      else sample.problem = `no answer: ${name}`;
    }
    this.samples.push(sample);
    return sample;
  }

  private postImport(title: string, signal: AbortSignal): Promise<Response> {
    const text =
      `${title}\n\nThe minister said on Tuesday that the port would reopen within a week, ` +
      `according to officials quoted in this report (${title}). Critics said the timetable was unrealistic.\n`;
    const form = new FormData();
    form.set("file", new File([text], `${title.replaceAll(" ", "-")}.txt`, { type: "text/plain" }));
    form.set("title", title);
    form.set("language", "en");
    return fetch(`${this.baseUrl}/api/articles`, {
      method: "POST",
      body: form,
      headers: { cookie: this.sessionCookie, origin: this.baseUrl },
      signal,
    });
  }
}

/** An HTTP answer, read to the end. */
export type Answer = { status: number; body: string };

/** Reads a fetch's answer to the end. */
export async function answerOf(response: Promise<Response>): Promise<Answer> {
  const answer = await response;
  return { status: answer.status, body: await answer.text() };
}

function readMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string" ? parsed.error.message : undefined;
  } catch {
    return undefined;
  }
}

/** The text a reader sees on an HTML page, roughly: no scripts, styles or tags. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
