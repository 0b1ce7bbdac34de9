import { useLocale, useTranslations } from "next-intl";
import type { ErrorMessageKey } from "@/lib/errors";
import { DEFAULT_LOCALE, localeOf } from "@/lib/i18n/locales";

/** What an expected error says: a DomainError (lib/errors.ts) or an ActionError (lib/actions/create-action.ts). */
type ShownError = { code: string; message: string; messageKey?: ErrorMessageKey };

function shownError(error: unknown): ShownError | null {
  if (!error || typeof error !== "object") return null;
  const { code, message, messageKey } = error as Partial<ShownError>;
  return typeof code === "string" && typeof message === "string" ? { code, message, messageKey } : null;
}

/**
 * An expected error in the page's language (ADR 0018): its catalogue message when the use case gave
 * one, else the English message to an English reader, else what its code means. Works in server and
 * client components alike.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  const locale = localeOf(useLocale());
  const shown = shownError(error);
  if (!shown) return <>{t("unexpected")}</>;
  const key = shown.messageKey;
  if (key && t.has(`messages.${key.key}`)) return <>{t(`messages.${key.key}`, key.params)}</>;
  if (locale === DEFAULT_LOCALE) return <>{shown.message}</>;
  return <>{t.has(`codes.${shown.code}`) ? t(`codes.${shown.code}`) : t("unexpected")}</>;
}
