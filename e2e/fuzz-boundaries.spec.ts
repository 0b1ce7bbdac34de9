import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { callServerAction, signIn } from "../scripts/lib/workbench-client";
import { createUser, rowCounts } from "./support/database";
import { everyServerAction } from "./support/actions";

// Bad input at every boundary (DESIGN.md section 8), sent with a valid session so that validation,
// not authentication, is what answers: every server action of the build (a new one is covered
// without touching this file) and every API route. Each answer must be a 4xx, or for an action
// { ok: false } with a message; never a 5xx, never a stack trace or an internal path; and no table
// of the database may gain or lose a row.

const SEED = 20261122;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|\.tsx?:\d+|node_modules|Prisma|digest/;

/** The field names our actions and forms take; a new action with other names still gets the rest. */
const FIELDS = [
  "claimId", "verdictId", "revisionId", "passageId", "relationId", "userId", "articleRevisionId", "fromClaimId", "toClaimId",
  "statement", "claimant", "claimantSameAs", "claimedAt", "language", "tags", "passage", "start", "end", "exact",
  "type", "rationale", "passageIds", "rating", "headline", "summary", "explanation", "expectedVersion",
  "decision", "comment", "correction", "role", "status", "q", "cursor", "limit", "article",
];
const every = (value: unknown) => Object.fromEntries(FIELDS.map((field) => [field, value]));
const nested = (depth: number): unknown => (depth === 0 ? "bottom" : [nested(depth - 1)]);

type Case = { name: string; args?: unknown[]; body?: string; headers?: Record<string, string> };

