import { diffText, type DiffPart } from "@/lib/verdicts/diff-revisions";
import type { FactCheckSnapshot, SnapshotPassage, SnapshotRelated } from "@/lib/publishing/fact-check-snapshot";

/** One field of the claim, before and after, with a word diff where the text allows one. */
export type ClaimFieldDiff = { field: (typeof CLAIM_FIELDS)[number]; before: string; after: string; parts: DiffPart[] | null };

/** A quoted passage as the diff shows it: the quote and where it comes from. */
export type QuotedPassage = { key: string; exact: string; source: string };

/** A related fact-check as the diff shows it (the page names the link and the rating in its language). */
export type ListedRelated = { key: string } & Pick<SnapshotRelated, "type" | "direction" | "statement" | "rating">;

/**
 * What differs between two snapshots of a fact-check's page (the approved one and a newer one):
 * the claim's fields, the quoted passages (added, removed, or quoted from a changed article) and the
 * related fact-checks listed. Only changes are listed; `changed` is false when the pages would match.
 */
export type SnapshotDiff = {
  claim: ClaimFieldDiff[];
  passages: { added: QuotedPassage[]; removed: QuotedPassage[]; sourceChanged: { before: QuotedPassage; after: QuotedPassage }[] };
  related: { added: ListedRelated[]; removed: ListedRelated[] };
  changed: boolean;
};

const CLAIM_FIELDS = ["statement", "claimant", "claimantSameAs", "claimedAt", "language"] as const;

// A quote is the same quote when the same words come from the same article; passage ids change
// with every article revision, so they cannot say it.
const passageKey = (passage: SnapshotPassage) => `${passage.article.id}\u0000${passage.exact}`;

function quoted(passage: SnapshotPassage): QuotedPassage {
  const { title, outlet, url, publishedAt, revisionNumber } = passage.article;
  const source = [title, outlet, url, publishedAt?.slice(0, 10), `article revision ${revisionNumber}`].filter(Boolean).join(" · ");
  return { key: passageKey(passage), exact: passage.exact, source };
}

const relatedKey = (related: SnapshotRelated) => `${related.type}:${related.direction}:${related.claimId}`;
const listed = (related: SnapshotRelated): ListedRelated => ({
  key: `${relatedKey(related)}:${related.rating}:${related.statement}`,
  type: related.type,
  direction: related.direction,
  statement: related.statement,
  rating: related.rating,
});

/** Items of `after` that `before` lacks, by key. */
function added<T>(before: T[], after: T[], key: (item: T) => string): T[] {
  const known = new Set(before.map(key));
  return after.filter((item) => !known.has(key(item)));
}

export function diffSnapshots(before: FactCheckSnapshot, after: FactCheckSnapshot): SnapshotDiff {
  const claim = CLAIM_FIELDS.flatMap((field) => {
    const was = before.claim[field] ?? "";
    const now = after.claim[field] ?? "";
    return was === now ? [] : [{ field, before: was, after: now, parts: field === "statement" ? diffText(was, now) : null }];
  });

  const beforeByKey = new Map(before.passages.map((passage) => [passageKey(passage), passage]));
  const sourceChanged = after.passages.flatMap((passage) => {
    const was = beforeByKey.get(passageKey(passage));
    return was && quoted(was).source !== quoted(passage).source ? [{ before: quoted(was), after: quoted(passage) }] : [];
  });
  const passages = {
    added: added(before.passages, after.passages, passageKey).map(quoted),
    removed: added(after.passages, before.passages, passageKey).map(quoted),
    sourceChanged,
  };
  const relatedEntry = (related: SnapshotRelated) => listed(related).key;
  const related = {
    added: added(before.related, after.related, relatedEntry).map(listed),
    removed: added(after.related, before.related, relatedEntry).map(listed),
  };
  const changed =
    claim.length > 0 || passages.added.length + passages.removed.length + sourceChanged.length + related.added.length + related.removed.length > 0;
  return { claim, passages, related, changed };
}
