const LABELS: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  published: "Published",
};

/** A verdict's workflow status as a small labelled badge. */
export function VerdictStatusBadge({ status }: { status: string | null }) {
  const key = status ?? "none";
  return <span className={`status-badge status-${key}`}>{status ? (LABELS[status] ?? status) : "No verdict yet"}</span>;
}
