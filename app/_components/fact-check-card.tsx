import { useFormatter, useTranslations } from "next-intl";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";

export type FactCheckCardData = {
  slug: string;
  headline: string;
  rating: RatingInfo;
  claimant: string;
  claimStatement: string;
  /** The fact-check's language: its words are marked so, whatever the page's language. */
  language: string;
  firstPublishedAt: Date;
  correctedAt: Date | null;
};

/** One published fact-check as readers meet it in lists: the verdict at a glance, then the claim. */
export function FactCheckCard({ factCheck }: { factCheck: FactCheckCardData }) {
  const t = useTranslations("reader.card");
  const format = useFormatter();
  const lang = factCheck.language !== "und" ? factCheck.language : undefined;
  return (
    <li className={`card card-${factCheck.rating.rating}`}>
      <div>
        <RatingBadge rating={factCheck.rating} /> <RatingMeter rating={factCheck.rating} />
      </div>
      <h2 lang={lang}>
        {/* A plain link: the fact-check may be in another language than this page, and only a full load
            renders the root layout's <html lang> again (a client-side navigation keeps it). */}
        <a href={`/fact-checks/${factCheck.slug}`}>{factCheck.headline}</a>
      </h2>
      <p className="claim" lang={lang}>
        {t("claim", { claimant: factCheck.claimant, statement: factCheck.claimStatement })}
      </p>
      <p className="meta">
        {t("published", { date: format.dateTime(factCheck.firstPublishedAt, "day") })}
        {factCheck.correctedAt ? ` · ${t("corrected", { date: format.dateTime(factCheck.correctedAt, "day") })}` : ""}
      </p>
    </li>
  );
}
