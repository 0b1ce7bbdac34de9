import Link from "next/link";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";

export type FactCheckCardData = {
  slug: string;
  headline: string;
  rating: RatingInfo;
  claimant: string;
  claimStatement: string;
  firstPublishedAt: Date;
  correctedAt: Date | null;
};

/** One published fact-check as readers meet it in lists: the verdict at a glance, then the claim. */
export function FactCheckCard({ factCheck }: { factCheck: FactCheckCardData }) {
  return (
    <li className={`card card-${factCheck.rating.rating}`}>
      <div>
        <RatingBadge rating={factCheck.rating} /> <RatingMeter rating={factCheck.rating} />
      </div>
      <h2>
        <Link href={`/fact-checks/${factCheck.slug}`}>{factCheck.headline}</Link>
      </h2>
      <p className="claim">
        {factCheck.claimant}: “{factCheck.claimStatement}”
      </p>
      <p className="meta">
        Published {formatDate(factCheck.firstPublishedAt)}
        {factCheck.correctedAt ? ` · Corrected ${formatDate(factCheck.correctedAt)}` : ""}
      </p>
    </li>
  );
}
