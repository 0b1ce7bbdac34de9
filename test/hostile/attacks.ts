// The attacks, each bounded in count and in time (ATTACK_MS), all on 127.0.0.1. Each returns how many
// requests (or connections) it sent and what the app answered; the cache-key attack also checks,
// after the attack, that a correction reaches every spelling of the page it cached.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { publishCorrection, type CorrectionContext } from "../support/publish-correction";
import { sleep } from "../support/suite";
import { flood, rawRequest, slowConnections, tally, type RawAnswer } from "./raw-http";

export const ATTACK_MS = 7_000;

/** For the correction (CorrectionContext): the editor drafts and submits it, the reviewer approves and publishes it. */
export type AttackContext = CorrectionContext & {
  port: number;
  runId: string;
  /** The attacker's own workbench session (the demo reviewer: signed-in attacks need an account that may import). */
  attackerCookie: string;
};

export type AttackOutcome = {
  sent: number;
  /** What the app answered the attacker, and anything else worth a look. */
  notes: string[];
  /** Run once the reader and editor are back (or given up on): checks of the attack's own, as failures. */
  after?: () => Promise<{ notes: string[]; failures: string[] }>;
};

export type Attack = { name: string; run(context: AttackContext): Promise<AttackOutcome> };

const KIB = 1024;

/** Random lower-case words no one searched before. */
function randomWords(count: number): string {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(3 + (randomBytes(1)[0]! % 7));
    return [...bytes].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
  }).join(" ");
}

/** A workbench POST of the attacker's, as a browser would make it. */
function signedIn(context: AttackContext): Record<string, string> {
  return { cookie: context.attackerCookie, origin: context.baseUrl };
}

/**
 * Ways of writing the path of one page that a server may read as the same page: one character of
 * the slug percent-encoded (upper- and lower-case hex), several encoded at random, dot segments,
 * encoded characters in the first segment, and junk queries, alone and together.
 */
export function spellings(slugPath: string, count: number): string[] {
  const match = /^(\/fact-checks\/)(.+)$/.exec(slugPath);
  if (!match) throw new Error(`not a fact-check path: ${slugPath}`);
  const [, prefix, slug] = match as unknown as [string, string, string];
  const hex = (char: string, upper: boolean) => {
    const code = char.charCodeAt(0).toString(16).padStart(2, "0");
    return `%${upper ? code.toUpperCase() : code.toLowerCase()}`;
  };
  const out = new Set<string>();
  for (let i = 0; i < slug.length; i++) {
    for (const upper of [true, false]) out.add(`${prefix}${slug.slice(0, i)}${hex(slug[i]!, upper)}${slug.slice(i + 1)}`);
  }
  for (const path of [
    `/fact-checks/./${slug}`,
    `/./fact-checks/${slug}`,
    `/fact-checks/x/../${slug}`,
    `/%66act-checks/${slug}`,
    `/fact%2Dchecks/${slug}`,
    `/fact%2dchecks/${slug}`,
    `${slugPath}?`,
    `${slugPath}?&`,
    `${slugPath}??`,
    `${slugPath}?%00`,
    `${slugPath}?utm_source=newsletter`,
  ]) {
    out.add(path);
  }
  for (let n = 0; out.size < count; n++) {
    const bytes = randomBytes(slug.length + 4);
    const encoded = [...slug].map((char, i) => (bytes[i]! % 3 === 0 ? hex(char, bytes[i]! % 2 === 0) : char)).join("");
    const query = [``, `?utm_source=hostile${n}`, `?${n}`, `?&&x=${n}`, `?q=${n}&q=${n}`][n % 5];
    out.add(`${prefix}${n % 2 === 0 ? encoded : slug}${query}`);
  }
  return [...out].slice(0, count);
}

