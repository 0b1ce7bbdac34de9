import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { utf16ToCodePoints } from "@/lib/anchoring/code-points";

/**
 * The passages of an article's current revision as a W3C Web Annotation AnnotationCollection.
 * Offsets are converted to code points, as the W3C model counts them. Readers without a workbench
 * role get only the passages of published claims; lost (orphaned) passages have no target.
 */
export async function exportAnnotations(actor: Actor | null, articleId: string): Promise<Record<string, unknown>> {
  if (!/^[0-9a-f-]{36}$/i.test(articleId)) throw notFound("The article");
  const everything = can(actor, "claims.read");
  const article = await getDb().article.findUnique({
    where: { id: articleId },
    include: {
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        include: {
          passages: {
            where: {
              status: { not: "orphaned" },
              ...(everything ? {} : { claim: { verdict: { publication: { isNot: null } } } }),
            },
            orderBy: { start: "asc" },
            include: { claim: { include: { verdict: { select: { publication: { select: { slug: true } } } } } } },
          },
        },
      },
    },
  });
  const revision = article?.revisions[0];
  // An article with nothing published looks the same to a reader as one that does not exist.
  if (!article || article.deletedAt || !revision || (!everything && revision.passages.length === 0)) throw notFound("The article");

  const site = getEnv().SITE_URL;
  const collectionId = new URL(`/api/articles/${article.id}/annotations`, site).toString();
  const source = article.url ?? new URL(`/workbench/articles/${article.id}?revision=${revision.number}`, site).toString();
  const items = revision.passages.map((passage) => {
    const slug = passage.claim.verdict?.publication?.slug;
    return {
      id: `${collectionId}#${passage.id}`,
      type: "Annotation",
      motivation: "identifying",
      created: passage.createdAt.toISOString(),
      modified: passage.updatedAt.toISOString(),
      body: {
        type: "TextualBody",
        purpose: "describing",
        format: "text/plain",
        language: passage.claim.language,
        value: `${passage.claim.claimant}: ${passage.claim.statement}`,
        ...(slug ? { id: new URL(`/fact-checks/${slug}`, site).toString() } : {}),
      },
      target: {
        type: "SpecificResource",
        source,
        selector: [
          { type: "TextQuoteSelector", exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix },
          {
            type: "TextPositionSelector",
            start: utf16ToCodePoints(revision.text, passage.start!),
            end: utf16ToCodePoints(revision.text, passage.end!),
          },
        ],
      },
    };
  });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: collectionId,
    type: "AnnotationCollection",
    label: `Claims in “${article.title}” (revision ${revision.number})`,
    total: items.length,
    first: { id: `${collectionId}?page=0`, type: "AnnotationPage", startIndex: 0, items },
  };
}
