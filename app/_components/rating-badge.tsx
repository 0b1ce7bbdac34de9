import type { RatingInfo } from "@/lib/verdicts/rating-scale";

const SYMBOLS: Record<string, string> = {
  false: "✕",
  mostly_false: "✕",
  mixed: "±",
  mostly_true: "✓",
  true: "✓",
  unproven: "?",
};

/** The verdict as a coloured badge with its word and, on the numeric scale, a five-step meter. */
export function RatingBadge({ rating, size = "normal" }: { rating: RatingInfo; size?: "normal" | "large" }) {
  const scale = rating.value === null ? "outside the 1 to 5 scale" : `${rating.value} on a scale of 1 (false) to 5 (true)`;
  return (
    <span
      role="img"
      className={`rating rating-${rating.rating}${size === "large" ? " rating-large" : ""}`}
      aria-label={`Rating: ${rating.label}, ${scale}`}>
      <span className="rating-dot" aria-hidden="true">
        {SYMBOLS[rating.rating]}
      </span>
      <span aria-hidden="true">{rating.label}</span>
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
