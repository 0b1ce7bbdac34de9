import { useTranslations } from "next-intl";
import type { ExchangePreview } from "@/lib/exchange/preview-exchange-file";
import { ExternalRating } from "../_components/external-rating";

/** What the file holds: counts, every problem with its line or item, and the first rows as they will be stored. */
export function PreviewReport({ preview }: { preview: ExchangePreview }) {
  const t = useTranslations("workbenchExchangeImport");
  const listedAll = preview.problems.length === preview.problemCount;
  return (
    <>
      <p className="ex-summary">
        {t.rich("summary", {
          format: t(`format.${preview.format}`),
          items: preview.itemCount,
          good: preview.goodCount,
          already: preview.alreadyImported,
          repeated: preview.repeatedInFile,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {preview.problemCount > 0 && (
        <section className="ex-problems" aria-labelledby="problems-title">
          <h3 id="problems-title" className="form-error">
            {t("problems", { count: preview.problemCount, listed: listedAll ? "all" : String(preview.problems.length) })}
          </h3>
          <table className="wb-table">
            <caption className="visually-hidden">{t("problemsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("where")}</th>
                <th scope="col">{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((problem, index) => (
                <tr key={index}>
                  <td className="ex-where">{problem.location}</td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {preview.sample.length > 0 && (
        <table className="wb-table ex-sample">
          <caption>{t("sampleCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("where")}</th>
              <th scope="col">{t("claim")}</th>
              <th scope="col">{t("publisher")}</th>
              <th scope="col">{t("rating")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row) => (
              <tr key={row.location}>
                <td className="ex-where">{row.location}</td>
                <td>{row.claimText}</td>
                <td>
                  {row.publisherName}
                  {row.reviewedAt && <div className="meta">{row.reviewedAt}</div>}
                </td>
                <td>
                  <ExternalRating ratingText={row.ratingText} rating={row.rating} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
