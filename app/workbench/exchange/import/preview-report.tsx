import type { ExchangePreview } from "@/lib/exchange/preview-exchange-file";
import { ExternalRating } from "../_components/external-rating";

/** What the file holds: counts, every problem with its line or item, and the first rows as they will be stored. */
export function PreviewReport({ preview }: { preview: ExchangePreview }) {
  const listedAll = preview.problems.length === preview.problemCount;
  return (
    <>
      <p className="ex-summary">
        {preview.formatLabel}: <strong>{preview.itemCount.toLocaleString("en")}</strong> item{preview.itemCount === 1 ? "" : "s"},{" "}
        <strong>{preview.goodCount.toLocaleString("en")}</strong> ready to import
        {preview.alreadyImported > 0 && <>, of which {preview.alreadyImported.toLocaleString("en")} already in Claimwork (skipped)</>}
        {preview.repeatedInFile > 0 && <>, {preview.repeatedInFile.toLocaleString("en")} repeated in the file (skipped)</>}.
      </p>
      {preview.problemCount > 0 && (
        <section className="ex-problems" aria-labelledby="problems-title">
          <h3 id="problems-title" className="form-error">
            {preview.problemCount.toLocaleString("en")} item{preview.problemCount === 1 ? " has a problem" : "s have a problem"}
            {listedAll ? "" : ` (the first ${preview.problems.length} listed)`}
          </h3>
          <table className="wb-table">
            <caption className="visually-hidden">Problems, by line or item</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Problem</th>
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
          <caption>First rows as they will be stored</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Claim</th>
              <th scope="col">Publisher</th>
              <th scope="col">Rating</th>
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
