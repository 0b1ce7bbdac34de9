import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { makeSlug } from "@/lib/publishing/make-slug";
import { ACTIONS, perform, sessionOf } from "./support/actions";
import { createUser, db } from "./support/database";

// Readers see published revisions only. Sentinel words are planted where only the workbench may see
// them: the draft of a published fact-check, a revision of it that a reviewer sent back, a claim
// that was never published (approved, not published) with a passage in a seeded article. Every
// public URL, in every form Next answers (HTML, RSC payload, prefetch), must be free of them; every
// workbench URL must send an anonymous reader to sign-in, whatever headers it forges.

const run = randomBytes(5).toString("hex");
// An end mark, so that no sentinel is a prefix of another.
const sentinel = (where: string) => `zq${run}${where}qz`;
const SENTINELS = {
  rejectedHeadline: sentinel("rejhead"),
  rejectedSummary: sentinel("rejsummary"),
  rejectedExplanation: sentinel("rejexplain"),
  rejectedComment: sentinel("rejcomment"),
  draftHeadline: sentinel("drafthead"),
  draftSummary: sentinel("draftsummary"),
  draftExplanation: sentinel("draftexplain"),
  unpublishedStatement: sentinel("unpubclaim"),
  unpublishedClaimant: sentinel("unpubclaimant"),
  approvedHeadline: sentinel("apphead"),
  approvedSummary: sentinel("appsummary"),
  approvedExplanation: sentinel("appexplain"),
  claimComment: sentinel("claimcomment"),
  revisionComment: sentinel("revcomment"),
  hiddenClaimComment: sentinel("hiddencomment"),
};
/** Same shape, never planted: how often a search page echoes its own query. */
const CONTROL = sentinel("control");

