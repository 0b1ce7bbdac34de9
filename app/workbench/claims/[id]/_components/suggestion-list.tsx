"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { relateClaimsAction } from "../actions";
import { ErrorMessage } from "@/app/_components/error-message";
import type { ActionError } from "@/lib/actions/create-action";

export type SuggestionItem = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  rating: string | null;
  ratingLabel: string | null;
  match: "likely_same" | "contradicts" | "related";
  /** Each signal as the editor reads it; `against` marks those that speak against a link. */
  reasons: { text: string; against: boolean }[];
  rationale: string;
};

type LinkKind = "same_claim" | "supports" | "contradicts";


/** The evidence picks the first button; a claim and its negation are never offered as the same claim. */
const BUTTON_ORDER: Record<SuggestionItem["match"], LinkKind[]> = {
  likely_same: ["same_claim", "contradicts", "supports"],
  contradicts: ["contradicts", "supports"],
  related: ["supports", "contradicts", "same_claim"],
};

// Each group's title is workbenchClaim.suggestions.groups.<match>.
const GROUPS: { match: SuggestionItem["match"]; id: string }[] = [
  { match: "likely_same", id: "suggest-duplicates" },
  { match: "contradicts", id: "suggest-contradicts" },
  { match: "related", id: "suggest-related" },
];

/**
 * Suggested links, each one click away. relateClaims needs a rationale: the matcher's is filled in
 * and marked as a machine suggestion until the editor edits it or accepts it; a link made without
 * either keeps the mark in the saved rationale.
 */
export function SuggestionList({ claimId, suggestions, canRelate }: { claimId: string; suggestions: SuggestionItem[]; canRelate: boolean }) {
  const t = useTranslations("workbenchClaim.suggestions");
  const router = useRouter();
  const [rationales, setRationales] = useState<Record<string, string>>(() =>
    Object.fromEntries(suggestions.map((suggestion) => [suggestion.id, suggestion.rationale])),
  );
  const [reviewed, setReviewed] = useState<Record<string, boolean>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok"; text: string } | { kind: "error"; error: ActionError } | null>(null);

  async function link(suggestion: SuggestionItem, kind: LinkKind) {
    setPending(suggestion.id);
    setMessage(null);
    const text = rationales[suggestion.id] ?? suggestion.rationale;
    const result = await relateClaimsAction({
      type: kind,
      // "Supports this": the suggested claim supports the claim on the page.
      fromClaimId: kind === "supports" ? suggestion.id : claimId,
      toClaimId: kind === "supports" ? claimId : suggestion.id,
      // A rationale the editor has not edited or accepted is saved with this mark, in the editor's language.
      rationale: reviewed[suggestion.id] ? text : t("suggestedMark", { text }),
    });
    setPending(null);
    if (!result.ok) {
      setMessage({ kind: "error", error: result.error });
      return;
    }
    setMessage({ kind: "ok", text: t(`done.${kind}`, { claimant: suggestion.claimant }) });
    router.refresh();
  }

  const group = (title: string, items: SuggestionItem[], id: string) =>
    items.length > 0 && (
      <section key={id} aria-labelledby={id} className="cl-suggestion-group">
        <h3 id={id}>{title}</h3>
        <ul className="cl-suggestions">
          {items.map((suggestion) => (
            <li key={suggestion.id} className="cl-suggestion">
              <p className="cl-suggestion-claim">
                <Link href={`/workbench/claims/${suggestion.id}`} lang={suggestion.language !== "und" ? suggestion.language : undefined}>
                  {suggestion.statement}
                </Link>
              </p>
              <p className="cl-suggestion-meta">
                <span>{suggestion.claimant}</span>
                <span className="cl-lang">{suggestion.language.toUpperCase()}</span>
                {suggestion.ratingLabel ? (
                  <span className={`cl-mini-rating rating-${suggestion.rating}`}>{suggestion.ratingLabel}</span>
                ) : (
                  <span className="cl-mini-rating cl-mini-none">{t("noVerdict")}</span>
                )}
              </p>
              <ul className="cl-reasons" aria-label={t("why")}>
                {suggestion.reasons.map((reason) => (
                  <li key={reason.text} className={reason.against ? "cl-reason-against" : undefined}>
                    {reason.against && <span className="visually-hidden">{t("against")} </span>}
                    {reason.text}
                  </li>
                ))}
              </ul>
              {canRelate && (
                <div className="cl-suggestion-actions">
                  <label htmlFor={`rationale-${suggestion.id}`} className="cl-small-label">
                    {t("rationale")}
                    {!reviewed[suggestion.id] && <span className="cl-machine-mark"> {t("machine")}</span>}
                  </label>
                  <div className="cl-rationale-line">
                    <input
                      id={`rationale-${suggestion.id}`}
                      value={rationales[suggestion.id] ?? suggestion.rationale}
                      onChange={(event) => {
                        setRationales((current) => ({ ...current, [suggestion.id]: event.target.value }));
                        setReviewed((current) => ({ ...current, [suggestion.id]: true }));
                      }}
                      maxLength={2000}
                    />
                    {!reviewed[suggestion.id] && (
                      <button type="button" className="cl-small secondary" onClick={() => setReviewed((current) => ({ ...current, [suggestion.id]: true }))}>
                        {t("accept")}
                        <span className="visually-hidden">: {suggestion.statement}</span>
                      </button>
                    )}
                  </div>
                  <div className="cl-link-buttons" role="group" aria-label={t("linkGroup", { claimant: suggestion.claimant })}>
                    {BUTTON_ORDER[suggestion.match].map((kind, position) => (
                      <button
                        key={kind}
                        type="button"
                        className={`cl-small ${position === 0 && suggestion.match !== "related" ? "" : "secondary"}`}
                        disabled={pending !== null}
                        onClick={() => link(suggestion, kind)}>
                        {t(`buttons.${kind}`)}
                        <span className="visually-hidden">: {suggestion.statement}</span>
                      </button>
                    ))}
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <>
      <p className={message?.kind === "error" ? "form-error" : "form-ok"} role="status">
        {message?.kind === "error" ? <ErrorMessage error={message.error} /> : message?.text}
      </p>
      {suggestions.length === 0 ? (
        <p className="meta">{t("empty")}</p>
      ) : (
        GROUPS.map(({ match, id }) => group(t(`groups.${match}`), suggestions.filter((suggestion) => suggestion.match === match), id))
      )}
    </>
  );
}