/** Bad input by hand, each of which every action must refuse. */
const HAND_PICKED: Case[] = [
  { name: "no argument", args: [] },
  ...[null, 42, -1.5, "text", true, [], [[1, 2]]].map((value) => ({ name: `argument ${JSON.stringify(value)}`, args: [value] })),
  { name: "numbers for every field", args: [every(12345)] },
  { name: "arrays for every field", args: [every(["x", 1])] },
  { name: "null for every field", args: [every(null)] },
  { name: "nested objects for every field", args: [every({ a: { b: { c: [] } } })] },
  { name: "booleans for every field", args: [every(true)] },
  {
    name: "bad enum values",
    args: [{ ...every(7), role: "superuser", status: "deleted", decision: "maybe", type: "refutes", rating: "pants_on_fire", language: "english" }],
  },
  {
    name: "invalid UUIDs",
    args: [{ ...every(7), claimId: "not-a-uuid", verdictId: `${NIL_UUID.slice(0, -1)}g`, revisionId: "' OR 1=1 --", passageId: "x".repeat(300), userId: 123 }],
  },
  {
    name: "out-of-range, negative and non-integer numbers",
    args: [{ ...every("x"), start: -1, end: 1.5, limit: 1e12, expectedVersion: -3, claimedAt: "2019-02-30" }],
  },
  { name: "extra and privileged fields", args: [{ ...every({}), isAdmin: true, actorId: randomUUID(), createdById: randomUUID(), version: 999 }] },
  { name: "prototype pollution", body: JSON.stringify([{ ...every(1) }]).replace(/^\[\{/, '[{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},') },
  { name: "NUL bytes in every field", args: [every("a\u0000b")] },
  { name: "lone surrogates in every field", args: [every("broken \uD800 half")] },
  { name: "a huge string in every text field", args: [{ ...every(3), statement: "x".repeat(300_000), q: "q".repeat(300_000), comment: "c".repeat(300_000) }] },
  { name: "nesting 50 levels deep in every field", args: [every(nested(50))] },
  { name: "nesting 100 000 levels deep", body: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
  { name: "malformed JSON", body: '[{"statement":' },
  { name: "not JSON at all", body: "statement=hello" },
  { name: "a 5 MB body", body: JSON.stringify([{ ...every(1), statement: "x".repeat(5 * 1024 * 1024) }]) },
  { name: "JSON content type", args: [every(1)], headers: { "content-type": "application/json" } },
  { name: "HTML content type", body: "<html><body>hi</body></html>", headers: { "content-type": "text/html" } },
  { name: "urlencoded form", body: "statement=hello&claimant=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
  { name: "malformed multipart", body: "--xyz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[{", headers: { "content-type": "multipart/form-data; boundary=xyz" } },
];

/** Generated input (fixed seed): anything at all as the argument, and records of our field names with values of any type. */
function generatedArguments(count: number): unknown[] {
  const value = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.uuid(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
  const record = fc.dictionary(fc.constantFrom(...FIELDS), value, { minKeys: 1 });
  return [...fc.sample(fc.anything({ maxDepth: 3 }), { seed: SEED, numRuns: count / 2 }), ...fc.sample(record, { seed: SEED + 1, numRuns: count / 2 })];
}

type Tally = { target: string; requests: number; refused: number; accepted: number; serverErrors: number };

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 4) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** A fresh connection for bodies the server may stop reading (a refused upload), so no later request reuses it. */
const CLOSE = { connection: "close" };

test("every server action and API route refuses bad input with a 4xx or a message, never a 5xx, and writes nothing", { lock: "-exclusive-" }, async ({ baseURL }) => {
  test.setTimeout(170_000);
  const base = baseURL!;
  const reviewer = await createUser("reviewer", "fuzz-reviewer");
  const admin = await createUser("admin", "fuzz-admin");
  const reviewerCookie = (await signIn(base, reviewer.email, reviewer.password))!;
  const adminCookie = (await signIn(base, admin.email, admin.password))!;
  expect(reviewerCookie && adminCookie, "both fuzzing sessions signed in").toBeTruthy();
  const before = await rowCounts();
  const tallies: Tally[] = [];
  const generated = generatedArguments(12);

  const leaks = (body: string, where: string) => expect(body, `${where}: no stack trace or internal detail`).not.toMatch(LEAK);

  for (const action of everyServerAction()) {
    // Users are managed by admins; everything else by reviewers, who can do all an editor can.
    const cookie = action.file.includes("/users/") ? adminCookie : reviewerCookie;
    const tally: Tally = { target: `action ${action.name}`, requests: 0, refused: 0, accepted: 0, serverErrors: 0 };
    tallies.push(tally);
    const send = async (item: Case, mustRefuse: boolean) => {
      const response = await callServerAction(base, action, item.args ?? [], {
        cookie,
        ...(item.body === undefined ? {} : { body: item.body }),
        headers: { ...CLOSE, ...item.headers },
      });
      tally.requests += 1;
      const where = `${action.name} with ${item.name}`;
      if (response.status >= 500) tally.serverErrors += 1;
      expect(response.status, `${where}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      leaks(response.body, where);
      if (response.status >= 400) {
        tally.refused += 1;
        return;
      }
      const result = response.result as { ok?: boolean; error?: { code?: string; message?: string } } | undefined;
      expect(typeof result?.ok, `${where}: an { ok } result`).toBe("boolean");
      if (result!.ok) {
        expect(mustRefuse, `${where}: refused`).toBe(false);
        tally.accepted += 1;
      } else {
        tally.refused += 1;
        expect(result!.error?.code, `${where}: an expected error, not an internal one`).not.toBe("internal");
        expect(result!.error?.message?.length ?? 0, `${where}: a message`).toBeGreaterThan(10);
      }
    };
    await inBatches(HAND_PICKED, (item) => send(item, true));
    await inBatches(
      generated.map((value, index) => ({ name: `generated input ${index} ${JSON.stringify(value)?.slice(0, 80)}`, args: [value] })),
      (item) => send(item, false),
    );
    expect(await rowCounts(), `${action.name} wrote nothing`).toEqual(before);
  }

  // API routes, with the reviewer's session (allowed to import, so validation is what refuses).
  const upload = (fields: Record<string, string | Blob>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return form;
  };
  const file = (content: BlobPart, name = "article.txt") => new File([content], name, { type: "text/plain" });
  const goodText = "A short article that would import.\n\nIt has two paragraphs, in English, about nothing much.";
  const badUploads: [string, BodyInit | undefined, Record<string, string>?][] = [
    ["no body", undefined],
    ["JSON", JSON.stringify({ file: goodText, title: "x" }), { "content-type": "application/json" }],
    ["plain text", goodText, { "content-type": "text/plain" }],
    ["malformed multipart", "--xyz\r\ngarbage", { "content-type": "multipart/form-data; boundary=xyz" }],
    ["multipart without a boundary", "garbage", { "content-type": "multipart/form-data" }],
    ["a form without a file", upload({ title: "x" })],
    ["the file as a text field", upload({ file: goodText })],
    ["an empty file", upload({ file: file("") })],
    ["a file with NUL bytes", upload({ file: file("text\u0000more") })],
    ["a file that is not UTF-8", upload({ file: file(new Uint8Array([0x61, 0xed, 0xa0, 0x80, 0x62])) })],
    ["a 5 MB file", upload({ file: file("x".repeat(5 * 1024 * 1024)) })],
  ];
  // The details of an import (a preview and a new revision take only the file).
  const badDetails: [string, BodyInit][] = [
    ["a title with a NUL byte", upload({ file: file(goodText), title: "a\u0000b" })],
    ["a 500-character outlet", upload({ file: file(goodText), outlet: "o".repeat(500) })],
    ["a 1000-character title", upload({ file: file(goodText), title: "t".repeat(1000) })],
    ["a bad language", upload({ file: file(goodText), language: "english" })],
    ["a bad date", upload({ file: file(goodText), publishedAt: "the day before yesterday" })],
    ["a javascript: URL", upload({ file: file(goodText), url: "JaVaScRiPt:alert(1)" })],
  ];
  const articleId = randomUUID();
  const revisionCases: [string, string, FormData][] = [
    ["an invalid article id", "/api/articles/not-a-uuid/revisions", upload({ file: file(goodText), expectedRevisionNumber: "1" })],
    ["an unknown article", `/api/articles/${articleId}/revisions`, upload({ file: file(goodText), expectedRevisionNumber: "1" })],
    ...["-1", "1.5", "abc", "", "1e400"].map(
      (number): [string, string, FormData] => [`expectedRevisionNumber ${JSON.stringify(number)}`, `/api/articles/${NIL_UUID}/revisions`, upload({ file: file(goodText), expectedRevisionNumber: number })],
    ),
  ];
  type Request = { target: string; name: string; path: string; init: RequestInit; expect4xx: boolean; noSession?: boolean };
  const requests: Request[] = [];
  for (const path of ["/api/articles", "/api/articles/preview", `/api/articles/${NIL_UUID}/revisions`]) {
    for (const [name, body, headers] of badUploads) {
      requests.push({ target: `POST ${path.replace(NIL_UUID, "[id]")}`, name, path, init: { method: "POST", body, headers }, expect4xx: true });
    }
  }
  for (const [name, body] of badDetails) {
    requests.push({ target: "POST /api/articles", name, path: "/api/articles", init: { method: "POST", body }, expect4xx: true });
  }
  for (const [name, path, body] of revisionCases) {
    requests.push({ target: "POST /api/articles/[id]/revisions", name, path, init: { method: "POST", body }, expect4xx: true });
  }
  for (const id of ["not-a-uuid", "%00", "%3Cscript%3E", "x".repeat(2000), NIL_UUID, "..%2F..%2Fetc%2Fpasswd"]) {
    requests.push({ target: "GET /api/articles/[id]/annotations", name: `id ${id.slice(0, 20)}`, path: `/api/articles/${id}/annotations`, init: {}, expect4xx: true });
  }
  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    requests.push({ target: "/api/health", name: method, path: "/api/health", init: { method, body: method === "DELETE" ? undefined : "{}" }, expect4xx: true });
  }
  // next-auth answers a refused sign-in with a redirect or an error URL, not a 4xx: what matters is
  // no 5xx and no session.
  const credentials = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" }) => ({ method: "POST", body, headers });
  for (const [name, init] of [
    ["no CSRF token", credentials("email=a%40b.example&password=x")],
    ["JSON body", credentials(JSON.stringify({ email: ["a"], password: { x: 1 } }), { "content-type": "application/json" })],
    ["repeated fields", credentials("email=a&email=b&password=1&password=2&csrfToken=x")],
    ["NUL in the email", credentials("email=a%00b&password=x&csrfToken=x")],
    ["a 2 MB password", credentials(`email=a&password=${"p".repeat(2 * 1024 * 1024)}&csrfToken=x`)],
    ["malformed form", credentials("%%%&&&===")],
    ["multipart garbage", credentials("--xyz\r\ngarbage", { "content-type": "multipart/form-data; boundary=xyz" })],
  ] as const) {
    requests.push({ target: "POST /api/auth/callback/credentials", name, path: "/api/auth/callback/credentials", init, expect4xx: false, noSession: true });
  }
  // A form posted without JavaScript reaches its action as a multipart POST to the page, with no header.
  for (const pagePath of new Set(everyServerAction().map((action) => action.pagePath))) {
    const garbage = { method: "POST", body: "--xyz\r\nContent-Disposition: form-data; name=\"$ACTION_ID_x\"\r\n\r\n[{", headers: { "content-type": "multipart/form-data; boundary=xyz" } };
    requests.push({ target: "POST a page, malformed form", name: pagePath, path: pagePath, init: garbage, expect4xx: true });
  }
  // Pages that read their query: a bad one is shown as a message, never a 5xx.
  for (const query of ["q=%00", "q=%ED%A0%80", `q=${"a".repeat(5000)}`, "cursor=garbage", "rating=pants&language=english", "claimant=%00"]) {
    requests.push({ target: "GET /search", name: query.slice(0, 30), path: `/search?${query}`, init: {}, expect4xx: false });
    requests.push({ target: "GET /workbench/claims", name: query.slice(0, 30), path: `/workbench/claims?${query}`, init: {}, expect4xx: false });
  }

  const apiTallies = new Map<string, Tally>();
  await inBatches(requests, async (request) => {
    const tally = apiTallies.get(request.target) ?? { target: request.target, requests: 0, refused: 0, accepted: 0, serverErrors: 0 };
    apiTallies.set(request.target, tally);
    const headers = new Headers(request.init.headers);
    if (!request.noSession) headers.set("cookie", reviewerCookie);
    headers.set("origin", base);
    headers.set("connection", "close");
    const response = await fetch(`${base}${request.path}`, { ...request.init, headers, redirect: "manual" });
    const body = await response.text();
    const where = `${request.target} with ${request.name}`;
    tally.requests += 1;
    if (response.status >= 500) tally.serverErrors += 1;
    expect(response.status, `${where}: ${body.slice(0, 200)}`).toBeLessThan(500);
    leaks(body, where);
    leaks(response.headers.get("location") ?? "", `${where} (redirect)`);
    if (request.expect4xx) {
      expect(response.status, `${where}: ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      if (response.status !== 405) expect(body, `${where}: a message`).toMatch(/"message":"[^"]{10,}/);
    }
    if (request.noSession) expect(response.headers.getSetCookie().join(";"), `${where}: no session`).not.toMatch(/session-token=[^;]/);
    if (response.status >= 400) tally.refused += 1;
    else tally.accepted += 1;
  });
  tallies.push(...apiTallies.values());
  expect(await rowCounts(), "the API routes wrote nothing").toEqual(before);

  const total = tallies.reduce((sum, tally) => ({ requests: sum.requests + tally.requests, serverErrors: sum.serverErrors + tally.serverErrors }), { requests: 0, serverErrors: 0 });
  const report = [
    "target | requests | refused | accepted (reads) | 5xx",
    ...tallies.map((t) => `${t.target} | ${t.requests} | ${t.refused} | ${t.accepted} | ${t.serverErrors}`),
    `total: ${tallies.length} targets, ${total.requests} requests, ${total.serverErrors} 5xx`,
  ].join("\n");
  console.log(report);
  await test.info().attach("fuzzed", { body: report, contentType: "text/plain" });
});
