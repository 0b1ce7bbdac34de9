import { useLocale, useTranslations } from "next-intl";
import { localeOf } from "@/lib/i18n/locales";
import { RATING_SCALE, ratingWords } from "@/lib/verdicts/rating-scale";

/** A plain GET form: works without JavaScript, and every search is a link a reader can share (in the page's language). */
export function ReaderSearchForm({ values = {} }: { values?: { q?: string; rating?: string; language?: string; claimant?: string } }) {
  const t = useTranslations("reader.searchForm");
  const locale = localeOf(useLocale());
  return (
    <form action={`/${locale}/search`} method="get" className="reader-search" role="search" aria-label={t("label")}>
      <div className="field">
        <label htmlFor="search-q">{t("label")}</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="search-rating">{t("rating")}</label>
        <select id="search-rating" name="rating" defaultValue={values.rating ?? ""}>
          <option value="">{t("anyRating")}</option>
          {RATING_SCALE.map((entry) => (
            <option key={entry.rating} value={entry.rating}>
              {ratingWords(entry.rating, locale).name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-language">{t("language")}</label>
        <select id="search-language" name="language" defaultValue={values.language ?? ""}>
          <option value="">{t("anyLanguage")}</option>
          <option value="en">{t("english")}</option>
          <option value="fr">{t("french")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-claimant">{t("claimant")}</label>
        <input id="search-claimant" name="claimant" defaultValue={values.claimant} maxLength={200} />
      </div>
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
