import { useLocale, useTranslations } from "next-intl";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords, type RatingInfo } from "@/lib/verdicts/rating-scale";

const SYMBOLS: Record<string, string> = {
  false: "✕",
  mostly_false: "✕",
  mixed: "±",
  mostly_true: "✓",
  true: "✓",
  unproven: "?",
};

/** The verdict as a coloured badge with its word (in the page's language) and, on the numeric scale, a five-step meter. */
export function RatingBadge({ rating, size = "normal" }: { rating: RatingInfo; size?: "normal" | "large" }) {
  const t = useTranslations("ratings");
  const name = ratingWords(rating.rating, localeOf(useLocale())).name;
  const scale = rating.value === null ? t("offScale") : t("onScale", { value: rating.value });
  return (
    <span role="img" className={`rating rating-${rating.rating}${size === "large" ? " rating-large" : ""}`} aria-label={t("badge", { name, scale })}>
      <span className="rating-dot" aria-hidden="true">
        {SYMBOLS[rating.rating]}
      </span>
      <span aria-hidden="true">{name}</span>
    </span>
  );
}

export function RatingMeter({ rating }: { rating: RatingInfo }) {
  if (rating.value === null) return null;
  return (
    <span className="meter" aria-hidden="true" style={{ color: `var(--rating-${rating.rating})` }}>
      {[1, 2, 3, 4, 5].map((step) => (
        <span key={step} className={step <= rating.value! ? "on" : undefined} />
      ))}
    </span>
  );
}
