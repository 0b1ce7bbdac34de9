import Link from "next/link";
import { listPublishedFactChecks } from "@/lib/publishing/list-published-fact-checks";
import { RatingBadge, RatingMeter } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const factChecks = await listPublishedFactChecks();
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
                {factCheck.corrected ? " · Corrected" : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
