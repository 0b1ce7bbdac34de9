"use client";

import { useTranslations } from "next-intl";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import type { Rating } from "./verdict-content";

/** The rating, one choice per step of the scale, each with its meaning. */
export function RatingField(props: { ids: string; scale: readonly RatingInfo[]; value: Rating | null; error?: string; onChange: (rating: Rating) => void }) {
  const t = useTranslations("workbenchVerdicts.editor");
  const { ids, error } = props;
  return (
    <fieldset className="rating-options" aria-describedby={error ? `${ids}-rating-error` : undefined}>
      <legend>{t("rating")}</legend>
      {props.scale.map((entry) => (
        <div key={entry.rating} className={`rating-option rating-option-${entry.rating}`}>
          <input
            type="radio"
            id={`${ids}-rating-${entry.rating}`}
            name="rating"
            value={entry.rating}
            checked={props.value === entry.rating}
            onChange={() => props.onChange(entry.rating)}
            aria-describedby={`${ids}-meaning-${entry.rating}`}
          />
          <label htmlFor={`${ids}-rating-${entry.rating}`}>
            <span className="swatch" aria-hidden="true" />
            {entry.label}
            <span className="score">{entry.value === null ? t("outsideScale") : t("ofFive", { value: entry.value })}</span>
          </label>
          <span className="meaning" id={`${ids}-meaning-${entry.rating}`}>
            {entry.meaning}
          </span>
        </div>
      ))}
      {error && (
        <p className="form-error" id={`${ids}-rating-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
