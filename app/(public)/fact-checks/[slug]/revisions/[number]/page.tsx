import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPublishedRevision } from "@/lib/publishing/get-published-revision";
import { getEnv } from "@/lib/env";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";
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
  if (!revision) return { title: "Not found" };
  return {
    title: `${revision.headline} (revision ${revision.number})`,
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
  return (
    <article className="narrow">
      {revision.isCurrent ? (
        <aside className="revision-banner revision-banner-current" aria-label="About this version">
          This is the version readers see now. <Link href={current}>See the fact-check with its sources and corrections</Link>.
        </aside>
      ) : (
        <aside className="revision-banner" aria-label="About this version">
          <strong>This is an earlier version</strong>; <Link href={current}>see the current fact-check</Link>.
          {revision.replacedBy && (
            <>
              {" "}
              It was replaced on {formatDate(revision.replacedBy.date)}.
            </>
          )}
        </aside>
      )}
      <p className="kicker">Fact-check · revision {revision.number}</p>
      <h1>{revision.headline}</h1>
      <p className="meta">Published {formatDate(revision.publishedAt)}</p>

      <section className="claim-box" aria-label="The claim">
        <blockquote lang={revision.claim.language !== "und" ? revision.claim.language : undefined}>“{revision.claim.statement}”</blockquote>
        <div className="meta">
          Claimed by <strong>{revision.claim.claimant}</strong>
          {revision.claim.claimedAt ? `, ${formatDate(revision.claim.claimedAt)}` : ""}
        </div>
      </section>

      <div className="verdict-row">
        <RatingBadge rating={revision.rating} size="large" />
        <RatingMeter rating={revision.rating} />
      </div>
      <p className="lede">{revision.summary}</p>

      <h2>Our explanation, as published then</h2>
      <Paragraphs text={revision.explanation} className="explanation" />

      {revision.replacedBy && (
        <>
          <h2>What changed in the next version</h2>
          <div className="correction">
            <strong>{formatDate(revision.replacedBy.date)}:</strong> {revision.replacedBy.whatChanged}
            <div className="meta">Why: {revision.replacedBy.why}</div>
            <div className="meta">
              {revision.replacedBy.number === revision.currentRevisionNumber ? (
                <Link href={current}>Read the current version</Link>
              ) : (
                <Link href={`/fact-checks/${revision.slug}/revisions/${revision.replacedBy.number}`}>Read the next version</Link>
              )}
            </div>
          </div>
        </>
      )}
    </article>
  );
}
