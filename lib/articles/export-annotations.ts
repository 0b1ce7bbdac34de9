import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { utf16ToCodePoints } from "@/lib/anchoring/code-points";
import { quoteContext } from "@/lib/anchoring/create-selectors";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";

/** One passage to export: its quote and place (UTF-16 offsets into its revision's text) and its claim. */
type ExportedPassage = {
  id: string;
  revision: { number: number; text: string };
  exact: string;
  start: number;
  end: number;
  claim: { statement: string; claimant: string; language: string };
  slug: string | null;
  created: Date;
  modified: Date;
  /** The article's title and address: live for the workbench, as the snapshot froze them for readers. */
  article: { title: string; url: string | null };
};

/**
 * An article's passages as a W3C Web Annotation AnnotationCollection, offsets in code points as the
 * W3C model counts them. People with a workbench role get every passage of the current revision
 * whose place is kept, moved or confirmed (not one whose words changed and await an editor), as it stands. Anonymous readers get what the published fact-checks quote from this
 * article, exactly as their approved snapshots froze it, the article's title and address included:
 * editors' later changes, to the article's details too, wait for review.
 */
export async function exportAnnotations(actor: Actor | null, articleId: string): Promise<Record<string, unknown>> {
  if (!/^[0-9a-f-]{36}$/i.test(articleId)) throw notFound("article");
  const article = await getDb().article.findUnique({ where: { id: articleId }, select: { id: true, title: true, url: true, deletedAt: true } });
  if (!article || article.deletedAt) throw notFound("article");
  const everything = can(actor, "claims.read");
  const passages = everything ? await currentPassages(article) : await publishedPassages(article.id);
  // An article with nothing published looks the same to a reader as one that does not exist.
  if (!everything && passages.length === 0) throw notFound("article");

  const site = getEnv().SITE_URL;
  const collectionId = new URL(`/api/articles/${article.id}/annotations`, site).toString();
  const sourceOf = (passage: ExportedPassage) =>
    passage.article.url ?? new URL(`/workbench/articles/${article.id}?revision=${passage.revision.number}`, site).toString();
  const items = passages.map((passage) => ({
    id: `${collectionId}#${passage.id}`,
    type: "Annotation",
    motivation: "identifying",
    created: passage.created.toISOString(),
    modified: passage.modified.toISOString(),
    // The claim as text; with a published fact-check, that page too. A body with an id is an
    // external web resource, which may not carry a purpose: the page is the source of a
    // SpecificResource, which may (W3C Web Annotation Data Model, section 4.1).
    body: [
      {
        type: "TextualBody",
        purpose: "describing",
        format: "text/plain",
        language: passage.claim.language,
        value: `${passage.claim.claimant}: ${passage.claim.statement}`,
      },
      ...(passage.slug ? [{ type: "SpecificResource", purpose: "assessing", source: new URL(`/fact-checks/${passage.slug}`, site).toString() }] : []),
    ],
    target: {
      type: "SpecificResource",
      source: sourceOf(passage),
      selector: [
        // Context cut again from the text, between whole characters: rows stored before the cut
        // respected grapheme clusters may hold half an emoji (U+FFFD).
        { type: "TextQuoteSelector", exact: passage.exact, ...quoteContext(passage.revision.text, passage.start, passage.end) },
        {
          type: "TextPositionSelector",
          start: utf16ToCodePoints(passage.revision.text, passage.start),
          end: utf16ToCodePoints(passage.revision.text, passage.end),
        },
      ],
    },
  }));
  const revisions = [...new Set(passages.map((passage) => passage.revision.number))].sort((a, b) => a - b);
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: collectionId,
    type: "AnnotationCollection",
    label: `Claims in “${passages[0]?.article.title ?? article.title}”${revisions.length ? ` (revision ${revisions.join(", ")})` : ""}`,
    total: items.length,
    first: { id: `${collectionId}?page=0`, type: "AnnotationPage", startIndex: 0, items },
  };
}

/** The workbench's view: every passage of the article's current revision whose place is confirmed, live. */
async function currentPassages(article: { id: string; title: string; url: string | null }): Promise<ExportedPassage[]> {
  const revision = await getDb().articleRevision.findFirst({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    include: {
      passages: {
        // A changed passage's new place waits for an editor's confirmation: only confirmed places go out.
        where: { status: { in: ["anchored", "moved"] } },
        orderBy: { start: "asc" },
        include: { claim: { include: { verdict: { select: { publication: { select: { slug: true } } } } } } },
      },
    },
  });
  if (!revision) return [];
  return revision.passages.map((passage) => ({
    id: passage.id,
    revision,
    exact: passage.exact,
    start: passage.start!,
    end: passage.end!,
    claim: passage.claim,
    slug: passage.claim.verdict?.publication?.slug ?? null,
    created: passage.createdAt,
    modified: passage.updatedAt,
    article: { title: article.title, url: article.url },
  }));
}

/** The readers' view: the passages of this article that published snapshots quote. */
async function publishedPassages(articleId: string): Promise<ExportedPassage[]> {
  const db = getDb();
  const quoting = await db.$queryRaw<{ revisionId: string }[]>`
    SELECT s.verdict_revision_id::text AS "revisionId"
      FROM publications p JOIN fact_check_snapshots s ON s.verdict_revision_id = p.published_revision_id
     WHERE s.content->'passages' @> ${JSON.stringify([{ article: { id: articleId } }])}::jsonb`;
  const publications = await db.publication.findMany({
    where: { publishedRevisionId: { in: quoting.map((row) => row.revisionId) } },
    include: { publishedRevision: { include: { snapshot: true } } },
  });
  const quotes = publications.flatMap((publication) => {
    const snapshot = snapshotOf(publication.publishedRevision);
    return snapshot.passages
      .filter((passage) => passage.article.id === articleId)
      .map((passage) => ({ passage, claim: snapshot.claim, slug: publication.slug, published: publication.updatedAt, frozen: publication.publishedRevision.snapshot!.createdAt }));
  });
  const texts = new Map(
    (
      await db.articleRevision.findMany({
        where: { id: { in: [...new Set(quotes.map((quote) => quote.passage.article.revisionId))] } },
        select: { id: true, number: true, text: true },
      })
    ).map((revision) => [revision.id, revision]),
  );
  return quotes
    .map(({ passage, claim, slug, published, frozen }) => ({
      id: passage.passageId,
      revision: texts.get(passage.article.revisionId)!,
      exact: passage.exact,
      start: passage.start,
      end: passage.end,
      claim,
      slug,
      created: frozen,
      modified: published,
      article: { title: passage.article.title, url: passage.article.url },
    }))
    .sort((a, b) => a.revision.number - b.revision.number || a.start - b.start);
}
