"use client";

import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import type { Conflict, Rating, Theirs } from "./verdict-content";

/** A save refused because someone else saved first: both versions side by side, and the choice. */
export function ConflictPanel(props: {
  conflict: Conflict;
  scale: readonly RatingInfo[];
  busy: boolean;
  onTakeTheirs: (theirs: Theirs) => void;
  onKeepMine: (theirs: Theirs) => void;
}) {
  const { conflict } = props;
  const theirs = conflict.theirs;
  const ratingName = (rating: Rating | null) => (rating ? (props.scale.find((entry) => entry.rating === rating)?.label ?? rating) : "(none)");
  const rows: { label: string; theirs: string; yours: string }[] = theirs
    ? [
        { label: "Rating", theirs: ratingName(theirs.rating), yours: ratingName(conflict.yours.rating) },
        { label: "Headline", theirs: theirs.headline, yours: conflict.yours.headline },
        { label: "Summary", theirs: theirs.summary, yours: conflict.yours.summary },
        { label: "Explanation", theirs: theirs.explanation, yours: conflict.yours.explanation },
      ]
    : [];
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Your changes were not saved</h2>
      <p>{conflict.message}</p>
      {theirs ? (
        <>
          <table className="conflict-table">
            <caption className="visually-hidden">Their saved version and your unsaved version, side by side</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Their version (saved, version {theirs.version})</th>
                <th scope="col">Your version (not saved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className={row.theirs === row.yours ? "vr-same" : "vr-differs"}>
                  <th scope="row">
                    {row.label}
                    {row.theirs !== row.yours && <span className="vr-differs-tag">differs</span>}
                  </th>
                  <td className="vr-pre">{row.theirs || "(empty)"}</td>
                  <td className="vr-pre">{row.yours || "(empty)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="vr-actions">
            <button type="button" className="secondary" disabled={props.busy} onClick={() => props.onTakeTheirs(theirs)}>
              Use their version
            </button>
            <button type="button" disabled={props.busy} onClick={() => props.onKeepMine(theirs)}>
              Keep my version (save over theirs)
            </button>
          </div>
        </>
      ) : (
        <p>Reload the page to see the current verdict; copy anything of yours you want to keep first.</p>
      )}
    </section>
  );
}
