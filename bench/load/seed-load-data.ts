// What the load benchmark needs beyond the demo corpus, made in-process through the same use cases
// the workbench calls: a few more published fact-checks (so readers' pages differ), a few claims
// awaiting a verdict (where the writers start drafting), and one editor account per writer.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { ensureUser } from "@/lib/users/ensure-user";
import { createClaim } from "@/lib/claims/create-claim";
import { saveVerdictDraft } from "@/lib/verdicts/save-verdict-draft";
import { submitVerdict } from "@/lib/verdicts/submit-verdict";
import { reviewVerdict } from "@/lib/verdicts/review-verdict";
import { publishVerdict } from "@/lib/publishing/publish-verdict";
import { RATINGS } from "@/lib/verdicts/verdict-input";

/** A sentence of an article revision, by UTF-16 offsets (what the annotator sends). */
export type Span = { start: number; end: number };
export type LoadArticle = { revisionId: string; text: string; language: string; sentences: Span[] };
export type LoadCorpus = {
  articles: LoadArticle[];
  /** Every claim there is before the run. */
  claimIds: string[];
  /** Claims without a verdict, made for the writers to draft on. */
  awaitingVerdict: string[];
  slugs: string[];
  accounts: { email: string; password: string }[];
};

const CLAIMANTS = ["Nicolás Maduro", "Donald Trump", "John Bolton", "Mike Pompeo", "Delcy Rodríguez", "Juan Guaidó"];

/** Sentences of 20 to 400 characters, leading spaces left out. */
function sentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/[^.!?\n]+[.!?]/g)) {
    const lead = match[0].length - match[0].trimStart().length;
    const start = match.index + lead;
    const end = match.index + match[0].length;
    if (end - start >= 20 && end - start <= 400) spans.push({ start, end });
  }
  return spans;
}

async function latestRevisions(): Promise<LoadArticle[]> {
  const articles = await getDb().article.findMany({
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { language: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
  });
  return articles.flatMap((article) =>
    article.revisions.map((revision) => ({
      revisionId: revision.id,
      text: revision.text,
      language: article.language,
      sentences: sentences(revision.text),
    })),
  );
}

/** A claim made from sentence `index` of an article, with that sentence as its passage. */
async function claimFromSentence(actor: Actor, article: LoadArticle, index: number, tag: string): Promise<string> {
  const span = article.sentences[index % article.sentences.length]!;
  const exact = article.text.slice(span.start, span.end);
  const { id } = await createClaim(actor, {
    statement: exact.slice(0, 500),
    claimant: CLAIMANTS[index % CLAIMANTS.length]!,
    language: article.language === "fr" ? "fr" : "en",
    tags: ["bench", tag],
    passage: { articleRevisionId: article.revisionId, start: span.start, end: span.end, exact },
  });
  return id;
}

export async function seedLoadData(options: {
  publish: number;
  awaitingVerdict: number;
  writers: number;
  runId: string;
}): Promise<LoadCorpus> {
  const db = getDb();
  const requestId = `bench-load-${options.runId}`;
  const actorOf = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const actor = await loadActor(user.id, requestId);
    if (!actor) throw new Error(`${email} cannot act`);
    return actor;
  };
  const editor = await actorOf("editor@claimwork.example");
  const reviewer = await actorOf("reviewer@claimwork.example");
  const articles = await latestRevisions();
  if (articles.length === 0 || articles.some((article) => article.sentences.length === 0)) {
    throw new Error("the demo articles were not seeded");
  }

  for (let i = 0; i < options.publish; i++) {
    const article = articles[i % articles.length]!;
    const claimId = await claimFromSentence(editor, article, 3 + i * 5, "published");
    const rating = RATINGS[i % RATINGS.length]!;
    const draft = await saveVerdictDraft(editor, {
      claimId,
      expectedVersion: null,
      rating,
      headline: `Checked claim ${i + 1}: rated ${rating.replace("_", " ")}`,
      summary: "What the record shows about this statement, in two sentences for readers in a hurry.",
      explanation: "The statement was compared with the articles it appears in and with public records of the period.",
    });
    const submitted = await submitVerdict(editor, { verdictId: draft.verdictId, expectedVersion: draft.version });
    await reviewVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId, decision: "approve" });
    await publishVerdict(reviewer, { verdictId: draft.verdictId, revisionId: submitted.revisionId });
  }

  const awaitingVerdict: string[] = [];
  for (let i = 0; i < options.awaitingVerdict; i++) {
    awaitingVerdict.push(await claimFromSentence(editor, articles[i % articles.length]!, 1 + i * 7, "awaiting-verdict"));
  }

  const accounts: LoadCorpus["accounts"] = [];
  for (let i = 1; i <= options.writers; i++) {
    const account = { email: `load-editor-${i}@claimwork.example`, password: randomBytes(12).toString("base64url") };
    const { created } = await ensureUser({ ...account, name: `Load editor ${i}`, role: "editor" });
    if (!created) throw new Error(`${account.email} already exists: the benchmark needs a database of its own`);
    accounts.push(account);
  }

  const claimIds = (await db.claim.findMany({ select: { id: true } })).map((claim) => claim.id);
  const slugs = (await db.publication.findMany({ select: { slug: true } })).map((publication) => publication.slug);
  return { articles, claimIds, awaitingVerdict, slugs, accounts };
}
