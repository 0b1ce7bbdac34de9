import { useLocale, useTranslations } from "next-intl";
import { formatRefusal, type ErrorMessageKey, type ErrorParams, type ErrorTranslator, type FieldIssue } from "@/lib/refusal";
import { DEFAULT_LOCALE, localeOf } from "@/lib/i18n/locales";

/** What an expected error says: a DomainError (lib/errors.ts), an ActionError (lib/actions/create-action.ts) or an API error's JSON. */
type ShownError = { code: string; message: string; messageKey?: ErrorMessageKey; issues?: FieldIssue[]; fields?: Record<string, string[]> };

function shownError(error: unknown): ShownError | null {
  if (!error || typeof error !== "object") return null;
  const { code, message, messageKey, issues, fields } = error as Partial<ShownError>;
  return typeof code === "string" && typeof message === "string" ? { code, message, messageKey, issues, fields } : null;
}

/** The `errors` translator in the shape lib/errors formats refusals with, and a field's name in this language. */
function useErrorTranslator() {
  const t = useTranslations("errors");
  const translate: ErrorTranslator = (key: string, params?: ErrorParams) => {
    if (key === "issue") return t("issue", params);
    if (key === "issueSeparator") return t("issueSeparator");
    if (key.startsWith("reasons.")) return t(`reasons.${key.slice("reasons.".length)}`, params);
    return t(`messages.${key.slice("messages.".length)}`, params);
  };
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  const known = (key: ErrorMessageKey) => t.has(`messages.${key.key}`);
  return { t, translate, label, known };
}

/**
 * An expected error in the page's language (ADR 0018): its catalogue message (with the fields or
 * items it refused) when the use case gave one, else the English message to an English reader,
 * else what its code means. Works in server and client components alike.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, translate, label, known } = useErrorTranslator();
  const locale = localeOf(useLocale());
  const shown = shownError(error);
  if (!shown) return <>{t("unexpected")}</>;
  const key = shown.messageKey;
  if (key && known(key)) return <>{formatRefusal(translate, key, shown.issues, label)}</>;
  if (locale === DEFAULT_LOCALE) return <>{shown.message}</>;
  return <>{t.has(`codes.${shown.code}`) ? t(`codes.${shown.code}`) : t("unexpected")}</>;
}

/** Why one field of a form was refused, in the page's language; nothing when it was not. */
export function useFieldReasons(error: unknown): (field: string) => string | undefined {
  const { translate } = useErrorTranslator();
  const locale = localeOf(useLocale());
  const shown = shownError(error);
  return (field) => {
    const issues = shown?.issues?.filter((issue) => issue.field === field) ?? [];
    if (issues.length > 0) return issues.map((issue) => translate(`reasons.${issue.reason}`, issue.params)).join("; ");
    const english = shown?.fields?.[field];
    return english?.length && locale === DEFAULT_LOCALE ? english.join("; ") : undefined;
  };
}
