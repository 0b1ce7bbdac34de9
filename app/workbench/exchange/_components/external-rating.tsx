import { useTranslations } from "next-intl";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";

/** Another fact-checker's rating as they wrote it, and where it falls on our scale (or that it is not mapped). */
export function ExternalRating({ ratingText, rating }: { ratingText: string; rating: RatingInfo["rating"] | null }) {
  const t = useTranslations("workbenchExchange.rating");
  return (
    <span className="ex-rating">
      <span className="ex-their-rating">
        <span className="visually-hidden">{t("theirs")} </span>
        {t("quoted", { text: ratingText })}
      </span>
      {rating ? (
        <RatingBadge rating={ratingInfo(rating)} />
      ) : (
        <span className="ex-unmapped">{t("unmapped")}</span>
      )}
    </span>
  );
}

/** "14 March 2024" (14 mars 2024) from the "YYYY-MM-DD" the use cases return, with next-intl's formatter. */
export function formatDay(format: { dateTime: (date: Date, format: "day") => string }, day: string): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), "day");
}
