"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionError } from "@/lib/actions/create-action";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { saveVerdictDraftAction, submitVerdictAction } from "./actions";

type Rating = RatingInfo["rating"];
type Content = { rating: Rating | null; headline: string; summary: string; explanation: string };
type Theirs = Content & { version: number; status: string };
type Conflict = { message: string; theirs: Theirs | null; yours: Content };
export type CitablePassage = { id: string; exact: string; source: string };

const HEADLINE_MAX = 74;
const RATING_WORD: Record<string, string> = {
  false: "False",
  mostly_false: "Mostly false",
  mixed: "Mixed",
  mostly_true: "Mostly true",
  true: "True",
  unproven: "Unproven",
};

function sameContent(a: Content, b: Content): boolean {
  return a.rating === b.rating && a.headline === b.headline && a.summary === b.summary && a.explanation === b.explanation;
}

function readConflict(error: ActionError, yours: Content): Conflict {
  const details = error.details as { theirs?: Partial<Theirs> } | undefined;
  const theirs = details?.theirs;
  return {
    message: error.message,
    yours,
    theirs:
      theirs && typeof theirs.version === "number"
        ? {
            version: theirs.version,
            status: String(theirs.status ?? ""),
            rating: (theirs.rating ?? null) as Rating | null,
            headline: String(theirs.headline ?? ""),
            summary: String(theirs.summary ?? ""),
            explanation: String(theirs.explanation ?? ""),
          }
        : null,
  };
}

