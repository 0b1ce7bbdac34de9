const LABELS: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  published: "Published",
};

/** A verdict's workflow status in words; null is a claim with no verdict yet. */
export const verdictStatusLabel = (status: string | null) => (status ? (LABELS[status] ?? status) : "No verdict yet");

/** A verdict's workflow status as a small labelled badge. */
export function VerdictStatusBadge({ status }: { status: string | null }) {
  const key = status ?? "none";
  return <span className={`status-badge status-${key}`}>{verdictStatusLabel(status)}</span>;
}
