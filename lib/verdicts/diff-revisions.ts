import { diffWords } from "diff";
import type { Rating } from "@/lib/generated/prisma/enums";

/** One run of text in a word diff: kept, added or removed. Plain data: the UI renders it as React nodes. */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type FieldDiff = {
  field: (typeof FIELDS)[number];
  changed: boolean;
  /** Null when the texts are too different to compare word by word in reasonable time. */
  parts: DiffPart[] | null;
  before: string;
  after: string;
};

export type RevisionDiff = {
  rating: { changed: boolean; before: Rating; after: Rating };
  fields: FieldDiff[];
  changed: boolean;
};

export type DiffableRevision = { rating: Rating; headline: string; summary: string; explanation: string };

const FIELDS = ["headline", "summary", "explanation"] as const;

// Word diffs are quadratic in the worst case; explanations can be 50,000 characters.
const DIFF_TIMEOUT_MS = 300;

/** A word diff of two texts, merged into runs; null when it would take too long. */
export function diffText(before: string, after: string): DiffPart[] | null {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return null;
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else if (change.value) parts.push({ kind, text: change.value });
  }
  return parts;
}

/** What changed from one verdict revision to the next, field by field, as data. */
export function diffRevisions(before: DiffableRevision, after: DiffableRevision): RevisionDiff {
  const fields = FIELDS.map((field) => ({
    field,
    changed: before[field] !== after[field],
    parts: diffText(before[field], after[field]),
    before: before[field],
    after: after[field],
  }));
  const rating = {
    changed: before.rating !== after.rating,
    before: before.rating,
    after: after.rating,
  };
  return { rating, fields, changed: rating.changed || fields.some((field) => field.changed) };
}
