import type { Metadata } from "next";
import { RATING_SCALE } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";

export const metadata: Metadata = { title: "Methodology" };

export default function MethodologyPage() {
  return (
    <div className="narrow">
      <p className="kicker">How we work</p>
      <h1>Methodology</h1>
      <p className="lede">
        Every fact-check starts from what was actually said, quoted from the articles where it appears,
        and ends with a rating on one scale that is the same for everyone.
      </p>
      <h2>The rating scale</h2>
      <table>
        <caption className="visually-hidden">Ratings and what they mean</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Score</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {RATING_SCALE.map((entry) => (
            <tr key={entry.rating}>
              <td>
                <RatingBadge rating={entry} />
              </td>
              <td>{entry.value ?? "—"}</td>
              <td>{entry.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Four eyes on every verdict</h2>
      <p>
        An editor drafts each verdict; a different person, a reviewer, approves the exact version that
        is published. Nobody approves their own work.
      </p>
      <h2>Corrections policy</h2>
      <p>
        When we get something wrong we correct the fact-check, say on the page what changed and why,
        and keep the earlier version on record.
      </p>
      <h2 id="report-an-error">How to report an error</h2>
      <p>
        Write to the desk at <a href="mailto:corrections@claimwork.example">corrections@claimwork.example</a>{" "}
        with the address of the fact-check and what you believe is wrong. We answer every report.
      </p>
    </div>
  );
}
