import Link from "next/link";
import type { ConsistencyWarning } from "@/lib/relations/find-consistency-warnings";

const KIND_TITLES: Record<ConsistencyWarning["kind"], string> = {
  contradicting_claims_both_true: "Contradicting claims both rated true",
  true_claim_supported_by_false_claim: "True claim supported by a false one",
  same_claim_diverging_ratings: "Same claim, different ratings",
};

const INTRO: Record<"claim" | "queue" | "review" | "publish", string> = {
  claim: "The ratings of linked claims disagree with how they are linked. Check the verdicts or the links; nothing is blocked.",
  queue: "Ratings of linked claims disagree with their links.",
  review: "The ratings of linked claims disagree with how they are linked. Weigh this in the review; it does not block a decision.",
  publish:
    "Before publishing: the ratings of linked claims disagree with how they are linked. Publishing is not blocked; make sure readers will not see two fact-checks that contradict each other.",
};

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
  if (warnings.length === 0) return null;
  const count = `${warnings.length} consistency warning${warnings.length === 1 ? "" : "s"}`;

  const items = (
    <ul className="cl-warning-list">
      {warnings.map((warning) => (
        <li key={warning.relationId}>
          <strong className="cl-warning-kind">{KIND_TITLES[warning.kind]}.</strong> {warning.message}
          <span className="cl-warning-links">
            {warning.claims
              .filter((claim) => claim.id !== currentClaimId)
              .map((claim) => (
                <Link key={claim.id} href={`/workbench/claims/${claim.id}`}>
                  Open {claim.claimant}’s claim
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
        <p className="meta">{INTRO.queue}</p>
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
      <p className="cl-warnings-intro">{INTRO[placement]}</p>
      {items}
    </section>
  );
}
