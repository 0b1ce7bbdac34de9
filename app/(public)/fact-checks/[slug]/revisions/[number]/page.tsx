import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPublishedRevision } from "@/lib/publishing/get-published-revision";
import { getEnv } from "@/lib/env";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { getFormatter, getTranslations } from "next-intl/server";
import { Paragraphs } from "@/app/_components/paragraphs";

// A revision readers saw is fixed: cached in front of Next like the fact-check page, and dropped from
// that cache when a correction replaces it.

type Props = { params: Promise<{ slug: string; number: string }> };

const load = cache(async (slug: string, number: string) => {
  // Only a plain revision number ("2"), never "02" or "2.0": one address per revision.
  if (!/^[1-9][0-9]{0,8}$/.test(number)) return null;
  return getPublishedRevision(slug, Number(number));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, number } = await params;
  const revision = await load(slug, number);
  const tf = await getTranslations("reader.factCheck");
  if (!revision) return { title: tf("notFound") };
  const t = await getTranslations("reader.revision");
  return {
    title: t("title", { headline: revision.headline, number: revision.number }),
    description: revision.summary,
    // The current fact-check is the page search engines should show.
    robots: { index: false, follow: true },
    alternates: { canonical: new URL(`/fact-checks/${revision.slug}`, getEnv().SITE_URL).toString() },
  };
}

export default async function PublishedRevisionPage({ params }: Props) {
  const { slug, number } = await params;
  const revision = await load(slug, number);
  if (!revision) notFound();
  const current = `/fact-checks/${revision.slug}`;
  const t = await getTranslations("reader.revision");
  const tf = await getTranslations("reader.factCheck");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, "day");
  return (
    <article className="narrow">
      {revision.isCurrent ? (
        <aside className="revision-banner revision-banner-current" aria-label={t("about")}>
          {t.rich("current", { link: (chunks) => <Link href={current}>{chunks}</Link> })}
        </aside>
      ) : (
        <aside className="revision-banner" aria-label={t("about")}>
          {t.rich("earlier", { strong: (chunks) => <strong>{chunks}</strong>, link: (chunks) => <Link href={current}>{chunks}</Link> })}
          {revision.replacedBy && <> {t("replacedOn", { date: day(revision.replacedBy.date) })}</>}
        </aside>
      )}
      <p className="kicker">{t("kicker", { number: revision.number })}</p>
      <h1>{revision.headline}</h1>
      <p className="meta">{tf("published", { date: day(revision.publishedAt) })}</p>

      <section className="claim-box" aria-label={tf("claim")}>
        <blockquote lang={revision.claim.language !== "und" ? revision.claim.language : undefined}>
          {tf("quoted", { text: revision.claim.statement })}
        </blockquote>
        <div className="meta">
          {tf.rich("claimedBy", { claimant: revision.claim.claimant, strong: (chunks) => <strong>{chunks}</strong> })}
          {revision.claim.claimedAt ? `, ${day(revision.claim.claimedAt)}` : ""}
        </div>
      </section>

      <div className="verdict-row">
        <RatingBadge rating={revision.rating} size="large" />
        <RatingMeter rating={revision.rating} />
      </div>
      <p className="lede">{revision.summary}</p>

      <h2>{t("explanation")}</h2>
      <Paragraphs text={revision.explanation} className="explanation" />

      {revision.replacedBy && (
        <>
          <h2>{t("whatChanged")}</h2>
          <div className="correction">
            <strong>{tf("colon", { label: day(revision.replacedBy.date) })}</strong> {revision.replacedBy.whatChanged}
            <div className="meta">{tf("why", { why: revision.replacedBy.why })}</div>
            <div className="meta">
              {revision.replacedBy.number === revision.currentRevisionNumber ? (
                <Link href={current}>{t("readCurrent")}</Link>
              ) : (
                <Link href={`/fact-checks/${revision.slug}/revisions/${revision.replacedBy.number}`}>{t("readNext")}</Link>
              )}
            </div>
          </div>
        </>
      )}
    </article>
  );
}
