"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/create-action";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { saveRatingMappingAction } from "./actions";
import { ErrorMessage } from "@/app/_components/error-message";

type Result = ActionResult<unknown> | null;

/** One rating text's place on our scale: choose a rating (or Not mapped) and save. */
export function RatingMappingForm({ ratingText, rating, version, scale }: { ratingText: string; rating: string | null; version: number; scale: readonly RatingInfo[] }) {
  const t = useTranslations("workbenchExchange.ratings.form");
  const router = useRouter();
  const [result, formAction, pending] = useActionState<Result, FormData>(async (_, form) => {
    const answer = await saveRatingMappingAction(form);
    if (answer.ok) router.refresh();
    return answer;
  }, null);
  const id = `mapping-${ratingText.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-")}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="ratingText" value={ratingText} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label htmlFor={id} className="visually-hidden">
        {t("ourRatingFor", { text: ratingText })}
      </label>
      <select id={id} name="rating" defaultValue={rating ?? "unmapped"}>
        <option value="unmapped">{t("notMapped")}</option>
        {scale.map((entry) => (
          <option key={entry.rating} value={entry.rating}>
            {entry.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} aria-label={t("saveFor", { text: ratingText })}>
        {t("save")}
      </button>
      {result && !result.ok && (
        <span className="form-error" role="alert">
          <ErrorMessage error={result.error} />
        </span>
      )}
      {result?.ok && (
        <span className="form-ok" role="status">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
