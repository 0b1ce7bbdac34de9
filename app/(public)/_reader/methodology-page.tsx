import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RATING_SCALE, ratingWords } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { localeAlternates, readerLocale } from "./alternates";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await readerLocale();
  const t = await getTranslations("reader.methodology");
  return { title: t("title"), alternates: localeAlternates(locale, "/methodology") };
}

export default async function MethodologyPage() {
  const locale = await readerLocale();
  const t = await getTranslations("reader.methodology");
  return (
    <div className="narrow">
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <h2>{t("scale")}</h2>
      <table>
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rating")}</th>
            <th scope="col">{t("score")}</th>
            <th scope="col">{t("meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {RATING_SCALE.map((entry) => (
            <tr key={entry.rating}>
              <td>
                <RatingBadge rating={entry} />
              </td>
              <td>{entry.value ?? "—"}</td>
              <td>{ratingWords(entry.rating, locale).meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("fourEyes")}</h2>
      <p>{t("fourEyesText")}</p>
      <h2>{t("corrections")}</h2>
      <p>{t("correctionsText")}</p>
      <h2 id="report-an-error">{t("report")}</h2>
      <p>{t.rich("reportText", { email: (chunks) => <a href="mailto:corrections@claimwork.example">{chunks}</a> })}</p>
    </div>
  );
}
