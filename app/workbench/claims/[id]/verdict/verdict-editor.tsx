"use client";

import { useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { CitePassages } from "./cite-passages";
import { ConflictPanel } from "./conflict-panel";
import { RatingField } from "./rating-field";
import { useVerdictDraft } from "./use-verdict-draft";
import { HEADLINE_MAX, type CitablePassage, type Content } from "./verdict-content";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";

export type { CitablePassage };

/**
 * The verdict draft form: rating, headline, summary and explanation, saved as drafts and submitted
 * for review (useVerdictDraft); a conflicting save shows both versions (ConflictPanel).
 */
export function VerdictEditor(props: {
  claimId: string;
  verdictId: string | null;
  version: number | null;
  initial: Content;
  scale: readonly RatingInfo[];
  canSubmit: boolean;
  passages: CitablePassage[];
  /** Approved or published: saving makes a new draft, which can then be submitted. */
  editStartsNewDraft: boolean;
}) {
  const t = useTranslations("workbenchVerdicts.editor");
  const ids = useId();
  const draft = useVerdictDraft(props);
  const { content, set, error, pending, dirty, version } = draft;
  const explanationRef = useRef<HTMLTextAreaElement>(null);

  // The quote goes where the caret is in the explanation, and the caret after it.
  function cite(passage: CitablePassage) {
    const quote = `“${passage.exact}” (${passage.source})`;
    const area = explanationRef.current;
    const text = content.explanation;
    const at = area ? area.selectionEnd : text.length;
    const before = text.slice(0, at);
    const spacer = before && !/\s$/.test(before) ? " " : "";
    set("explanation", `${before}${spacer}${quote}${text.slice(at)}`);
    requestAnimationFrame(() => {
      area?.focus();
      const caret = before.length + spacer.length + quote.length;
      area?.setSelectionRange(caret, caret);
    });
  }

  const fieldError = useFieldReasons(error);
  const headlineLeft = HEADLINE_MAX - content.headline.length;

  return (
    <div className="verdict-editor">
      {draft.conflict && (
        <ConflictPanel
          conflict={draft.conflict}
          scale={props.scale}
          busy={pending !== null}
          onTakeTheirs={draft.takeTheirs}
          onKeepMine={(theirs) => draft.save(theirs.version, content)}
        />
      )}
      <form
        aria-label={t("label")}
        onSubmit={(event) => {
          event.preventDefault();
          void draft.save();
        }}>
        <RatingField ids={ids} scale={props.scale} value={content.rating} error={fieldError("rating")} onChange={(rating) => set("rating", rating)} />

        <label htmlFor={`${ids}-headline`}>{t("headline")}</label>
        <input
          id={`${ids}-headline`}
          name="headline"
          value={content.headline}
          maxLength={HEADLINE_MAX}
          onChange={(event) => set("headline", event.target.value)}
          aria-describedby={`${ids}-headline-count`}
          aria-invalid={fieldError("headline") ? true : undefined}
        />
        <p className={`char-count${headlineLeft < 10 ? " char-count-low" : ""}`} id={`${ids}-headline-count`} aria-live="polite">
          {t("headlineCount", { count: content.headline.length, max: HEADLINE_MAX })}
        </p>

        <label htmlFor={`${ids}-summary`}>{t("summary")}</label>
        <p className="vr-hint" id={`${ids}-summary-hint`}>
          {t("summaryHint")}
        </p>
        <textarea
          id={`${ids}-summary`}
          name="summary"
          rows={3}
          maxLength={2000}
          value={content.summary}
          onChange={(event) => set("summary", event.target.value)}
          aria-describedby={`${ids}-summary-hint`}
        />

        <label htmlFor={`${ids}-explanation`}>{t("explanation")}</label>
        <p className="vr-hint" id={`${ids}-explanation-hint`}>
          {t("explanationHint")}
        </p>
        <textarea
          id={`${ids}-explanation`}
          ref={explanationRef}
          name="explanation"
          rows={14}
          maxLength={50_000}
          value={content.explanation}
          onChange={(event) => set("explanation", event.target.value)}
          aria-describedby={`${ids}-explanation-hint`}
        />

        <CitePassages passages={props.passages} onCite={cite} />

        {error && (
          <p className="form-error" role="alert">
            <ErrorMessage error={error} />
          </p>
        )}
        {draft.notice && (
          <p className="form-ok" role="status">
            {draft.notice}
          </p>
        )}
        <div className="vr-actions">
          <button type="submit" disabled={pending !== null}>
            {pending === "save" ? t("saving") : t("save")}
          </button>
          {(props.canSubmit || (props.editStartsNewDraft && dirty)) && (
            <button type="button" className="secondary" disabled={pending !== null} onClick={() => void draft.submit()}>
              {pending === "submit" ? t("submitting") : dirty ? t("saveAndSubmit") : t("submit")}
            </button>
          )}
          <span className="meta" aria-live="polite">
            {dirty ? t("unsaved") : version ? t("savedAs", { version }) : t("notSaved")}
          </span>
        </div>
      </form>
    </div>
  );
}
