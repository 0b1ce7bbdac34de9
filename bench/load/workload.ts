// The mixed workload: `users` virtual users, each sending one request at a time (no think time) for
// `seconds`. Most requests are anonymous reads; the rest are editors' writes through the real server
// actions over HTTP. Every response is classified (ok, conflict, error) and every committed write is
// entered in a ledger that the invariants compare with the database afterwards.
import { callServerAction, type ServerAction } from "../../scripts/lib/workbench-client";
import { createPrng } from "../anchoring/create-prng";
import { percentile } from "../lib/percentile";
import type { LoadCorpus } from "./seed-load-data";

export const READ_KINDS = ["fact-check", "home", "search", "feed"] as const;
export const WRITE_KINDS = ["create-claim", "add-passage", "relate", "save-draft", "submit"] as const;
export type Kind = (typeof READ_KINDS)[number] | (typeof WRITE_KINDS)[number];

/** Audit actions a committed write records, plus "verdict.created" for a verdict's first draft (no audit action of its own). */
export type LedgerEntry = "claim.created" | "passage.added" | "relation.created" | "verdict.draft_saved" | "verdict.submitted" | "verdict.created";

export type Ledger = {
  /** Writes the server said it committed (ok: true), by what they recorded. */
  committed: Record<LedgerEntry, number>;
  /** Writes whose outcome the bench cannot know (no answer, 5xx, unreadable answer): maybe committed. */
  uncertain: Record<LedgerEntry, number>;
  /** For each verdict, the versions the server answered to committed saves and submits, in arrival order. */
  verdictVersions: Record<string, number[]>;
};

export type KindFigures = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  conflicts: number;
  errors: number;
  /** Error reason (network, http 5xx, ok:false code…) -> count. */
  errorReasons: Record<string, number>;
};

export type WorkloadFigures = {
  seconds: number;
  users: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  conflicts: number;
  byKind: Partial<Record<Kind, KindFigures>>;
};

type Outcome = { kind: Kind; ms: number; result: "ok" | "conflict" | "error"; reason?: string };

/** What a writer's verdict editor shows: the claim, its verdict (once there is one) and the version it was opened at. */
type OpenVerdict = { claimId: string; verdictId: string | null; version: number | null };
/** The latest committed state of each claim's verdict, as the writers learn it from the server's answers. */
type BoardEntry = { verdictId: string | null; version: number | null; inReview: boolean };

const REQUEST_TIMEOUT_MS = 15_000;
/** Writers draft on the oldest few claims still open for drafting, so two of them often edit the same verdict. */
const HOT_CLAIMS = 4;
const RATINGS = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"] as const;
const RELATION_TYPES = ["supports", "contradicts", "same_claim"] as const;
const CLAIMANTS = ["Nicolás Maduro", "Donald Trump", "John Bolton", "Mike Pompeo", "Delcy Rodríguez", "Juan Guaidó", "Elliott Abrams"];

export type Writer = { email: string; cookie: string };

export type WorkloadOptions = {
  baseUrl: string;
  seconds: number;
  users: number;
  /** Share of requests that are writes (0 for reads only). */
  writeShare: number;
  seed: number;
  corpus: LoadCorpus;
  /** Words readers search for. */
  words: string[];
  /** Signed-in editors; virtual user i writes as writers[i % length]. */
  writers: Writer[];
  actions: Map<string, ServerAction>;
};

const entries = (): Record<LedgerEntry, number> => ({
  "claim.created": 0,
  "passage.added": 0,
  "relation.created": 0,
  "verdict.draft_saved": 0,
  "verdict.submitted": 0,
  "verdict.created": 0,
});

/** What each write records when it commits. */
const WRITE_ENTRIES: Record<(typeof WRITE_KINDS)[number], LedgerEntry[]> = {
  "create-claim": ["claim.created", "passage.added"],
  "add-passage": ["passage.added"],
  relate: ["relation.created"],
  "save-draft": ["verdict.draft_saved"],
  submit: ["verdict.submitted"],
};

