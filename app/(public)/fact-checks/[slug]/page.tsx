import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPublishedFactCheck as readPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import type { PublishedSource } from "@/lib/publishing/published-source";
import { SHARE_CARD_SIZE } from "@/lib/publishing/render-share-card";
import { serializeJsonLd } from "@/lib/publishing/build-claim-review";
import { getEnv } from "@/lib/env";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { useFormatter, useTranslations } from "next-intl";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";
import { Paragraphs } from "@/app/_components/paragraphs";

// A published page is a pure function of its published revision and the snapshot approved with it
// (DESIGN.md section 7). It is rendered per request (for the CSP nonce) and cached in front of Next by
// URL (scripts/serve/reader-cache.ts); a publication or correction announces exactly the pages it
// changes (lib/publishing/announce-public-page-changes.ts), which drops them from that cache.
// Its language is the fact-check's (i18n/reader-locale.ts): labels, dates and the rating's name are
// the interface's, in that language; everything the reviewer approved is shown as approved.

// One database read per render, shared by the metadata and the page.
const getPublishedFactCheck = cache(readPublishedFactCheck);

type Props = { params: Promise<{ slug: string }> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const factCheck = await getPublishedFactCheck((await params).slug);
  const t = await getTranslations("reader.factCheck");
  if (!factCheck) return { title: t("notFound") };
  const { SITE_URL, NEWSROOM_NAME } = getEnv();
  // The one address of the page (links shared with tracking parameters or other spellings point here).
  const url = new URL(`/fact-checks/${factCheck.slug}`, SITE_URL).toString();
  return {
    title: factCheck.headline,
    description: factCheck.summary,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      siteName: NEWSROOM_NAME,
      title: factCheck.headline,
      description: factCheck.summary,
      publishedTime: factCheck.firstPublishedAt.toISOString(),
      modifiedTime: factCheck.updatedAt.toISOString(),
      locale: localeOf(await getLocale()),
      images: [
        {
          url: `${url}/share-card.png`,
          ...SHARE_CARD_SIZE,
          // The share card's words, for readers of the image's alternative text.
          alt: t("shareCard", {
            claimant: factCheck.claim.claimant,
            statement: factCheck.claim.statement,
            rating: ratingWords(factCheck.rating.rating, localeOf(await getLocale())).name,
          }),
        },
      ],
    },
    twitter: { card: "summary_large_image" },
  };
}

/** The article's title, linked to its own address when we know it. */
function SourceLink({ source }: { source: PublishedSource }) {
  return source.url ? (
    <a href={source.url} rel="nofollow noopener">
      {source.title}
    </a>
  ) : (
    <>{source.title}</>
  );
}

/** Which version of the article the quote comes from, in words that say how we know its date. */
function QuotedVersion({ source }: { source: PublishedSource }) {
  // Hooks, not awaits: a component that awaits makes Next stream its part out of order, and this page
  // must render the same bytes every time (e2e/published-snapshot.spec.ts).
  const t = useTranslations("reader.factCheck");
  const format = useFormatter();
  const date = () => <time dateTime={source.version.date.toISOString()}>{format.dateTime(source.version.date, "day")}</time>;
  return <>{source.version.known === "published" ? t.rich("quotedPublished", { date }) : t.rich("quotedRetrieved", { date })}</>;
}

