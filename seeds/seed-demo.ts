import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { getDb } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { ensureUser } from "@/lib/users/ensure-user";
import { importArticle } from "@/lib/articles/import-article";
import { createClaim } from "@/lib/claims/create-claim";
import { addPassage } from "@/lib/claims/add-passage";
import { relateClaims } from "@/lib/relations/relate-claims";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { DEMO_CLAIMS, DEMO_RELATIONS, DEMO_USERS, DEMO_VERDICT, SEED_ARTICLE_FILES, type SeedArticleFile } from "./demo-data";

export const SEED_ARTICLES_DIR = fileURLToPath(new URL("./articles/", import.meta.url));

export type SeedReport = {
  createdAccounts: { email: string; role: string; password: string | null }[];
  articles: { imported: number; alreadyThere: number };
  claimsCreated: number;
  verdictPublished: boolean;
};

/** Conflicts mean "already there" when seeding again; anything else is a real failure. */
async function unlessAlreadyThere(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") return false;
    throw error;
  }
}

/**
 * Builds the demo data through the same use cases the workbench uses. Running it twice creates
 * nothing twice. Passwords come from DEMO_PASSWORD, or are generated; a generated password is
 * returned once, when its account is created, for the caller to print.
 */
export async function seedDemo(options: { password?: string } = {}): Promise<SeedReport> {
  const report: SeedReport = { createdAccounts: [], articles: { imported: 0, alreadyThere: 0 }, claimsCreated: 0, verdictPublished: false };
  const db = getDb();
  const requestId = `seed-${randomUUID()}`;

  const actors = {} as Record<(typeof DEMO_USERS)[number]["key"], Actor>;
  for (const demoUser of DEMO_USERS) {
    const password = options.password ?? randomBytes(12).toString("base64url");
    const { id, created } = await ensureUser({ ...demoUser, password });
    if (created) report.createdAccounts.push({ email: demoUser.email, role: demoUser.role, password: options.password ? null : password });
    const actor = await loadActor(id, requestId);
    if (!actor) throw new Error(`Demo account ${demoUser.email} exists but is disabled; enable it or use another database.`);
    actors[demoUser.key] = actor;
  }
  const { editor, reviewer } = actors;

  const revisionByFile = new Map<SeedArticleFile, { id: string; text: string }>();
  for (const file of SEED_ARTICLE_FILES) {
    const bytes = await readFile(`${SEED_ARTICLES_DIR}${file}`);
    const result = await importArticle(editor, { bytes, mediaType: "text/plain" });
    report.articles[result.status === "imported" ? "imported" : "alreadyThere"]++;
    const revision = await db.articleRevision.findFirstOrThrow({
      where: { articleId: result.articleId },
      orderBy: { number: "desc" },
      select: { id: true, text: true },
    });
    revisionByFile.set(file, revision);
  }

  const claimIds = new Map<string, string>();
  for (const demoClaim of DEMO_CLAIMS) {
    const existing = await db.claim.findFirst({
      where: { statement: demoClaim.statement, claimant: demoClaim.claimant },
      select: { id: true },
    });
    const claimId = existing?.id ?? (await createClaim(editor, demoClaim)).id;
    if (!existing) report.claimsCreated++;
    claimIds.set(demoClaim.key, claimId);
    for (const { file, quote } of demoClaim.passages) {
      const revision = revisionByFile.get(file)!;
      const start = revision.text.indexOf(quote);
      if (start < 0 || revision.text.indexOf(quote, start + 1) >= 0) {
        throw new Error(`Seed quote must appear exactly once in ${file}: ${quote}`);
      }
      await unlessAlreadyThere(() =>
        addPassage(editor, { claimId, articleRevisionId: revision.id, start, end: start + quote.length, exact: quote }),
      );
    }
  }

  for (const relation of DEMO_RELATIONS) {
    await unlessAlreadyThere(() =>
      relateClaims(editor, {
        type: relation.type,
        fromClaimId: claimIds.get(relation.from)!,
        toClaimId: claimIds.get(relation.to)!,
        rationale: relation.rationale,
      }),
    );
  }

  const verdictClaimId = claimIds.get(DEMO_VERDICT.claim)!;
  if (!(await db.verdict.findUnique({ where: { claimId: verdictClaimId }, select: { id: true } }))) {
    const draft = await saveVerdictDraft(editor, { claimId: verdictClaimId, expectedVersion: null, ...DEMO_VERDICT.firstDraft });
    const first = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, {
      verdictId: draft.verdictId,
      revisionId: first.revisionId,
      decision: "request_changes",
      comment: DEMO_VERDICT.changesRequested,
    });
    const current = await db.verdict.findUniqueOrThrow({ where: { id: draft.verdictId }, select: { version: true } });
    const revised = await saveVerdictDraft(editor, {
      claimId: verdictClaimId,
      expectedVersion: current.version,
      ...DEMO_VERDICT.revised,
    });
    const second = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: revised.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: second.revisionId, decision: "approve" });
    await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: second.revisionId });
    report.verdictPublished = true;
  }
  return report;
}
