"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("workbenchVerdicts.conflict");
  const { conflict } = props;
  const theirs = conflict.theirs;
  const ratingName = (rating: Rating | null) => (rating ? (props.scale.find((entry) => entry.rating === rating)?.label ?? rating) : t("none"));
  const rows: { label: string; theirs: string; yours: string }[] = theirs
    ? [
        { label: t("fields.rating"), theirs: ratingName(theirs.rating), yours: ratingName(conflict.yours.rating) },
        { label: t("fields.headline"), theirs: theirs.headline, yours: conflict.yours.headline },
        { label: t("fields.summary"), theirs: theirs.summary, yours: conflict.yours.summary },
        { label: t("fields.explanation"), theirs: theirs.explanation, yours: conflict.yours.explanation },
      ]
    : [];
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("title")}</h2>
      <p>{conflict.message}</p>
      {theirs ? (
        <>
          <table className="conflict-table">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field")}</th>
                <th scope="col">{t("theirs", { version: theirs.version })}</th>
                <th scope="col">{t("yours")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className={row.theirs === row.yours ? "vr-same" : "vr-differs"}>
                  <th scope="row">
                    {row.label}
                    {row.theirs !== row.yours && <span className="vr-differs-tag">{t("differs")}</span>}
                  </th>
                  <td className="vr-pre">{row.theirs || t("empty")}</td>
                  <td className="vr-pre">{row.yours || t("empty")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="vr-actions">
            <button type="button" className="secondary" disabled={props.busy} onClick={() => props.onTakeTheirs(theirs)}>
              {t("useTheirs")}
            </button>
            <button type="button" disabled={props.busy} onClick={() => props.onKeepMine(theirs)}>
              {t("keepMine")}
            </button>
          </div>
        </>
      ) : (
        <p>{t("reload")}</p>
      )}
    </section>
  );
}
