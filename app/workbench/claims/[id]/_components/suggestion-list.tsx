"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { relateClaimsAction } from "../actions";

export type SuggestionItem = {
  id: string;
  statement: string;
  claimant: string;
  language: string;
  rating: string | null;
  ratingLabel: string | null;
  likelyDuplicate: boolean;
  reasons: string[];
  rationale: string;
};

type LinkKind = "same_claim" | "supports" | "contradicts";

const BUTTONS: { kind: LinkKind; label: string; done: string }[] = [
  { kind: "same_claim", label: "Same claim", done: "Linked as the same claim" },
  { kind: "supports", label: "Supports this", done: "Linked: it supports this claim" },
  { kind: "contradicts", label: "Contradicts", done: "Linked: they contradict each other" },
];

/**
 * Suggested links, each one click away: "same claim", "supports this" (the suggested claim supports
 * the one on the page) or "contradicts". relateClaims needs a rationale: a suggested one is filled in,
 * and the editor can change it first.
 */
export function SuggestionList({ claimId, suggestions, canRelate }: { claimId: string; suggestions: SuggestionItem[]; canRelate: boolean }) {
  const router = useRouter();
  const [rationales, setRationales] = useState<Record<string, string>>(() =>
    Object.fromEntries(suggestions.map((suggestion) => [suggestion.id, suggestion.rationale])),
  );
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function link(suggestion: SuggestionItem, kind: LinkKind, done: string) {
    setPending(suggestion.id);
    setMessage(null);
    const result = await relateClaimsAction({
      type: kind,
      // "Supports this": the suggested claim supports the claim on the page.
      fromClaimId: kind === "supports" ? suggestion.id : claimId,
      toClaimId: kind === "supports" ? claimId : suggestion.id,
      rationale: rationales[suggestion.id] ?? suggestion.rationale,
    });
    setPending(null);
    if (!result.ok) {
      setMessage({ kind: "error", text: result.error.message });
      return;
    }
    setMessage({ kind: "ok", text: `${done}: ${suggestion.claimant}’s claim. It is now listed under Links.` });
    router.refresh();
  }

  const duplicates = suggestions.filter((suggestion) => suggestion.likelyDuplicate);
  const related = suggestions.filter((suggestion) => !suggestion.likelyDuplicate);

  const group = (title: string, items: SuggestionItem[], id: string) =>
    items.length > 0 && (
      <section aria-labelledby={id} className="cl-suggestion-group">
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
                  <span className="cl-mini-rating cl-mini-none">No verdict yet</span>
                )}
              </p>
              <ul className="cl-reasons" aria-label="Why it is suggested">
                {suggestion.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {canRelate && (
                <div className="cl-suggestion-actions">
                  <label htmlFor={`rationale-${suggestion.id}`} className="cl-small-label">
                    Rationale
                  </label>
                  <input
                    id={`rationale-${suggestion.id}`}
                    value={rationales[suggestion.id] ?? suggestion.rationale}
                    onChange={(event) => setRationales((current) => ({ ...current, [suggestion.id]: event.target.value }))}
                    maxLength={2000}
                  />
                  <div className="cl-link-buttons" role="group" aria-label={`Link ${suggestion.claimant}’s claim`}>
                    {BUTTONS.map((button) => (
                      <button
                        key={button.kind}
                        type="button"
                        className={`cl-small ${button.kind === "same_claim" && suggestion.likelyDuplicate ? "" : "secondary"}`}
                        disabled={pending !== null}
                        onClick={() => link(suggestion, button.kind, button.done)}>
                        {button.label}
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
        {message?.text}
      </p>
      {suggestions.length === 0 ? (
        <p className="meta">No similar claim, no other claim by this claimant, and no overlapping passage that is not linked yet.</p>
      ) : (
        <>
          {group("Likely the same claim", duplicates, "suggest-duplicates")}
          {group("Related claims", related, "suggest-related")}
        </>
      )}
    </>
  );
}