/**
 * The verdict draft form. Saves carry the version the editor started from; when someone else saved
 * in between, nothing is overwritten: both versions are shown side by side and the editor chooses.
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
  const router = useRouter();
  const ids = useId();
  const [content, setContent] = useState<Content>(props.initial);
  const [saved, setSaved] = useState<Content>(props.initial);
  const [version, setVersion] = useState<number | null>(props.version);
  const [verdictId, setVerdictId] = useState<string | null>(props.verdictId);
  const [pending, setPending] = useState<"save" | "submit" | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const explanationRef = useRef<HTMLTextAreaElement>(null);
  const dirty = !sameContent(content, saved);

  // Unsaved work is not lost to a stray click: the browser asks before leaving the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = <K extends keyof Content>(key: K, value: Content[K]) => {
    setContent((current) => ({ ...current, [key]: value }));
    setNotice(null);
  };

  async function save(expectedVersion: number | null, draft: Content): Promise<{ version: number; verdictId: string } | null> {
    const result = await saveVerdictDraftAction({ claimId: props.claimId, expectedVersion, ...draft });
    if (!result.ok) {
      if (result.error.code === "conflict") setConflict(readConflict(result.error, draft));
      else setError(result.error);
      return null;
    }
    setVersion(result.data.version);
    setVerdictId(result.data.verdictId);
    setSaved(draft);
    return { version: result.data.version, verdictId: result.data.verdictId };
  }

  async function onSave(expectedVersion: number | null = version, draft: Content = content) {
    setPending("save");
    setError(null);
    setConflict(null);
    setNotice(null);
    const done = await save(expectedVersion, draft);
    setPending(null);
    if (done) {
      setNotice(`Draft saved (version ${done.version}).`);
      router.refresh();
    }
  }

  async function onSubmit() {
    setPending("submit");
    setError(null);
    setConflict(null);
    setNotice(null);
    let current = verdictId && version !== null ? { verdictId, version } : null;
    if (dirty || !current) current = await save(version, content);
    if (!current) {
      setPending(null);
      return;
    }
    const result = await submitVerdictAction({ verdictId: current.verdictId, expectedVersion: current.version });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(`Submitted: revision ${result.data.revisionNumber} waits for a reviewer.`);
    router.refresh();
  }

  function takeTheirs(theirs: Theirs) {
    const next = { rating: theirs.rating, headline: theirs.headline, summary: theirs.summary, explanation: theirs.explanation };
    setContent(next);
    setSaved(next);
    setVersion(theirs.version);
    setConflict(null);
    setNotice(`Their version ${theirs.version} is in the form now. Nothing of yours was saved.`);
  }

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

  const fieldError = (name: string) => error?.fields?.[name]?.join("; ");
  const headlineLeft = HEADLINE_MAX - content.headline.length;

  return (
    <div className="verdict-editor">
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          busy={pending !== null}
          onTakeTheirs={takeTheirs}
          onKeepMine={(theirs) => onSave(theirs.version, content)}
        />
      )}
      <form
        aria-label="Verdict draft"
        onSubmit={(event) => {
          event.preventDefault();
          void onSave();
        }}>
        <fieldset className="rating-options" aria-describedby={fieldError("rating") ? `${ids}-rating-error` : undefined}>
          <legend>Rating</legend>
          {props.scale.map((entry) => (
            <div key={entry.rating} className={`rating-option rating-option-${entry.rating}`}>
              <input
                type="radio"
                id={`${ids}-rating-${entry.rating}`}
                name="rating"
                value={entry.rating}
                checked={content.rating === entry.rating}
                onChange={() => set("rating", entry.rating)}
                aria-describedby={`${ids}-meaning-${entry.rating}`}
              />
              <label htmlFor={`${ids}-rating-${entry.rating}`}>
                <span className="swatch" aria-hidden="true" />
                {entry.label}
                <span className="score">{entry.value === null ? "outside the scale" : `${entry.value} of 5`}</span>
              </label>
              <span className="meaning" id={`${ids}-meaning-${entry.rating}`}>
                {entry.meaning}
              </span>
            </div>
          ))}
          {fieldError("rating") && (
            <p className="form-error" id={`${ids}-rating-error`}>
              {fieldError("rating")}
            </p>
          )}
        </fieldset>

        <label htmlFor={`${ids}-headline`}>Headline</label>
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
          {content.headline.length} of {HEADLINE_MAX} characters
        </p>

        <label htmlFor={`${ids}-summary`}>Summary</label>
        <p className="vr-hint" id={`${ids}-summary-hint`}>
          Two or three sentences a reader can rely on without reading further.
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

        <label htmlFor={`${ids}-explanation`}>Explanation</label>
        <p className="vr-hint" id={`${ids}-explanation-hint`}>
          Say what is supported and what is not. Cite the passages (quote them) and name every source. Leave a blank line between paragraphs.
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

        {props.passages.length > 0 && (
          <details className="cite-box">
            <summary>Cite a passage in the explanation</summary>
            <ul>
              {props.passages.map((passage) => (
                <li key={passage.id}>
                  <q>{passage.exact}</q> <span className="meta">{passage.source}</span>{" "}
                  <button type="button" className="secondary vr-small" onClick={() => cite(passage)}>
                    Insert quote
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}

        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {notice && (
          <p className="form-ok" role="status">
            {notice}
          </p>
        )}
        <div className="vr-actions">
          <button type="submit" disabled={pending !== null}>
            {pending === "save" ? "Saving…" : "Save draft"}
          </button>
          {(props.canSubmit || (props.editStartsNewDraft && dirty)) && (
            <button type="button" className="secondary" disabled={pending !== null} onClick={() => void onSubmit()}>
              {pending === "submit" ? "Submitting…" : dirty ? "Save and submit for review" : "Submit for review"}
            </button>
          )}
          <span className="meta" aria-live="polite">
            {dirty ? "Unsaved changes" : version ? `Saved as version ${version}` : "Not saved yet"}
          </span>
        </div>
      </form>
    </div>
  );
}

function ConflictPanel(props: {
  conflict: Conflict;
  busy: boolean;
  onTakeTheirs: (theirs: Theirs) => void;
  onKeepMine: (theirs: Theirs) => void;
}) {
  const { conflict } = props;
  const theirs = conflict.theirs;
  const rows: { label: string; theirs: string; yours: string }[] = theirs
    ? [
        { label: "Rating", theirs: theirs.rating ? RATING_WORD[theirs.rating] ?? theirs.rating : "(none)", yours: conflict.yours.rating ? RATING_WORD[conflict.yours.rating] ?? conflict.yours.rating : "(none)" },
        { label: "Headline", theirs: theirs.headline, yours: conflict.yours.headline },
        { label: "Summary", theirs: theirs.summary, yours: conflict.yours.summary },
        { label: "Explanation", theirs: theirs.explanation, yours: conflict.yours.explanation },
      ]
    : [];
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Your changes were not saved</h2>
      <p>{conflict.message}</p>
      {theirs ? (
        <>
          <table className="conflict-table">
            <caption className="visually-hidden">Their saved version and your unsaved version, side by side</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Their version (saved, version {theirs.version})</th>
                <th scope="col">Your version (not saved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className={row.theirs === row.yours ? "vr-same" : "vr-differs"}>
                  <th scope="row">
                    {row.label}
                    {row.theirs !== row.yours && <span className="vr-differs-tag">differs</span>}
                  </th>
                  <td className="vr-pre">{row.theirs || "(empty)"}</td>
                  <td className="vr-pre">{row.yours || "(empty)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="vr-actions">
            <button type="button" className="secondary" disabled={props.busy} onClick={() => props.onTakeTheirs(theirs)}>
              Use their version
            </button>
            <button type="button" disabled={props.busy} onClick={() => props.onKeepMine(theirs)}>
              Keep my version (save over theirs)
            </button>
          </div>
        </>
      ) : (
        <p>Reload the page to see the current verdict; copy anything of yours you want to keep first.</p>
      )}
    </section>
  );
}
