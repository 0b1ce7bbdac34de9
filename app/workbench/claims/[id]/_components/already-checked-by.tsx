import type { Actor } from "@/lib/auth/actor";
import { listExternalChecksOfClaim } from "@/lib/exchange/list-external-checks-of-claim";
import { ExternalRating, formatDay } from "@/app/workbench/exchange/_components/external-rating";
import "@/app/workbench/exchange/exchange.css";

/** "Already checked by …": other fact-checkers' reviews of this claim (lib/exchange); nothing when there are none. */
export async function AlreadyCheckedBy({ actor, claimId }: { actor: Actor; claimId: string }) {
  const matches = await listExternalChecksOfClaim(actor, claimId);
  if (matches.length === 0) return null;
  return (
    <section className="vr-panel ex-checked-by" aria-labelledby="checked-by-title">
      <h2 id="checked-by-title" className="vr-panel-title">
        Already checked elsewhere <span className="meta">({matches.length})</span>
      </h2>
      <ul>
        {matches.map((match) => (
          <li key={match.id}>
            <p className="ex-checked-line">
              Already checked by <strong>{match.publisherName}</strong>: <ExternalRating ratingText={match.ratingText} rating={match.rating} />
              {match.reviewedAt && <span className="meta"> · {formatDay(match.reviewedAt)}</span>} ·{" "}
              <a href={match.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
                Read their fact-check<span className="visually-hidden"> by {match.publisherName}, opens in a new tab</span>
              </a>
            </p>
            <p className="meta" lang={match.language !== "und" ? match.language : undefined}>
              Their claim: “{match.claimText}”{match.claimant ? `, ${match.claimant}` : ""} ({Math.round(match.similarity * 100)}% alike)
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
