"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("workbenchArticles.annotator");
  const idle = () => onMode({ kind: "idle" });
  // A claim proposed from a candidate, unless the editor has selected other text since.
  const proposed = mode.kind === "create" && !selected ? mode.proposed : undefined;
  const selection = selected ?? proposed?.passage ?? null;
  return (
    <section className="panel-box" aria-label={t("selection.title")}>
      <h2>{t("selection.title")}</h2>
      {selection ? (
        <>
          <blockquote className="selection-quote">{t("quoted", { text: excerpt(selection.exact, 220) })}</blockquote>
          <p className="meta">
            {t("selection.characters", { start: selection.start, end: selection.end })}
          </p>
          {mode.kind === "reattach" ? (
            <div className="button-row">
              <button type="button" disabled={pending} onClick={() => onReattach(mode.passageId)}>
                {t("selection.reattachHere")}
              </button>
              <button type="button" className="secondary" onClick={idle}>
                {t("cancel")}
              </button>
            </div>
          ) : (
            <div className="button-row">
              <button type="button" onClick={() => onMode({ kind: "create" })}>
                {t("selection.create")}
              </button>
              <button type="button" className="secondary" onClick={() => onMode({ kind: "attach" })}>
                {t("selection.attach")}
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="meta">
          {mode.kind === "reattach"
            ? t("selection.hintReattach")
            : t("selection.hint")}
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
