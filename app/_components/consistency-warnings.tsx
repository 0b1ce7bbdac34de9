import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ConsistencyWarning } from "@/lib/relations/find-consistency-warnings";
import { shortStatement } from "@/lib/relations/consistency-rules";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";

/**
 * Consistency warnings (lib/relations/consistency-rules.ts) with links to both claims. They warn
 * and never block. Text only, rendered by React: claim statements cannot inject markup.
 */
export function ConsistencyWarnings({
  warnings,
  placement = "claim",
  currentClaimId,
}: {
  warnings: ConsistencyWarning[];
  placement?: "claim" | "queue" | "review" | "publish";
  /** On a claim page, only the other claim gets a link. */
  currentClaimId?: string;
}) {
  const t = useTranslations("consistencyWarnings");
  const locale = localeOf(useLocale());
  if (warnings.length === 0) return null;
  const count = t("count", { count: warnings.length });
  // The sentence is the page's, in its language; lib's English message is for logs and the API.
  const sentence = ({ kind, claims: [from, to] }: ConsistencyWarning) =>
    t(`message.${kind}`, {
      from: t("quoted", { claimant: from.claimant, statement: shortStatement(from.statement) }),
      to: t("quoted", { claimant: to.claimant, statement: shortStatement(to.statement) }),
      fromRating: from.rating ? ratingWords(from.rating, locale).name : "",
      toRating: to.rating ? ratingWords(to.rating, locale).name : "",
    });

  const items = (
    <ul className="cl-warning-list">
      {warnings.map((warning) => (
        <li key={warning.relationId}>
          <strong className="cl-warning-kind">{t(`title.${warning.kind}`)}.</strong> {sentence(warning)}
          <span className="cl-warning-links">
            {warning.claims
              .filter((claim) => claim.id !== currentClaimId)
              .map((claim) => (
                <Link key={claim.id} href={`/workbench/claims/${claim.id}`}>
                  {t("open", { claimant: claim.claimant })}
                </Link>
              ))}
          </span>
        </li>
      ))}
    </ul>
  );

  if (placement === "queue") {
    return (
      <details className="cl-warnings-compact">
        <summary>
          <span aria-hidden="true" className="cl-warning-icon">
            !
          </span>{" "}
          {count}
        </summary>
        <p className="meta">{t("intro.queue")}</p>
        {items}
      </details>
    );
  }

  return (
    <section className={`cl-warnings${placement === "publish" ? " cl-warnings-publish" : ""}`} aria-label={count} role="note">
      <p className="cl-warnings-title">
        <span aria-hidden="true" className="cl-warning-icon">
          !
        </span>{" "}
        {count}
      </p>
      <p className="cl-warnings-intro">{t(`intro.${placement}`)}</p>
      {items}
    </section>
  );
}
