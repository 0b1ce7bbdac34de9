/** What a verdict must be read with to know its authors (four eyes). */
export const VERDICT_AUTHORS_SELECT = {
  draftContributorIds: true,
  currentRevision: { select: { id: true, authorId: true, authors: { select: { userId: true } } } },
} as const;

type VerdictAuthors = { draftContributorIds: string[]; currentRevision: { authorId: string; authors: { userId: string }[] } | null };

/** Who may not review the verdict: the authors of the revision in review, and whoever saved the draft since. */
export function verdictAuthorIds(verdict: VerdictAuthors): Set<string> {
  const revision = verdict.currentRevision;
  return new Set([...verdict.draftContributorIds, ...(revision ? [revision.authorId, ...revision.authors.map((author) => author.userId)] : [])]);
}
