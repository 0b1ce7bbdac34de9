import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPublishedFactCheck as readPublishedFactCheck, type PublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import type { PublishedSource } from "@/lib/publishing/published-source";
import { SHARE_CARD_SIZE } from "@/lib/publishing/render-share-card";
import { serializeJsonLd } from "@/lib/publishing/build-claim-review";
import { getEnv } from "@/lib/env";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";
import { RELATION_WORDS } from "@/lib/relations/relation-words";
import { Paragraphs } from "@/app/_components/paragraphs";

// A published page is a pure function of its published revision and the snapshot approved with it
// (DESIGN.md section 7). It is rendered per request (for the CSP nonce) and cached in front of Next by
// URL (scripts/serve/reader-cache.ts); a publication or correction announces exactly the pages it
// changes (lib/publishing/announce-public-page-changes.ts), which drops them from that cache.

// One database read per render, shared by the metadata and the page.
const getPublishedFactCheck = cache(readPublishedFactCheck);

type Props = { params: Promise<{ slug: string }> };

const CHANGE_WORDS = { correction: "Corrected", update: "Updated" } as const;
const NAMES = new Intl.ListFormat("en", { type: "conjunction" });
const listNames = (names: string[]) => (names.length > 0 ? NAMES.format(names) : "our newsroom");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const factCheck = await getPublishedFactCheck((await params).slug);
  if (!factCheck) return { title: "Not found" };
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
      images: [{ url: `${url}/share-card.png`, ...SHARE_CARD_SIZE, alt: shareCardText(factCheck) }],
    },
    twitter: { card: "summary_large_image" },
  };
}

/** The share card's words, for readers of the image's alternative text. */
const shareCardText = (factCheck: PublishedFactCheck) =>
  `${factCheck.claim.claimant}: “${factCheck.claim.statement}” Our rating: ${factCheck.rating.label}.`;

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
  const date = <time dateTime={source.version.date.toISOString()}>{formatDate(source.version.date)}</time>;
  return source.version.known === "published" ? <>quoted as published on {date}</> : <>quoted as retrieved on {date}</>;
}

export default async function FactCheckPage({ params }: Props) {
  const factCheck = await getPublishedFactCheck((await params).slug);
  if (!factCheck) notFound();
  return (
    <article className="narrow">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(factCheck.claimReview) }} />
      <p className="kicker">Fact-check</p>
      <h1>{factCheck.headline}</h1>
      <p className="meta">
        Published {formatDate(factCheck.firstPublishedAt)}
        {factCheck.corrections.length > 0 ? ` · ${CHANGE_WORDS[factCheck.corrections.at(-1)!.kind]} ${formatDate(factCheck.updatedAt)}` : ""}
      </p>
      {factCheck.byline.original ? (
        <p className="byline">
          From our archive: first published at <a href={factCheck.byline.original.url}>{factCheck.byline.original.url}</a>
        </p>
      ) : (
        <p className="byline">
          By {listNames(factCheck.byline.authors)} · Reviewed by {factCheck.byline.reviewer ?? "a second member of our newsroom"}
        </p>
      )}

      <section className="claim-box" aria-label="The claim">
        <blockquote lang={factCheck.claim.language !== "und" ? factCheck.claim.language : undefined}>
          “{factCheck.claim.statement}”
        </blockquote>
        <div className="meta">
          Claimed by <strong>{factCheck.claim.claimant}</strong>
          {factCheck.claim.claimedAt ? `, ${formatDate(factCheck.claim.claimedAt)}` : ""}
        </div>
      </section>

      <div className="verdict-row">
        <RatingBadge rating={factCheck.rating} size="large" />
        <RatingMeter rating={factCheck.rating} />
      </div>
      <p className="lede">{factCheck.summary}</p>

      <h2>Our explanation</h2>
      <Paragraphs text={factCheck.explanation} className="explanation" />
      {factCheck.sources.length > 0 && (
        <section aria-labelledby="sources">
          <h3 id="sources">Sources</h3>
          <ol className="sources">
            {factCheck.sources.map((source) => (
              <li key={source.id}>
                <SourceLink source={source} />
                {source.outlet ? `, ${source.outlet}` : ""}
                {source.publishedAt ? `, ${formatDate(source.publishedAt)}` : ""}
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
          <h2>Where the claim appears</h2>
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
          <h2>Related fact-checks</h2>
          <ul className="related">
            {factCheck.related.map((related) => (
              <li key={`${related.type}-${related.direction}-${related.slug}`}>
                {RELATION_WORDS[related.type][related.direction]}:{" "}
                <Link href={`/fact-checks/${related.slug}`}>“{related.statement}”</Link> <RatingBadge rating={related.rating} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id="corrections">Corrections and updates</h2>
      {factCheck.corrections.length === 0 ? (
        <p className="meta">No corrections. If you see an error, <Link href="/methodology#report-an-error">tell us</Link>.</p>
      ) : (
        <ol className="vr-corrections" reversed>
          {factCheck.corrections
            .map((correction, index) => (
              <li key={index} className="correction">
                <strong>
                  {CHANGE_WORDS[correction.kind]} {formatDate(correction.date)}:
                </strong>{" "}
                {correction.whatChanged}
                {correction.sourceUpdatedAt && <div className="meta">The source article was updated on {formatDate(correction.sourceUpdatedAt)}.</div>}
                <div className="meta">Why: {correction.why}</div>
                <div className="meta">
                  <Link href={`/fact-checks/${factCheck.slug}/revisions/${correction.fromRevision}`}>
                    Read the version before this {correction.kind}
                  </Link>{" "}
                  (published {formatDate(index === 0 ? factCheck.firstPublishedAt : factCheck.corrections[index - 1]!.date)})
                </div>
              </li>
            ))
            .reverse()}
        </ol>
      )}
    </article>
  );
}
