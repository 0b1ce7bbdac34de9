"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ArticleForAnnotation, AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
import { segmentHighlights } from "@/lib/articles/segment-highlights";
import type { ActionResult } from "@/lib/actions/create-action";
import type { ClaimSearchItem } from "@/lib/search/search-claims";
import { PASSAGE_STATUS_LABELS } from "@/lib/anchoring/passage-status";
import {
  addPassageAction,
  confirmPassageAction,
  createClaimAction,
  findClaimsAction,
  reattachPassageAction,
  removePassageAction,
} from "./actions";
import { PassageComparison } from "./passage-comparison";

type Selection = { start: number; end: number; exact: string };
type Mode = { kind: "idle" } | { kind: "create" } | { kind: "attach" } | { kind: "reattach"; passageId: string };

/** Offset of a DOM point in the article text: the length of the text from the start of root to it. */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function trimSelection(text: string, start: number, end: number): Selection | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}

function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function Annotator({
  article,
  canWrite,
  focusPassageId,
}: {
  article: ArticleForAnnotation;
  canWrite: boolean;
  focusPassageId: string | null;
}) {
  const router = useRouter();
  const rootRef = useRef<HTMLDivElement>(null);
  const text = article.revision.text;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [activeClaimId, setActiveClaimId] = useState<string | null>(
    () => article.passages.find((passage) => passage.id === focusPassageId)?.claimId ?? null,
  );
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  const placed = useMemo(
    () => article.passages.filter((passage): passage is AnnotatedPassage & { start: number; end: number } => passage.start !== null && passage.end !== null),
    [article.passages],
  );
  const passageById = useMemo(() => new Map(article.passages.map((passage) => [passage.id, passage])), [article.passages]);
  const segments = useMemo(() => segmentHighlights(text.length, placed.map(({ id, start, end }) => ({ id, start, end }))), [text.length, placed]);
  const needsDecision = article.passages.filter((passage) => passage.status !== "anchored");

  // Keep the latest selection made inside the article text, by mouse or keyboard.
  useEffect(() => {
    function onSelectionChange() {
      const root = rootRef.current;
      const current = document.getSelection();
      if (!root || !current || current.rangeCount === 0) return;
      const range = current.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      if (range.collapsed) {
        setSelection(null);
        return;
      }
      setSelection(trimSelection(text, textOffset(root, range.startContainer, range.startOffset), textOffset(root, range.endContainer, range.endOffset)));
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [text]);

  /** Scrolls the highlight of a passage into view and flashes it (DOM only). */
  const scrollToPassage = useCallback((passageId: string) => {
    const mark = rootRef.current?.querySelector<HTMLElement>(`[data-ids~="${passageId}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.classList.add("hl-flash");
    window.setTimeout(() => mark.classList.remove("hl-flash"), 1600);
  }, []);

  function showPassage(passageId: string) {
    const passage = passageById.get(passageId);
    if (passage) setActiveClaimId(passage.claimId);
    scrollToPassage(passageId);
  }

  // Opened from a claim page: the passage it links to is scrolled into view.
  useEffect(() => {
    if (focusPassageId) scrollToPassage(focusPassageId);
  }, [focusPassageId, scrollToPassage]);

  async function run<T>(work: () => Promise<ActionResult<T>>, success: string): Promise<T | null> {
    setPending(true);
    setMessage(null);
    const result = await work();
    setPending(false);
    if (!result.ok) {
      setMessage({ kind: "error", text: result.error.message });
      return null;
    }
    setMessage({ kind: "ok", text: success });
    setMode({ kind: "idle" });
    setSelection(null);
    router.refresh();
    return result.data;
  }

  function onTextClick(event: React.MouseEvent<HTMLDivElement>) {
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-ids]");
    if (!mark || !document.getSelection()?.isCollapsed) return;
    // The innermost (shortest) passage under the pointer is the one the reader means.
    const ids = (mark.dataset.ids ?? "").split(" ").filter(Boolean);
    const innermost = ids
      .map((id) => passageById.get(id))
      .filter((passage): passage is AnnotatedPassage => Boolean(passage))
      .sort((a, b) => (a.end ?? 0) - (a.start ?? 0) - ((b.end ?? 0) - (b.start ?? 0)))[0];
    if (innermost) setActiveClaimId(innermost.claimId);
  }

  const passageSelection = selection ? { articleRevisionId: article.revision.id, ...selection } : null;
  const activeIds = new Set(article.passages.filter((passage) => passage.claimId === activeClaimId).map((passage) => passage.id));

  return (
    <div className="annotator">
      <div className="annotator-text-column">
        <div
          ref={rootRef}
          className="article-text"
          lang={article.language !== "und" ? article.language : undefined}
          // contentEditable gives a keyboard caret (Shift+arrows select); every edit is refused below.
          contentEditable={canWrite}
          suppressContentEditableWarning
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label="Article text. Select a passage with the mouse, or with Shift and the arrow keys."
          tabIndex={0}
          spellCheck={false}
          onBeforeInput={(event) => event.preventDefault()}
          onPaste={(event) => event.preventDefault()}
          onDrop={(event) => event.preventDefault()}
          onCut={(event) => event.preventDefault()}
          onClick={onTextClick}
        >
          {segments.map((segment) => {
            const content = text.slice(segment.start, segment.end);
            if (segment.ids.length === 0) return <span key={segment.start}>{content}</span>;
            const statuses = new Set(segment.ids.map((id) => passageById.get(id)?.status));
            const className = [
              "hl",
              `hl-depth-${Math.min(segment.ids.length, 3)}`,
              statuses.has("fuzzy") ? "hl-fuzzy" : statuses.has("moved") ? "hl-moved" : "",
              segment.ids.some((id) => activeIds.has(id)) ? "hl-active" : "",
            ]
              .filter(Boolean)
              .join(" ");
            return (
              <mark key={segment.start} className={className} data-ids={segment.ids.join(" ")}>
                {content}
              </mark>
            );
          })}
        </div>
      </div>

      <aside className="annotator-panel" aria-label="Claims in this article">
        <div aria-live="polite" className="panel-message">
          {message && <p className={message.kind === "ok" ? "form-ok" : "form-error"} role={message.kind === "error" ? "alert" : "status"}>{message.text}</p>}
        </div>

        {canWrite && (
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
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => run(() => reattachPassageAction({ passageId: mode.passageId, ...selection }), "The passage is attached to the selected text.")}
                    >
                      Re-attach passage here
                    </button>
                    <button type="button" className="secondary" onClick={() => setMode({ kind: "idle" })}>
                      Cancel
                    </button>
                  </div>
                ) : (
                  <div className="button-row">
                    <button type="button" onClick={() => setMode({ kind: "create" })}>
                      Create claim from selection
                    </button>
                    <button type="button" className="secondary" onClick={() => setMode({ kind: "attach" })}>
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
            {mode.kind === "create" && passageSelection && (
              <CreateClaimForm
                key={`${passageSelection.start}-${passageSelection.end}`}
                selection={passageSelection}
                language={article.language}
                claimedAt={article.publishedAt}
                pending={pending}
                onSubmit={async (input) => {
                  const created = await run(() => createClaimAction({ ...input, passage: passageSelection }), "Claim created from the selection.");
                  if (created) setActiveClaimId(created.id);
                }}
                onCancel={() => setMode({ kind: "idle" })}
              />
            )}
            {mode.kind === "attach" && passageSelection && (
              <AttachToClaim
                pending={pending}
                onChoose={async (claim) => {
                  const added = await run(() => addPassageAction({ claimId: claim.id, ...passageSelection }), `Passage attached to “${excerpt(claim.statement, 60)}”.`);
                  if (added) setActiveClaimId(claim.id);
                }}
                onCancel={() => setMode({ kind: "idle" })}
              />
            )}
          </section>
        )}

        {needsDecision.length > 0 && (
          <section className="panel-box needs-decision" aria-label="Passages that need your decision">
            <h2>Needs your decision ({needsDecision.length})</h2>
            <p className="meta">This revision changed the text. Check each passage against the earlier revision.</p>
            <ul className="plain-list">
              {needsDecision.map((passage) => (
                <li key={passage.id} className="decision">
                  <p>
                    <span className={`status status-${passage.status}`}>{PASSAGE_STATUS_LABELS[passage.status]}</span>
                    {passage.status === "fuzzy" && <span className="meta"> confidence {Math.round(passage.confidence * 100)}%</span>}{" "}
                    <span className="meta">{article.claims.find((claim) => claim.id === passage.claimId)?.statement}</span>
                  </p>
                  <PassageComparison passage={passage} text={text} />
                  {canWrite && (
                    <div className="button-row">
                      {passage.status !== "orphaned" && (
                        <>
                          <button type="button" className="secondary" onClick={() => showPassage(passage.id)}>
                            Show
                          </button>
                          <button type="button" disabled={pending} onClick={() => run(() => confirmPassageAction({ passageId: passage.id }), "Passage confirmed in its new place.")}>
                            Confirm
                          </button>
                        </>
                      )}
                      <button type="button" className="secondary" onClick={() => setMode({ kind: "reattach", passageId: passage.id })}>
                        Re-attach…
                      </button>
                      <RemoveButton label="Drop" pending={pending} onConfirm={() => run(() => removePassageAction({ passageId: passage.id }), "Passage dropped.")} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="panel-box" aria-label="Claims">
          <h2>Claims ({article.claims.length})</h2>
          {article.claims.length === 0 && <p className="meta">No claim is anchored in this revision yet.</p>}
          <ul className="plain-list">
            {article.claims.map((claim) => {
              const passages = article.passages.filter((passage) => passage.claimId === claim.id);
              return (
                <li key={claim.id} className={`claim-card${claim.id === activeClaimId ? " claim-card-active" : ""}`} aria-current={claim.id === activeClaimId ? "true" : undefined}>
                  <p className="claim-statement">
                    <a href={`/workbench/claims/${claim.id}`}>{claim.statement}</a>
                  </p>
                  <p className="meta">
                    {claim.claimant} · {claim.language}
                  </p>
                  <ul className="plain-list">
                    {passages.map((passage) => (
                      <li key={passage.id} className="passage-line">
                        <button type="button" className="link-button" onClick={() => showPassage(passage.id)} disabled={passage.status === "orphaned"}>
                          “{excerpt(passage.exact, 70)}”
                        </button>{" "}
                        <span className={`status status-${passage.status}`}>{PASSAGE_STATUS_LABELS[passage.status]}</span>
                        {canWrite && (
                          <RemoveButton label="Remove" pending={pending} onConfirm={() => run(() => removePassageAction({ passageId: passage.id }), "Passage removed from the claim.")} />
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      </aside>
    </div>
  );
}

function RemoveButton({ label, pending, onConfirm }: { label: string; pending: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline">
      <button type="button" className="danger-button" disabled={pending} onClick={onConfirm}>
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function CreateClaimForm({
  selection,
  language,
  claimedAt,
  pending,
  onSubmit,
  onCancel,
}: {
  selection: Selection;
  language: string;
  claimedAt: Date | null;
  pending: boolean;
  onSubmit: (input: { statement: string; claimant: string; claimedAt?: string; language: string; tags: string[] }) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="claim-form"
      aria-label="New claim"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const date = String(form.get("claimedAt") ?? "");
        onSubmit({
          statement: String(form.get("statement") ?? ""),
          claimant: String(form.get("claimant") ?? ""),
          claimedAt: date || undefined,
          language: String(form.get("language") ?? language),
          tags: String(form.get("tags") ?? "")
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        });
      }}
    >
      <Field id="claim-statement" label="Statement (short, in its own language)">
        <textarea id="claim-statement" name="statement" rows={3} defaultValue={selection.exact.slice(0, 500)} required />
      </Field>
      <Field id="claim-claimant" label="Claimant (who made it)">
        <input id="claim-claimant" name="claimant" required autoComplete="off" />
      </Field>
      <div className="field-row">
        <Field id="claim-date" label="Claim date">
          <input id="claim-date" name="claimedAt" type="date" defaultValue={claimedAt ? new Date(claimedAt).toISOString().slice(0, 10) : ""} />
        </Field>
        <Field id="claim-language" label="Language">
          <select id="claim-language" name="language" defaultValue={language}>
            <option value="en">English</option>
            <option value="fr">French</option>
            <option value="es">Spanish</option>
            <option value="de">German</option>
            <option value="pt">Portuguese</option>
            <option value="und">Other</option>
          </select>
        </Field>
      </div>
      <Field id="claim-tags" label="Tags (comma separated)">
        <input id="claim-tags" name="tags" autoComplete="off" />
      </Field>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AttachToClaim({ pending, onChoose, onCancel }: { pending: boolean; onChoose: (claim: ClaimSearchItem) => void; onCancel: () => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ClaimSearchItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const visible = query.trim().length >= 2 ? results : [];

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      setSearching(true);
      const result = await findClaimsAction({ q, limit: 8 });
      if (cancelled) return;
      setSearching(false);
      if (result.ok) {
        setResults(result.data.items);
        setError(null);
      } else setError(result.error.message);
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="attach-box">
      <label htmlFor="attach-search">Find the claim (any article, English or French)</label>
      <input id="attach-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" autoFocus />
      <p className="meta" aria-live="polite">
        {searching ? "Searching…" : query.trim().length >= 2 ? `${visible.length} claim(s) found` : "Type at least two characters."}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list" aria-label="Matching claims">
        {visible.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="result-button" disabled={pending} onClick={() => onChoose(claim)}>
              <span className="claim-statement">{claim.statement}</span>
              <span className="meta">
                {claim.claimant} · {claim.language} · {claim.passageCount} passage(s)
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
