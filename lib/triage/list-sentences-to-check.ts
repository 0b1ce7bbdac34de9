import { requirePermission, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { findCheckWorthySentences, type TriageCandidate } from "./find-check-worthy-sentences";
import { uncoveredCandidates } from "./uncovered-candidates";

export type SentenceToCheck = TriageCandidate & { article: { id: string; title: string; outlet: string | null; language: string; importedAt: Date } };

/** How many of the most recently imported articles the list reads, and how many sentences it shows. */
const RECENT_ARTICLES = 40;
const LIMIT = 60;

/**
 * The "to check" list: the check-worthy sentences of the recently imported articles that no passage
 * covers yet, best first (ties: newer article first, then text order). Scores are computed from each
 * current revision's text (cached per text), so a new revision gives the candidates of its new text.
 */
export async function listSentencesToCheck(actor: Actor, options: { limit?: number } = {}): Promise<SentenceToCheck[]> {
  requirePermission(actor, "articles.read");
  const articles = await getDb().article.findMany({
    where: { deletedAt: null },
    orderBy: { createdAt: "desc" },
    take: RECENT_ARTICLES,
    select: {
      id: true,
      title: true,
      outlet: true,
      language: true,
      createdAt: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { text: true, passages: { select: { start: true, end: true } } } },
    },
  });
  const sentences = articles.flatMap((article, order) => {
    const current = article.revisions[0];
    if (!current) return [];
    const info = { id: article.id, title: article.title, outlet: article.outlet, language: article.language, importedAt: article.createdAt };
    return uncoveredCandidates(findCheckWorthySentences(current.text, article.language), current.passages).map((candidate) => ({ sentence: { ...candidate, article: info }, order }));
  });
  return sentences
    .sort((a, b) => b.sentence.score - a.sentence.score || a.order - b.order || a.sentence.start - b.sentence.start)
    .slice(0, Math.min(options.limit ?? LIMIT, 200))
    .map((entry) => entry.sentence);
}
