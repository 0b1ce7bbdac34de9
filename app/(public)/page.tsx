import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listPublishedFactChecksCached } from "@/lib/publishing/list-published-fact-checks";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";

export const metadata: Metadata = {
  alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: "Fact-checks and corrections" }] } },
};

export default async function HomePage() {
  // Rendered per request from a list that is read again only after a publication or correction
  // (one small query per request checks that). Waiting for the request first keeps `next build`
  // from prerendering it with whatever database the build machine can see.
  await connection();
  const factChecks = await listPublishedFactChecksCached(30);
  return (
    <>
      <p className="kicker">Latest fact-checks</p>
      <h1>What was said, and what holds up</h1>
      <p className="lede narrow">
        We check claims made by public figures against the record, quote the passages we rely on and
        correct ourselves in the open.
      </p>
      {factChecks.length === 0 ? (
        <p className="empty">No fact-check has been published yet.</p>
      ) : (
        <ul className="cards" aria-label="Published fact-checks">
          {factChecks.map((factCheck) => (
            <li key={factCheck.slug} className={`card card-${factCheck.rating.rating}`}>
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
                {factCheck.corrected ? ` · Corrected ${formatDate(factCheck.updatedAt)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
