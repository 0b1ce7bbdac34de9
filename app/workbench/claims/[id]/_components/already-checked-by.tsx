import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { listExternalChecksOfClaim } from "@/lib/exchange/list-external-checks-of-claim";
import { getMatchReasons } from "@/app/workbench/_reasons/get-match-reasons";
import { ExternalRating, formatDay } from "@/app/workbench/exchange/_components/external-rating";
import "@/app/workbench/exchange/exchange.css";

/**
 * "Already checked by …": other fact-checkers' reviews of this claim, in any language, found by the
 * claim matcher (lib/exchange/match-external-fact-checks.ts), each with the matcher's reasons; a review
 * of the claim's negation is shown as such, never as the same claim. Nothing when there are none.
 */
export async function AlreadyCheckedBy({ actor, claimId }: { actor: Actor; claimId: string }) {
  const matches = await listExternalChecksOfClaim(actor, claimId);
  if (matches.length === 0) return null;
  const t = await getTranslations("workbenchClaim.checkedBy");
  const format = await getFormatter();
  const { describe } = await getMatchReasons();
  return (
    <section className="vr-panel ex-checked-by" aria-labelledby="checked-by-title">
      <h2 id="checked-by-title" className="vr-panel-title">
        {t("title")} <span className="meta">({matches.length})</span>
      </h2>
      <ul>
        {matches.map((match) => (
          <li key={match.id}>
            <p className="ex-checked-line">
              {match.match === "same_claim"
                ? t.rich("by", { publisher: match.publisherName, strong: (chunks) => <strong>{chunks}</strong> })
                : t.rich("opposite", { publisher: match.publisherName, strong: (chunks) => <strong>{chunks}</strong> })} <ExternalRating ratingText={match.ratingText} rating={match.rating} />
              {match.reviewedAt && <span className="meta"> · {formatDay(format, match.reviewedAt)}</span>} ·{" "}
              <a href={match.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
                {t("read")}
                <span className="visually-hidden"> {t("readHidden", { publisher: match.publisherName })}</span>
              </a>
            </p>
            <p className="meta" lang={match.language !== "und" ? match.language : undefined}>
              {t("theirClaim", { text: match.claimText, claimant: match.claimant ? `, ${match.claimant}` : "" })}
            </p>
            <ul className="cl-reasons" aria-label={match.match === "same_claim" ? t("whySame") : t("whyOpposite")}>
              {match.reasons.map((reason) => (
                <li key={`${reason.kind}-${describe(reason)}`} className={reason.weight < 0 ? "cl-reason-against" : undefined}>
                  {reason.weight < 0 && <span className="visually-hidden">{t("against")} </span>}
                  {describe(reason)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