export async function runWorkload(options: WorkloadOptions): Promise<{ figures: WorkloadFigures; ledger: Ledger }> {
  const { corpus, words } = options;
  const ledger: Ledger = { committed: entries(), uncertain: entries(), verdictVersions: {} };
  const outcomes: Outcome[] = [];
  const claims = [...corpus.claimIds];
  const board = new Map<string, BoardEntry>(corpus.awaitingVerdict.map((id) => [id, { verdictId: null, version: null, inReview: false }]));
  const action = (name: string) => {
    const found = options.actions.get(name);
    if (!found) throw new Error(`the build has no server action ${name}`);
    return found;
  };
  const actions = {
    createClaim: action("createClaimAction"),
    addPassage: action("addPassageAction"),
    relate: action("relateClaimsAction"),
    save: action("saveVerdictDraftAction"),
    submit: action("submitVerdictAction"),
  };
  if (options.writeShare > 0 && options.writers.length === 0) throw new Error("writes need signed-in writers");

  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  async function read(kind: (typeof READ_KINDS)[number], path: string): Promise<void> {
    const begin = performance.now();
    try {
      const response = await fetch(`${options.baseUrl}${path}`, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      const ms = performance.now() - begin;
      outcomes.push(response.ok ? { kind, ms, result: "ok" } : { kind, ms, result: "error", reason: `http ${response.status}` });
    } catch (error) {
      outcomes.push({ kind, ms: performance.now() - begin, result: "error", reason: networkReason(error) });
    }
  }

  /** Posts a server action; returns its data when ok, records the outcome and the ledger either way. */
  async function write(
    kind: (typeof WRITE_KINDS)[number],
    target: ServerAction,
    input: unknown,
    writer: Writer,
    extraEntries: LedgerEntry[] = [],
  ): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; code: string; details?: Record<string, unknown> }> {
    const recorded = [...WRITE_ENTRIES[kind], ...extraEntries];
    const begin = performance.now();
    const uncertain = (reason: string) => {
      outcomes.push({ kind, ms: performance.now() - begin, result: "error", reason });
      for (const entry of recorded) ledger.uncertain[entry]++;
      return { ok: false as const, code: reason };
    };
    try {
      const response = await callServerAction(options.baseUrl, target, [input], { cookie: writer.cookie, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const ms = performance.now() - begin;
      if (response.status >= 500) return uncertain(`http ${response.status}`);
      const result = response.result as { ok?: boolean; data?: Record<string, unknown>; error?: { code?: string; details?: Record<string, unknown> } } | undefined;
      if (response.status !== 200 || typeof result?.ok !== "boolean") return uncertain(`http ${response.status}, no action result`);
      if (result.ok) {
        outcomes.push({ kind, ms, result: "ok" });
        for (const entry of recorded) ledger.committed[entry]++;
        return { ok: true, data: result.data ?? {} };
      }
      const code = result.error?.code ?? "unknown";
      outcomes.push({ kind, ms, result: code === "conflict" ? "conflict" : "error", reason: `ok:false ${code}` });
      return { ok: false, code, details: result.error?.details };
    } catch (error) {
      return uncertain(networkReason(error));
    }
  }

  /** A committed save or submit: the version the server answered goes to the ledger and the board. */
  function learnVersion(claimId: string, verdictId: string, version: number, inReview: boolean): void {
    (ledger.verdictVersions[verdictId] ??= []).push(version);
    const known = board.get(claimId);
    if (!known || known.version === null || version > known.version) board.set(claimId, { verdictId, version, inReview });
  }

  /** Opens the verdict editor on one of the oldest claims still open for drafting. */
  function openVerdict(random: () => number): OpenVerdict | null {
    const open: string[] = [];
    for (const [claimId, entry] of board) {
      if (!entry.inReview) open.push(claimId);
      if (open.length === HOT_CLAIMS) break;
    }
    const claimId = open[Math.floor(random() * open.length)];
    if (!claimId) return null;
    const entry = board.get(claimId)!;
    return { claimId, verdictId: entry.verdictId, version: entry.version };
  }

  async function virtualUser(index: number): Promise<void> {
    const random = createPrng(options.seed * 1000 + index);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const writer = options.writers[index % Math.max(1, options.writers.length)];
    let editing: OpenVerdict | null = null;

    const createClaim = async () => {
      const article = pick(corpus.articles);
      const span = pick(article.sentences);
      const exact = article.text.slice(span.start, span.end);
      const answer = await write(
        "create-claim",
        actions.createClaim,
        {
          statement: exact.slice(0, 300),
          claimant: pick(CLAIMANTS),
          language: article.language === "fr" ? "fr" : "en",
          tags: ["bench-load"],
          passage: { articleRevisionId: article.revisionId, start: span.start, end: span.end, exact },
        },
        writer!,
      );
      if (answer.ok && typeof answer.data.id === "string") {
        claims.push(answer.data.id);
        board.set(answer.data.id, { verdictId: null, version: null, inReview: false });
      }
    };

    const addPassage = async () => {
      const article = pick(corpus.articles);
      const sentence = pick(article.sentences);
      // A stretch of the sentence, cut at spaces, so passages overlap without repeating.
      const spaces = [...article.text.slice(sentence.start, sentence.end).matchAll(/ /g)].map((match) => sentence.start + match.index);
      const cuts = [sentence.start, ...spaces.map((space) => space + 1)];
      const start = pick(cuts);
      const ends = [...spaces.filter((space) => space > start), sentence.end];
      const end = pick(ends);
      await write("add-passage", actions.addPassage, { claimId: pick(claims), articleRevisionId: article.revisionId, start, end, exact: article.text.slice(start, end) }, writer!);
    };

    const relate = async () => {
      const fromClaimId = pick(claims);
      let toClaimId = pick(claims);
      while (toClaimId === fromClaimId) toClaimId = pick(claims);
      await write("relate", actions.relate, { type: pick(RELATION_TYPES), fromClaimId, toClaimId, rationale: "Both statements describe the same contacts." }, writer!);
    };

    const saveDraft = async (open: OpenVerdict) => {
      const rating = pick(RATINGS);
      const answer = await write(
        "save-draft",
        actions.save,
        {
          claimId: open.claimId,
          expectedVersion: open.version,
          rating,
          headline: `${writer!.email.split("@")[0]} rates it ${rating.replace("_", " ")}`,
          summary: "What the record shows, in two sentences for readers in a hurry.",
          explanation: `Compared with the articles and public records of the period (virtual user ${index}).`,
        },
        writer!,
        open.version === null ? ["verdict.created"] : [],
      );
      if (answer.ok) {
        const { verdictId, version } = answer.data as { verdictId: string; version: number };
        learnVersion(open.claimId, verdictId, version, false);
        editing = { claimId: open.claimId, verdictId, version };
        return;
      }
      // The conflict shows both versions: the editor goes on from theirs, unless it went to review.
      const theirs = answer.details?.theirs as { version?: number; status?: string } | undefined;
      const verdictId = open.verdictId ?? board.get(open.claimId)?.verdictId ?? null;
      editing =
        answer.code === "conflict" && theirs?.version !== undefined && theirs.status !== "in_review" && verdictId
          ? { claimId: open.claimId, verdictId, version: theirs.version }
          : null;
    };

    const submit = async (open: OpenVerdict & { verdictId: string; version: number }) => {
      const answer = await write("submit", actions.submit, { verdictId: open.verdictId, expectedVersion: open.version }, writer!);
      if (answer.ok) learnVersion(open.claimId, open.verdictId, (answer.data as { version: number }).version, true);
      editing = null;
    };

    const verdictWork = async () => {
      // Most of the time the editor reloads the verdict first; otherwise they go on from what they had open.
      const open = editing && random() < 0.3 ? editing : openVerdict(random);
      if (!open) return createClaim();
      if (open.verdictId !== null && open.version !== null && random() < 0.25) {
        return submit({ ...open, verdictId: open.verdictId, version: open.version });
      }
      return saveDraft(open);
    };

    while (performance.now() < deadline) {
      const roll = random();
      if (roll < options.writeShare) {
        const which = random();
        if (which < 0.25) await createClaim();
        else if (which < 0.45) await addPassage();
        else if (which < 0.6) await relate();
        else await verdictWork();
        continue;
      }
      const read_ = random();
      if (read_ < 0.5) await read("fact-check", `/fact-checks/${pick(corpus.slugs)}`);
      else if (read_ < 0.7) await read("home", "/");
      else if (read_ < 0.9) {
        const query = random() < 0.5 ? pick(words) : `${pick(words)} ${pick(words)}`;
        await read("search", `/search?q=${encodeURIComponent(query)}`);
      } else await read("feed", "/feed.xml");
    }
  }

  await Promise.all(Array.from({ length: options.users }, (_, index) => virtualUser(index)));
  const seconds = (performance.now() - started) / 1000;
  return { figures: summarize(outcomes, seconds, options.users), ledger };
}

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return `network ${cause?.code ?? (error instanceof Error ? error.message : String(error))}`;
}

function latencies(outcomes: Outcome[]) {
  const sorted = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? 0 };
}

function summarize(outcomes: Outcome[], seconds: number, users: number): WorkloadFigures {
  const byKind: WorkloadFigures["byKind"] = {};
  for (const kind of [...READ_KINDS, ...WRITE_KINDS]) {
    const own = outcomes.filter((outcome) => outcome.kind === kind);
    if (own.length === 0) continue;
    const errorReasons: Record<string, number> = {};
    for (const outcome of own) if (outcome.result === "error") errorReasons[outcome.reason!] = (errorReasons[outcome.reason!] ?? 0) + 1;
    byKind[kind] = {
      requests: own.length,
      perSecond: own.length / seconds,
      ...latencies(own),
      ok: own.filter((outcome) => outcome.result === "ok").length,
      conflicts: own.filter((outcome) => outcome.result === "conflict").length,
      errors: own.filter((outcome) => outcome.result === "error").length,
      errorReasons,
    };
  }
  return {
    seconds,
    users,
    requests: outcomes.length,
    perSecond: outcomes.length / seconds,
    ...latencies(outcomes),
    errors: outcomes.filter((outcome) => outcome.result === "error").length,
    conflicts: outcomes.filter((outcome) => outcome.result === "conflict").length,
    byKind,
  };
}