type Variant = { name: string; query?: string; suffix?: string; headers: Record<string, string> };
const READER_VARIANTS: Variant[] = [
  { name: "HTML", headers: {} },
  { name: "RSC: 1", headers: { RSC: "1" } },
  { name: "?_rsc=x", query: "_rsc=x", headers: {} },
  { name: ".rsc", suffix: ".rsc", headers: { RSC: "1" } },
  { name: "RSC + ?_rsc=x", query: "_rsc=x", headers: { RSC: "1" } },
  { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  { name: "segment prefetch /_tree", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" } },
  { name: "segment prefetch /_full", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_full" } },
];
const SUBREQUEST_VALUES = ["middleware", "proxy", "src/middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware"];
const PROTECTED_VARIANTS: Variant[] = [
  ...READER_VARIANTS,
  ...SUBREQUEST_VALUES.map((value) => ({ name: `x-middleware-subrequest: ${value}`, headers: { "x-middleware-subrequest": value } })),
  ...SUBREQUEST_VALUES.map((value) => ({ name: `RSC + x-middleware-subrequest: ${value}`, query: "_rsc=x", headers: { RSC: "1", "x-middleware-subrequest": value } })),
];

function variantOf(url: string, { query, suffix = "" }: Variant): string {
  const [path, search] = url.split("?");
  const params = [search, query].filter(Boolean).join("&");
  return `${path}${suffix}${params ? `?${params}` : ""}`;
}

async function fetchAll(baseUrl: string, url: string, variant: Variant, init: RequestInit = {}) {
  const response = await fetch(`${baseUrl}${variantOf(url, variant)}`, { ...init, headers: { ...variant.headers, ...(init.headers as Record<string, string>) } });
  return { status: response.status, url: new URL(response.url), body: await response.text() };
}

const planted = (body: string) => Object.values(SENTINELS).filter((word) => body.includes(word));
/** The sentinels in a response, not counting the request's own path echoed back (a guessed slug holds one). */
const leakedBy = (url: string, body: string) => planted(url.split(/[/?&=]/).filter((part) => part.length > 8).reduce((text, part) => text.split(part).join(""), body));
const occurrences = (body: string, word: string) => body.split(word).length - 1;

test("drafts, sent-back revisions and unpublished claims never reach readers, nor anonymous workbench requests", async ({ baseURL }) => {
  test.setTimeout(600_000);
  const baseUrl = baseURL!;
  const editor = await sessionOf(baseUrl, await createUser("editor", "planter"));
  const reviewer = await sessionOf(baseUrl, await createUser("reviewer", "approver"));
  const version = async (verdictId: string) =>
    (await db().query<{ version: number }>(`SELECT version FROM verdicts WHERE id = $1`, [verdictId])).rows[0]!.version;

  // A published fact-check ...
  const published = { headline: `Lighthouse keeper ${run} headline`, summary: `Lighthouse ${run} summary`, statement: `The lighthouse ${run} was never lit` };
  const claim = await perform<{ id: string }>(baseUrl, ACTIONS.createClaim, editor, { statement: published.statement, claimant: "A harbour official", language: "en" });
  const draft = await perform<{ verdictId: string }>(baseUrl, ACTIONS.saveDraft, editor, {
    claimId: claim.id, expectedVersion: null, rating: "false", headline: published.headline, summary: published.summary, explanation: `Lighthouse ${run} explanation`,
  });
  const verdictId = draft.verdictId;
  const first = await perform<{ revisionId: string }>(baseUrl, ACTIONS.submit, editor, { verdictId, expectedVersion: await version(verdictId) });
  await perform(baseUrl, ACTIONS.review, reviewer, { verdictId, revisionId: first.revisionId, decision: "approve" });
  const { slug } = await perform<{ slug: string }>(baseUrl, ACTIONS.publish, reviewer, { verdictId, revisionId: first.revisionId });

  // ... then a revision of it that the reviewer sends back, then a new draft.
  await perform(baseUrl, ACTIONS.saveDraft, editor, {
    claimId: claim.id, expectedVersion: await version(verdictId), rating: "true",
    headline: `Lighthouse ${SENTINELS.rejectedHeadline}`, summary: `Lighthouse ${SENTINELS.rejectedSummary}`, explanation: `Lighthouse ${SENTINELS.rejectedExplanation}`,
  });
  const rejected = await perform<{ revisionId: string }>(baseUrl, ACTIONS.submit, editor, { verdictId, expectedVersion: await version(verdictId) });
  await perform(baseUrl, ACTIONS.review, reviewer, { verdictId, revisionId: rejected.revisionId, decision: "request_changes", comment: `Lighthouse ${SENTINELS.rejectedComment}` });
  await perform(baseUrl, ACTIONS.saveDraft, editor, {
    claimId: claim.id, expectedVersion: await version(verdictId), rating: "mixed",
    headline: `Lighthouse ${SENTINELS.draftHeadline}`, summary: `Lighthouse ${SENTINELS.draftSummary}`, explanation: `Lighthouse ${SENTINELS.draftExplanation}`,
  });

  // A claim quoted in a seeded article, approved but never published.
  const article = (await db().query<{ article_id: string; id: string; text: string }>(
    `SELECT DISTINCT ON (article_id) article_id, id, text FROM article_revisions ORDER BY article_id, number DESC LIMIT 1`,
  )).rows[0]!;
  const exact = article.text.slice(0, 30);
  const hidden = await perform<{ id: string }>(baseUrl, ACTIONS.createClaim, editor, {
    statement: `Lighthouse ${SENTINELS.unpublishedStatement}`, claimant: SENTINELS.unpublishedClaimant, language: "en",
    passage: { articleRevisionId: article.id, start: 0, end: exact.length, exact },
  });
  const hiddenDraft = await perform<{ verdictId: string }>(baseUrl, ACTIONS.saveDraft, editor, {
    claimId: hidden.id, expectedVersion: null, rating: "false",
    headline: `Lighthouse ${SENTINELS.approvedHeadline}`, summary: `Lighthouse ${SENTINELS.approvedSummary}`, explanation: `Lighthouse ${SENTINELS.approvedExplanation}`,
  });
  const hiddenRevision = await perform<{ revisionId: string }>(baseUrl, ACTIONS.submit, editor, { verdictId: hiddenDraft.verdictId, expectedVersion: await version(hiddenDraft.verdictId) });
  await perform(baseUrl, ACTIONS.review, reviewer, { verdictId: hiddenDraft.verdictId, revisionId: hiddenRevision.revisionId, decision: "approve" });

  // Discussion is workbench-only: comments on the published claim, on its published revision, and on the hidden claim.
  await perform(baseUrl, ACTIONS.postComment, reviewer, { claimId: claim.id, body: `Lighthouse question ${SENTINELS.claimComment} https://example.org/log` });
  await perform(baseUrl, ACTIONS.postComment, editor, { verdictRevisionId: first.revisionId, body: `Lighthouse answer ${SENTINELS.revisionComment}` });
  await perform(baseUrl, ACTIONS.postComment, reviewer, { claimId: hidden.id, body: `Lighthouse note ${SENTINELS.hiddenClaimComment}` });

  const articleIds = (await db().query<{ id: string }>(`SELECT id FROM articles`)).rows.map((row) => row.id);
  const readerUrls = [
    "/", "/methodology", "/search?q=lighthouse", `/search?q=${run}`, "/feed.xml", "/sitemap.xml", "/robots.txt",
    `/fact-checks/${slug}`, ...[1, 2, 3, 4].map((n) => `/fact-checks/${slug}/revisions/${n}`),
    `/fact-checks/${makeSlug(`Lighthouse ${SENTINELS.unpublishedStatement}`)}`, `/fact-checks/${hidden.id}`, `/fact-checks/${hiddenDraft.verdictId}`,
    `/fact-checks/${makeSlug(`Lighthouse ${SENTINELS.unpublishedStatement}`)}/revisions/1`,
    ...articleIds.map((id) => `/api/articles/${id}/annotations`),
    `/api/v1/fact-checks/${slug}`, "/api/v1/claim-reviews.jsonld", "/api/v1/claims:search?q=lighthouse", `/api/v1/claims:search?q=${run}`,
  ];

  // The published page is really read in every variant: what the test looks for could show up.
  const control = await fetchAll(baseUrl, `/fact-checks/${slug}`, READER_VARIANTS[0]!);
  expect(control.body).toContain(published.headline);

  const leaks: string[] = [];
  const checked = { reader: 0, search: 0, workbench: 0, api: 0 };
  for (const url of readerUrls) {
    for (const variant of READER_VARIANTS) {
      const reply = await fetchAll(baseUrl, url, variant);
      checked.reader++;
      expect(reply.status, `${url} (${variant.name})`).toBeLessThan(500);
      for (const word of leakedBy(url, reply.body)) leaks.push(`${url} (${variant.name}): ${word}`);
    }
  }
  // A search for a sentinel may echo the query, and must show it no more often than a word never planted.
  for (const word of Object.values(SENTINELS)) {
    for (const variant of READER_VARIANTS) {
      const reply = await fetchAll(baseUrl, `/search?q=${word}`, variant);
      const echo = await fetchAll(baseUrl, `/search?q=${CONTROL}`, variant);
      checked.search++;
      if (occurrences(reply.body, word) > occurrences(echo.body, CONTROL)) leaks.push(`/search?q=${word} (${variant.name})`);
      for (const other of planted(reply.body).filter((found) => found !== word)) leaks.push(`/search?q=${word} (${variant.name}): ${other}`);
    }
  }

  // Workbench pages: the signed-in reviewer sees the sentinels there, an anonymous request never does.
  const workbenchUrls = [
    "/workbench", "/workbench/users", "/workbench/claims", "/workbench/articles", "/workbench/graph", "/workbench/review", "/workbench/inbox", "/workbench/board",
    `/workbench/claims/${claim.id}`, `/workbench/claims/${claim.id}/verdict`, `/workbench/claims/${hidden.id}`,
    `/workbench/review/${rejected.revisionId}`, `/workbench/review/${hiddenRevision.revisionId}`, `/workbench/articles/${article.article_id}`,
  ];
  const seenByReviewer = await fetchAll(baseUrl, `/workbench/claims/${claim.id}/verdict`, READER_VARIANTS[0]!, { headers: { cookie: reviewer } });
  expect(seenByReviewer.body).toContain(SENTINELS.draftHeadline);
  const discussionSeen = await fetchAll(baseUrl, `/workbench/claims/${claim.id}`, READER_VARIANTS[0]!, { headers: { cookie: editor } });
  expect(discussionSeen.body).toContain(SENTINELS.claimComment);
  expect(discussionSeen.body).toContain(SENTINELS.revisionComment);
  const usersMarker = "admin@claimwork.example";
  const admin = await sessionOf(baseUrl, await createUser("admin", "looker"));
  expect((await fetchAll(baseUrl, "/workbench/users", READER_VARIANTS[0]!, { headers: { cookie: admin } })).body).toContain(usersMarker);

  // Exports signed-in people download carry no comment either: the claims CSV and the admins' audit CSV.
  const comments = [SENTINELS.claimComment, SENTINELS.revisionComment, SENTINELS.hiddenClaimComment];
  for (const [url, cookie] of [["/api/claims/export.csv", editor], ["/workbench/audit/export", admin]] as const) {
    const exported = await fetchAll(baseUrl, url, READER_VARIANTS[0]!, { headers: { cookie } });
    expect(exported.status, url).toBe(200);
    for (const word of comments.filter((comment) => exported.body.includes(comment))) leaks.push(`${url} (signed in): ${word}`);
  }

  const opened: string[] = [];
  for (const url of workbenchUrls) {
    for (const variant of PROTECTED_VARIANTS) {
      const reply = await fetchAll(baseUrl, url, variant);
      checked.workbench++;
      const label = `${url} (${variant.name})`;
      for (const word of planted(reply.body)) leaks.push(`${label}: ${word}`);
      if (reply.body.includes(usersMarker)) leaks.push(`${label}: the user list`);
      const refused = reply.url.pathname === "/signin" || reply.status === 401 || reply.status === 404 || reply.body.includes("/signin?callbackUrl=");
      // A prefetch of a dynamic page is answered with the route tree alone: segment names, nothing rendered.
      const rendered = reply.body.includes("className") || reply.body.includes("wb-bar");
      if (!refused && rendered) opened.push(`${label}: ${reply.status} ${reply.url.pathname}`);
    }
  }
  for (const id of articleIds) {
    for (const variant of PROTECTED_VARIANTS) {
      const reply = await fetchAll(baseUrl, `/api/articles/${id}/revisions`, variant, { method: "POST", headers: { origin: baseUrl } });
      checked.api++;
      if (reply.status !== 401 && reply.status !== 404) opened.push(`POST /api/articles/${id}/revisions (${variant.name}): ${reply.status}`);
    }
  }
  console.log(
    `reader leaks: public ${readerUrls.length} URLs x ${READER_VARIANTS.length} variants = ${checked.reader}, sentinel searches ${checked.search}, ` +
      `workbench ${workbenchUrls.length} URLs x ${PROTECTED_VARIANTS.length} variants = ${checked.workbench}, API posts ${checked.api}; ` +
      `${leaks.length} leaks, ${opened.length} anonymous workbench answers not refused`,
  );
  expect({ leaks, opened }).toEqual({ leaks: [], opened: [] });
});
