import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";

/** Another fact-checker's rating as they wrote it, and where it falls on our scale (or that it is not mapped). */
export function ExternalRating({ ratingText, rating }: { ratingText: string; rating: RatingInfo["rating"] | null }) {
  return (
    <span className="ex-rating">
      <span className="ex-their-rating">
        <span className="visually-hidden">Their rating: </span>“{ratingText}”
      </span>
      {rating ? (
        <RatingBadge rating={ratingInfo(rating)} />
      ) : (
        <span className="ex-unmapped">not mapped to our scale</span>
      )}
    </span>
  );
}

/** "14 March 2024" from the "YYYY-MM-DD" the use cases return. */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`));
}
