// A correction of a published fact-check, made over HTTP as its editor and reviewer would make it in
// the workbench (draft, submit, approve, publish): the hostile-traffic and scale-out suites check
// that readers see it everywhere.
import type pg from "pg";
import { callServerAction, type ServerAction } from "../../scripts/lib/workbench-client";

export type CorrectionContext = {
  /** Where the workbench is asked (an app process, or nginx in front of several). */
  baseUrl: string;
  /** /fact-checks/<slug> of the published fact-check. */
  slugPath: string;
  editorCookie: string;
  reviewerCookie: string;
  actions: Map<string, ServerAction>;
  admin: () => Promise<pg.Client>;
};

/** Publishes a correction of the fact-check through the workbench client, as its editor and reviewer would. */
export async function publishCorrection(context: CorrectionContext, marker: string, why: string): Promise<void> {
  const client = await context.admin();
  let verdict: { id: string; claim_id: string; version: number; draft_rating: string; draft_headline: string; draft_summary: string; draft_explanation: string } | undefined;
  try {
    verdict = (
      await client.query(
        "SELECT v.id, v.claim_id, v.version, v.draft_rating, v.draft_headline, v.draft_summary, v.draft_explanation FROM verdicts v JOIN publications p ON p.verdict_id = v.id WHERE p.slug = $1",
        [context.slugPath.slice("/fact-checks/".length)],
      )
    ).rows[0];
  } finally {
    await client.end();
  }
  if (!verdict) throw new Error("the published fact-check has no verdict");
  const call = async <T>(name: string, cookie: string, input: unknown): Promise<T> => {
    const action = context.actions.get(name);
    if (!action) throw new Error(`no server action ${name} in the build`);
    const reply = await callServerAction(context.baseUrl, action, [input], { cookie, signal: AbortSignal.timeout(20_000) });
    const result = reply.result as { ok: true; data: T } | { ok: false; error: { message: string } } | undefined;
    if (!result?.ok) throw new Error(`${name}: ${result ? result.error.message : `HTTP ${reply.status} ${reply.body.slice(0, 200)}`}`);
    return result.data;
  };
  const saved = await call<{ version: number }>("saveVerdictDraftAction", context.editorCookie, {
    claimId: verdict.claim_id,
    expectedVersion: verdict.version,
    rating: verdict.draft_rating,
    headline: verdict.draft_headline,
    summary: verdict.draft_summary,
    explanation: `${verdict.draft_explanation}\n\n${marker}.`,
  });
  const submitted = await call<{ revisionId: string }>("submitVerdictAction", context.editorCookie, { verdictId: verdict.id, expectedVersion: saved.version });
  await call("reviewVerdictAction", context.reviewerCookie, { verdictId: verdict.id, revisionId: submitted.revisionId, decision: "approve" });
  await call("publishVerdictAction", context.reviewerCookie, {
    verdictId: verdict.id,
    revisionId: submitted.revisionId,
    correction: { kind: "correction", whatChanged: marker, why },
  });
}
