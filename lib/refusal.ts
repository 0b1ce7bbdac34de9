// A refusal as the interface shows it in any language (ADR 0018): what client components need, without
// the English catalogue that lib/errors.ts formats server-side messages with.
type EnglishErrors = typeof import("@/messages/en/errors.json");

/**
 * What the interface shows for an error in any language (ADR 0018): a key of the message catalogue's
 * `errors.messages` and its parameters. The English message (logs, API answers, tests) is the same
 * catalogue entry formatted in English, so the two never drift apart.
 */
export type ErrorKey = keyof EnglishErrors["messages"];
export type ErrorParams = Record<string, string | number>;
export type ErrorMessageKey = { key: ErrorKey; params?: ErrorParams };

/** One refused field of an input: its name (the path) and why, as a key of `errors.reasons`. */
export type ReasonKey = keyof EnglishErrors["reasons"];
export type FieldIssue = { field: string; reason: ReasonKey; params?: ErrorParams; quoted?: boolean };

/** A translator bound to the `errors` namespace, in whichever language. */
export type ErrorTranslator = (key: string, params?: ErrorParams) => string;

/**
 * A refusal in one language: its message, with the refused items (fields, claims, missing parts)
 * listed where the message says {list}. `label` names a field (English logs keep its path).
 */
export function formatRefusal(t: ErrorTranslator, { key, params }: ErrorMessageKey, issues: readonly FieldIssue[] = [], label = (field: string) => field): string {
  const items = issues.map((issue) => {
    const reason = t(`reasons.${issue.reason}`, issue.params);
    if (!issue.field) return reason;
    return t("issue", { field: issue.quoted ? `“${issue.field}”` : label(issue.field), reason });
  });
  if (items.length === 0) return t(`messages.${key}`, params);
  return t(`messages.${key}`, { ...params, list: items.join(issues.every((issue) => !issue.field) ? ", " : t("issueSeparator")) });
}