export default async function FactCheckPage({ params }: Props) {
  const factCheck = await getPublishedFactCheck((await params).slug);
  if (!factCheck) notFound();
  const t = await getTranslations("reader.factCheck");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, "day");
  const lastChange = factCheck.corrections.at(-1);
  const locale = localeOf(await getLocale());
  return (
    <article className="narrow">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(factCheck.claimReview) }} />
      <p className="kicker">{t("kicker")}</p>
      <h1>{factCheck.headline}</h1>
      <p className="meta">
        {t("published", { date: day(factCheck.firstPublishedAt) })}
        {lastChange ? ` · ${t("changed", { kind: lastChange.kind, date: day(factCheck.updatedAt) })}` : ""}
      </p>
      {factCheck.byline.original ? (
        <p className="byline">
          {t.rich("archive", { url: factCheck.byline.original.url, link: (chunks) => <a href={factCheck.byline.original!.url}>{chunks}</a> })}
        </p>
      ) : (
        <p className="byline">
          {t("byline", {
            authors: factCheck.byline.authors.length > 0 ? format.list(factCheck.byline.authors, { type: "conjunction" }) : t("ourNewsroom"),
            reviewer: factCheck.byline.reviewer ?? t("secondMember"),
          })}
        </p>
      )}

      <section className="claim-box" aria-label={t("claim")}>
        <blockquote lang={factCheck.claim.language !== "und" ? factCheck.claim.language : undefined}>
          {t("quoted", { text: factCheck.claim.statement })}
        </blockquote>
        <div className="meta">
          {t.rich("claimedBy", { claimant: factCheck.claim.claimant, strong: (chunks) => <strong>{chunks}</strong> })}
          {factCheck.claim.claimedAt ? `, ${day(factCheck.claim.claimedAt)}` : ""}
        </div>
      </section>

      <div className="verdict-row">
        <RatingBadge rating={factCheck.rating} size="large" />
        <RatingMeter rating={factCheck.rating} />
      </div>
      <p className="lede">{factCheck.summary}</p>

      <h2>{t("explanation")}</h2>
      <Paragraphs text={factCheck.explanation} className="explanation" />
      {factCheck.sources.length > 0 && (
        <section aria-labelledby="sources">
          <h3 id="sources">{t("sources")}</h3>
          <ol className="sources">
            {factCheck.sources.map((source) => (
              <li key={source.id}>
                <SourceLink source={source} />
                {source.outlet ? `, ${source.outlet}` : ""}
                {source.publishedAt ? `, ${day(source.publishedAt)}` : ""}
                {/* The version quoted, unless it is the one of the date just given. */}
                {source.version.date.getTime() !== source.publishedAt?.getTime() && (
                  <>
                    ; <QuotedVersion source={source} />
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {factCheck.passages.length > 0 && (
        <>
          <h2>{t("appears")}</h2>
          {factCheck.passages.map((passage) => (
            <figure key={passage.id} className="passage">
              <blockquote lang={passage.article.language !== "und" ? passage.article.language : undefined}>
                <span className="context">…{passage.prefix}</span>
                <mark>{passage.exact}</mark>
                <span className="context">{passage.suffix}…</span>
              </blockquote>
              <figcaption className="meta">
                <SourceLink source={passage.article} />
                {passage.article.outlet ? ` · ${passage.article.outlet}` : ""} · <QuotedVersion source={passage.article} />
              </figcaption>
            </figure>
          ))}
        </>
      )}

      {factCheck.related.length > 0 && (
        <>
          <h2>{t("related")}</h2>
          <ul className="related">
            {factCheck.related.map((related) => (
              <li key={`${related.type}-${related.direction}-${related.slug}`}>
                {t("colon", { label: t("relation", { type: related.type, direction: related.direction }) })}{" "}
                {/* A plain link: a related fact-check may be in another language (see FactCheckCard). */}
                <a href={`/fact-checks/${related.slug}`}>{t("quoted", { text: related.statement })}</a> <RatingBadge rating={related.rating} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id="corrections">{t("corrections")}</h2>
      {factCheck.corrections.length === 0 ? (
        <p className="meta">
          {t.rich("noCorrections", { link: (chunks) => <Link href={`/${locale}/methodology#report-an-error`}>{chunks}</Link> })}
        </p>
      ) : (
        <ol className="vr-corrections" reversed>
          {factCheck.corrections
            .map((correction, index) => (
              <li key={index} className="correction">
                <strong>
                  {t("colon", { label: t("changed", { kind: correction.kind, date: day(correction.date) }) })}
                </strong>{" "}
                {correction.whatChanged}
                {correction.sourceUpdatedAt && <div className="meta">{t("sourceUpdated", { date: day(correction.sourceUpdatedAt) })}</div>}
                <div className="meta">{t("why", { why: correction.why })}</div>
                <div className="meta">
                  <Link href={`/fact-checks/${factCheck.slug}/revisions/${correction.fromRevision}`}>
                    {t("readBefore", { kind: correction.kind })}
                  </Link>{" "}
                  {t("publishedThen", { date: day(index === 0 ? factCheck.firstPublishedAt : factCheck.corrections[index - 1]!.date) })}
                </div>
              </li>
            ))
            .reverse()}
        </ol>
      )}
    </article>
  );
}
