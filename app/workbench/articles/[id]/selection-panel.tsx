"use client";

import type { ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import type { ClaimSearchItem } from "@/lib/search/search-claims";
import { AttachToClaim } from "./attach-to-claim";
import { CreateClaimForm, type NewClaim } from "./create-claim-form";
import { excerpt } from "./excerpt";
import type { TextSelection } from "./use-text-selection";

/** A claim proposed from a check-worthy sentence: the sentence is the passage, statement and claimant are proposals. */
export type ProposedClaim = { passage: TextSelection; statement: string; claimant: string };

export type AnnotatorMode = { kind: "idle" } | { kind: "create"; proposed?: ProposedClaim } | { kind: "attach" } | { kind: "reattach"; passageId: string };

/**
 * What the editor can do with the selected text: make a claim of it, attach it to one, or re-attach a
 * lost passage there. A claim proposed from a candidate sentence stands in for the selection.
 */
export function SelectionPanel({
  article,
  selection: selected,
  mode,
  pending,
  onMode,
  onCreate,
  onAttach,
  onReattach,
}: {
  article: ArticleForAnnotation;
  selection: TextSelection | null;
  mode: AnnotatorMode;
  pending: boolean;
  onMode: (mode: AnnotatorMode) => void;
  onCreate: (claim: NewClaim) => void;
  onAttach: (claim: ClaimSearchItem) => void;
  onReattach: (passageId: string) => void;
}) {
  const idle = () => onMode({ kind: "idle" });
  // A claim proposed from a candidate, unless the editor has selected other text since.
  const proposed = mode.kind === "create" && !selected ? mode.proposed : undefined;
  const selection = selected ?? proposed?.passage ?? null;
  return (
    <section className="panel-box" aria-label="Selection">
      <h2>Selection</h2>
      {selection ? (
        <>
          <blockquote className="selection-quote">“{excerpt(selection.exact, 220)}”</blockquote>
          <p className="meta">
            Characters {selection.start}–{selection.end}
          </p>
          {mode.kind === "reattach" ? (
            <div className="button-row">
              <button type="button" disabled={pending} onClick={() => onReattach(mode.passageId)}>
                Re-attach passage here
              </button>
              <button type="button" className="secondary" onClick={idle}>
                Cancel
              </button>
            </div>
          ) : (
            <div className="button-row">
              <button type="button" onClick={() => onMode({ kind: "create" })}>
                Create claim from selection
              </button>
              <button type="button" className="secondary" onClick={() => onMode({ kind: "attach" })}>
                Attach to existing claim
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="meta">
          {mode.kind === "reattach"
            ? "Select the text where the lost passage now is, then re-attach it."
            : "Select a passage in the text to create a claim from it or attach it to a claim."}
        </p>
      )}
      {mode.kind === "create" && selection && (
        <CreateClaimForm
          key={`${selection.start}-${selection.end}`}
          selection={selection}
          proposal={proposed}
          language={article.language}
          claimedAt={article.publishedAt}
          pending={pending}
          onSubmit={onCreate}
          onCancel={idle}
        />
      )}
      {mode.kind === "attach" && selection && <AttachToClaim pending={pending} onChoose={onAttach} onCancel={idle} />}
    </section>
  );
}