/** Every `step`-th item, so a sample covers each kind of spelling. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

export const ATTACKS: Attack[] = [
  {
    name: "slow bodies (96 x 1 MB POSTs, a byte per 0.5 s)",
    async run(context) {
      const createClaim = context.actions.get("createClaimAction")!;
      const host = `Host: 127.0.0.1:${context.port}\r\n`;
      // The import API, a server action (whose body the app reads before anything else) and sign-in.
      const heads = [
        `POST /api/articles HTTP/1.1\r\n${host}Cookie: ${context.attackerCookie}\r\nOrigin: ${context.baseUrl}\r\nContent-Type: multipart/form-data; boundary=hostile\r\nContent-Length: 1000000\r\n\r\n--hostile\r\n`,
        `POST /workbench HTTP/1.1\r\n${host}Next-Action: ${createClaim.id}\r\nOrigin: ${context.baseUrl}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 1000000\r\n\r\n["`,
        `POST /api/auth/callback/credentials HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\nemail=`,
      ];
      const result = await slowConnections({ port: context.port, count: 96, durationMs: ATTACK_MS, everyMs: 500, head: (i) => heads[i % heads.length]!, trickle: "a" });
      return { sent: result.opened, notes: [`closed by the app: ${result.closedByApp}/${result.opened}`, `answers: ${tally(result.answers)}`] };
    },
  },
  {
    name: "slow headers (128 connections, a byte per 0.5 s)",
    async run(context) {
      const targets = ["/", "/search?q=slow", "/workbench", "/api/health"];
      const result = await slowConnections({
        port: context.port,
        count: 128,
        durationMs: ATTACK_MS,
        everyMs: 500,
        head: (i) => `GET ${targets[i % targets.length]} HTTP/1.1\r\nHost: 127.0.0.1:${context.port}\r\nUser-Agent: hostile-suite\r\n`,
        trickle: "X-Slow-Header: still coming\r\n",
      });
      return { sent: result.opened, notes: [`closed by the app: ${result.closedByApp}/${result.opened}`, `answers: ${tally(result.answers)}`] };
    },
  },
  {
    name: "cache-key spellings of a published page",
    async run(context) {
      const all = spellings(context.slugPath, 1_500);
      const served = new Set<string>();
      const result = await flood({
        durationMs: ATTACK_MS,
        max: all.length,
        concurrency: 8,
        send: (i, via) => rawRequest(context.port, { target: all[i]! }, via.agent, via.signal),
        onAnswer: (i, answer) => {
          if (answer.status === 200) served.add(all[i]!);
        },
      });
      return {
        sent: result.sent,
        notes: [`answers: ${tally(result.answers, result.excerpts)}`],
        async after() {
          // A correction, published as the workbench does, must reach every spelling the app served the page under.
          const marker = `Hostile suite correction ${context.runId}`;
          await publishCorrection(context, marker, "The hostile-traffic suite checks that every spelling of this page shows it.");
          const shows = (answer: RawAnswer) => answer.status === 200 && answer.body.includes(marker);
          const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
          const get = (target: string) => rawRequest(context.port, { target }, agent, AbortSignal.timeout(10_000));
          const published = Date.now();
          while (!shows(await get(context.slugPath)) && Date.now() - published < 10_000) await sleep(250);
          const notes = [`correction on the canonical page after ${((Date.now() - published) / 1000).toFixed(1)} s`];
          const failures: string[] = [];
          if (!shows(await get(context.slugPath))) failures.push(`the correction was not on ${context.slugPath} 10 s after it was published`);
          // Each spelling served once more (a sample spread over every kind of spelling, to bound the time).
          const checked = spread([...served], 150);
          const stale: string[] = [];
          for (let i = 0; i < checked.length; i += 8) {
            const answers = await Promise.all(checked.slice(i, i + 8).map(get));
            answers.forEach((answer, j) => {
              if (!shows(answer)) stale.push(`${checked[i + j]} (${answer.status})`);
            });
          }
          agent.destroy();
          notes.push(`spellings served: ${served.size}, checked after the correction: ${checked.length}`);
          if (stale.length > 0) failures.push(`${stale.length}/${checked.length} spellings still served the page without the correction, e.g. ${stale.slice(0, 3).join(", ")}`);
          return { notes, failures };
        },
      };
    },
  },
  {
    name: "large Host headers (distinct ~8 KB hosts)",
    async run(context) {
      const labels = Array.from({ length: 126 }, () => "h".repeat(62)).join(".");
      const result = await flood({
        durationMs: ATTACK_MS,
        max: 3_000,
        concurrency: 32,
        send: (i, via) => rawRequest(context.port, { target: i % 2 === 0 ? "/" : context.slugPath, headers: { host: `${i}-${randomBytes(4).toString("hex")}.${labels}` } }, via.agent, via.signal),
      });
      return { sent: result.sent, notes: [`answers: ${tally(result.answers, result.excerpts)}`] };
    },
  },
  {
    name: "list-bomb imports (64 KiB nested lists, 4 at a time)",
    async run(context) {
      const bomb = (i: number) => {
        const head = `<!doctype html><html><head><title>List bomb ${context.runId} ${i}</title></head><body><p>Hostile suite list bomb ${context.runId} ${i}</p>`;
        const room = 64 * KIB - head.length - 20;
        // Unclosed lists for some parsers' sake, closed ones for the others'.
        const body = i % 2 === 0 ? "<ul><li>x".repeat(Math.floor(room / 9)) : `${"<ul><li>".repeat(Math.floor(room / 18))}${"</li></ul>".repeat(Math.floor(room / 18))}`;
        return `${head}${body}</body></html>`;
      };
      const result = await flood({
        durationMs: ATTACK_MS,
        max: 24,
        concurrency: 4,
        send: async (i, via) => {
          const form = new FormData();
          form.set("file", new File([bomb(i)], `list-bomb-${i}.html`, { type: "text/html" }));
          form.set("language", "en");
          const response = await fetch(`${context.baseUrl}/api/articles`, { method: "POST", body: form, headers: signedIn(context), signal: via.signal });
          return { status: response.status, body: await response.text() };
        },
      });
      return { sent: result.sent, notes: [`answers: ${tally(result.answers, result.excerpts)}`] };
    },
  },
  {
    name: "search-operator floods (/search and the workbench)",
    async run(context) {
      const operators = ["-", "!", "(", ")", '"', "<->", "&", "|", ":*", "'", "\\", "*", "<1>", "!(", "-(", '"-', "&!", "|!", "(((-", '!"'];
      const query = (i: number) => {
        const operator = operators[i % operators.length]!;
        const run = operator.repeat(1 + (Math.floor(i / operators.length) % 64));
        return i % 3 === 2 ? `talks ${run} oil` : run;
      };
      const result = await flood({
        durationMs: ATTACK_MS,
        max: 2_000,
        concurrency: 8,
        send: (i, via) => {
          const q = encodeURIComponent(query(Math.floor(i / 2)));
          // The same query on the readers' search and on the workbench's, signed in.
          const request = i % 2 === 0 ? { target: `/search?q=${q}` } : { target: `/workbench/claims?q=${q}`, headers: { cookie: context.attackerCookie } };
          return rawRequest(context.port, request, via.agent, via.signal);
        },
      });
      return { sent: result.sent, notes: [`answers: ${tally(result.answers, result.excerpts)}`] };
    },
  },
  {
    name: "never-seen reader searches (40/s)",
    async run(context) {
      const result = await flood({
        durationMs: ATTACK_MS,
        max: 400,
        concurrency: 16,
        perSecond: 40,
        send: (i, via) => rawRequest(context.port, { target: `/search?q=${encodeURIComponent(randomWords(1 + (i % 3)))}` }, via.agent, via.signal),
      });
      return { sent: result.sent, notes: [`answers: ${tally(result.answers, result.excerpts)}`] };
    },
  },
];
