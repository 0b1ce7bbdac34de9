// The people who keep working while the app is attacked, one request at a time as a person would:
// a reader (the home page and a published fact-check, which the reader cache answers, and a search
// no one made before, which reaches Next and the database) and a signed-in editor (the workbench,
// the claims list, a claim search, and a small write: a new claim whose statement starts with "$",
// through the workbench client as the browser would send it). Every request's wait is recorded
// through the fault suite's Load.
import { callServerAction, type ServerAction } from "../../scripts/lib/workbench-client";
import { Load, answerOf, type Sample } from "../faults/load";

export type Who = "reader" | "editor";
export type Step = { who: Who; sample: Sample };

/** A request of theirs that gets no answer within this long is given up (and counts as a failure). */
export const USER_TIMEOUT_MS = 15_000;
const THINK_MS = 100;
const READER_KINDS = ["home", "fact-check", "search"] as const;
const EDITOR_KINDS = ["workbench", "claims", "claim-search", "write"] as const;
const SEARCH_WORDS = ["minister", "Venezuela", "talks", "oil", "sanctions", "contacts"];

/** A claim the editor wrote: its statement starts with "$", which must come back as written. */
export type Written = { id: string; statement: string };

export class Users {
  readonly steps: Step[] = [];
  readonly written: Written[] = [];
  private readonly load: Load;
  private running = false;
  private loops: Promise<void>[] = [];
  private writes = 0;

  constructor(
    private readonly baseUrl: string,
    slugPath: string,
    private readonly editorCookie: string,
    private readonly createClaim: Pick<ServerAction, "id" | "pagePath">,
    private readonly runId: string,
  ) {
    this.load = new Load(baseUrl, slugPath, editorCookie, runId, USER_TIMEOUT_MS);
  }

  start(): void {
    this.running = true;
    this.loops = [this.loop("reader"), this.loop("editor")];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(who: Who): Promise<void> {
    for (let n = 0; this.running; n++) {
      const sample = who === "reader" ? await this.load.request(READER_KINDS[n % READER_KINDS.length]!) : await this.editorRequest(n);
      this.steps.push({ who, sample });
      await new Promise((resolve) => setTimeout(resolve, THINK_MS));
    }
  }

  private editorRequest(n: number): Promise<Sample> {
    const kind = EDITOR_KINDS[n % EDITOR_KINDS.length]!;
    if (kind === "write") return this.write();
    const target = {
      workbench: "/workbench",
      claims: "/workbench/claims",
      "claim-search": `/workbench/claims?q=${SEARCH_WORDS[n % SEARCH_WORDS.length]}`,
    }[kind];
    return this.load.record(kind, (signal) => answerOf(fetch(this.baseUrl + target, { headers: { cookie: this.editorCookie }, redirect: "manual", signal })), {
      inspect: ({ status }) => (status === 200 ? undefined : `answered ${status}`),
    });
  }

  private write(): Promise<Sample> {
    const number = ++this.writes;
    const statement = `$${number}.5 trillion was spent on the talks, the hostile suite's editor noted (${this.runId} #${number})`;
    return this.load.record(
      "write",
      async (signal) => {
        const reply = await callServerAction(this.baseUrl, this.createClaim, [{ statement, claimant: "Hostile suite editor", language: "en" }], {
          cookie: this.editorCookie,
          signal,
        });
        const result = reply.result as { ok: true; data: { id: string } } | { ok: false; error: { message: string } } | undefined;
        if (result?.ok) this.written.push({ id: result.data.id, statement });
        return { status: reply.status, body: result ? (result.ok ? "ok" : `refused: ${result.error.message}`) : reply.body };
      },
      { inspect: ({ status, body }) => (status === 200 && body === "ok" ? undefined : `the write answered ${status}: ${body.slice(0, 120)}`) },
    );
  }
}

/** One user's pre-attack latency band per kind of request: what "normal" means for them. */
export type Bands = Map<string, number>;

/** An answer they could work with: 200 (or the write's ok), no problem. */
export const succeeded = (sample: Sample) => sample.status === 200 && !sample.problem;
const duration = (sample: Sample) => sample.endedAt - sample.startedAt;

/**
 * "Normal", concretely: a request of a kind is normal when it succeeds and waits no longer than
 * max(3 x the median wait of that kind before the attack, that median + 300 ms); a kind not seen
 * before the attack gets 1 s. Three times the median absorbs the ordinary jitter of a shared
 * two-core machine without hiding a queue: a page that waited 20 ms before the attack is normal
 * again at 320 ms, not at 3 s.
 */
export function bandsOf(steps: Step[], who: Who, from: number, to: number): Bands {
  const byKind = new Map<string, number[]>();
  for (const { sample } of steps.filter((step) => step.who === who && step.sample.startedAt >= from && step.sample.endedAt <= to && succeeded(step.sample))) {
    byKind.set(sample.kind, [...(byKind.get(sample.kind) ?? []), duration(sample)]);
  }
  const bands: Bands = new Map();
  for (const [kind, waits] of byKind) {
    const sorted = waits.sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    bands.set(kind, Math.max(3 * median, median + 300));
  }
  return bands;
}

const STREAK = 3;

/**
 * When one user was back to normal: the start of the first run of STREAK consecutive normal requests
 * among those that ended after the attack did (clamped to the attack's end, so a user the attack
 * never slowed is back at 0), as ms after the attack's end; null if no such run yet.
 */
export function backToNormalAfter(steps: Step[], who: Who, bands: Bands, attackEnd: number): number | null {
  const after = steps.filter((step) => step.who === who && step.sample.endedAt > attackEnd).map((step) => step.sample);
  const normal = (sample: Sample) => succeeded(sample) && duration(sample) <= (bands.get(sample.kind) ?? 1_000);
  for (let i = 0; i + STREAK <= after.length; i++) {
    if (after.slice(i, i + STREAK).every(normal)) return Math.max(0, after[i]!.startedAt - attackEnd);
  }
  return null;
}

/**
 * A search no one made before is the one request of theirs the app cannot tell from a flood of such
 * searches (same address, no session): turning it away at once with a 503 while the attack lasts is
 * load shedding, not a failure. Everything else must succeed, and after the attack that search too.
 */
const mayBeShed = (who: Who, sample: Sample) => who === "reader" && sample.kind === "search" && sample.status === 503 && !sample.problem;

/** What the attack did to one user: their longest wait for a request in flight during it, what failed, and what was shed. */
export function duringAttack(
  steps: Step[],
  who: Who,
  attackStart: number,
  attackEnd: number,
): { worstMs: number; worstKind: string; failed: Sample[]; shed: number } {
  const during = steps.filter((step) => step.who === who && step.sample.startedAt < attackEnd && step.sample.endedAt >= attackStart).map((step) => step.sample);
  let worst: Sample | undefined;
  for (const sample of during) if (!worst || duration(sample) > duration(worst)) worst = sample;
  return {
    worstMs: worst ? duration(worst) : 0,
    worstKind: worst?.kind ?? "-",
    failed: during.filter((sample) => !succeeded(sample) && !mayBeShed(who, sample)),
    shed: during.filter((sample) => mayBeShed(who, sample)).length,
  };
}
