import { useTranslations } from "next-intl";

/** The workflow statuses with words in the catalogue (workbenchShared.status); "none" is a claim with no verdict yet. */
export const VERDICT_STATUS_KEYS = ["none", "draft", "in_review", "changes_requested", "approved", "published"] as const;
export type VerdictStatusKey = (typeof VERDICT_STATUS_KEYS)[number];

export const verdictStatusKey = (status: string | null): VerdictStatusKey =>
  (VERDICT_STATUS_KEYS as readonly string[]).includes(status ?? "none") ? ((status ?? "none") as VerdictStatusKey) : "none";

/** A verdict's workflow status as a small labelled badge, in the workbench's language. */
export function VerdictStatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("workbenchShared");
  const key = status ?? "none";
  return <span className={`status-badge status-${key}`}>{t(`status.${verdictStatusKey(status)}`)}</span>;
}
