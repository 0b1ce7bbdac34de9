import { useLocale, useTranslations } from "next-intl";
import { isDomainError } from "@/lib/errors";
import { DEFAULT_LOCALE, localeOf } from "@/lib/i18n/locales";

/**
 * An expected error in the page's language (ADR 0018): its catalogue message when the use case gave
 * one (lib/errors.ts), else the English message to an English reader, else what its code means.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  const locale = localeOf(useLocale());
  if (!isDomainError(error)) return <>{t("unexpected")}</>;
  const key = error.messageKey;
  if (key && t.has(`messages.${key.key}`)) return <>{t(`messages.${key.key}`, key.params)}</>;
  if (locale === DEFAULT_LOCALE) return <>{error.message}</>;
  return <>{t(`codes.${error.code}`)}</>;
}
