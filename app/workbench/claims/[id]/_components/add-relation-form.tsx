"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import type { ActionError } from "@/lib/actions/create-action";
import { claimPassagesAction, findClaimsAction, relateClaimsAction } from "../actions";

export type PassageChoice = { id: string; exact: string; articleTitle: string };
type Found = { id: string; statement: string; claimant: string; language: string };
type Kind = "supports" | "supported_by" | "contradicts" | "same_claim";

const KINDS: { value: Kind; label: string }[] = [
  { value: "contradicts", label: "They contradict each other" },
  { value: "supports", label: "This claim supports the other one" },
  { value: "supported_by", label: "The other claim supports this one" },
  { value: "same_claim", label: "Same claim (another wording or language)" },
];

const DONE: Record<Kind, string> = {
  supports: "Linked: this claim supports",
  supported_by: "Linked: this claim is supported by",
  contradicts: "Linked: this claim contradicts",
  same_claim: "Linked as the same claim as",
};

function excerpt(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Links this claim to another: the kind of link, the other claim (found by typing, across articles
 * and languages), a rationale, and optionally the passages of either claim that justify it.
 */
export function AddRelationForm({
  claimId,
  ownPassages,
  onDone,
  onCancel,
}: {
  claimId: string;
  ownPassages: PassageChoice[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const [kind, setKind] = useState<Kind>("contradicts");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Found[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [target, setTarget] = useState<Found | null>(null);
  const [targetPassages, setTargetPassages] = useState<PassageChoice[]>([]);
  const [rationale, setRationale] = useState("");
  const [chosenPassages, setChosenPassages] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);

  // Search as the editor types (debounced); the latest query wins.
  useEffect(() => {
    if (target) return;
    const q = query.trim();
    if (q.length < 2) return;
    let current = true;
    const timer = window.setTimeout(async () => {
      setSearching(true);
      const result = await findClaimsAction({ q, limit: 8 });
      if (!current) return;
      setSearching(false);
      setResults(result.ok ? result.data.items.filter((item) => item.id !== claimId) : []);
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, target, claimId]);

  const shown = query.trim().length >= 2 ? results : null;

  async function choose(found: Found) {
    setTarget(found);
    setResults(null);
    setTargetPassages([]);
    const result = await claimPassagesAction({ claimId: found.id });
    if (result.ok) setTargetPassages(result.data);
  }

  function togglePassage(id: string, checked: boolean) {
    setChosenPassages((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!target) {
      setError({ code: "invalid", message: "Choose the other claim first." });
      return;
    }
    setPending(true);
    setError(null);
    const reversed = kind === "supported_by";
    const validPassages = new Set([...ownPassages, ...targetPassages].map((passage) => passage.id));
    const result = await relateClaimsAction({
      type: kind === "supported_by" ? "supports" : kind,
      fromClaimId: reversed ? target.id : claimId,
      toClaimId: reversed ? claimId : target.id,
      rationale,
      passageIds: [...chosenPassages].filter((id) => validPassages.has(id)),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDone(`${DONE[kind]} ${target.claimant}’s claim.`);
  }

  const passageGroup = (title: string, passages: PassageChoice[]) =>
    passages.length > 0 && (
      <div className="cl-passage-group">
        <p className="cl-passage-group-title">{title}</p>
        {passages.map((passage) => (
          <div key={passage.id} className="cl-check">
            <input
              type="checkbox"
              id={`${ids}-p-${passage.id}`}
              checked={chosenPassages.has(passage.id)}
              onChange={(event) => togglePassage(passage.id, event.target.checked)}
            />
            <label htmlFor={`${ids}-p-${passage.id}`}>
              “{excerpt(passage.exact, 160)}” <span className="meta">{passage.articleTitle}</span>
            </label>
          </div>
        ))}
      </div>
    );

  return (
    <form className="cl-add-relation" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Link to another claim</h3>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <fieldset className="cl-fieldset">
        <legend>How are they linked?</legend>
        {KINDS.map((option) => (
          <div key={option.value} className="cl-check">
            <input
              type="radio"
              id={`${ids}-kind-${option.value}`}
              name={`${ids}-kind`}
              value={option.value}
              checked={kind === option.value}
              onChange={() => setKind(option.value)}
            />
            <label htmlFor={`${ids}-kind-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>

      {target ? (
        <div className="cl-chosen">
          <p className="cl-passage-group-title">Other claim</p>
          <p>
            <strong>{target.claimant}</strong>: “{target.statement}”{" "}
            <button
              type="button"
              className="cl-link-button"
              onClick={() => {
                setTarget(null);
                setTargetPassages([]);
                setChosenPassages((current) => new Set([...current].filter((id) => ownPassages.some((passage) => passage.id === id))));
              }}>
              Change<span className="visually-hidden"> the other claim</span>
            </button>
          </p>
        </div>
      ) : (
        <>
          <label htmlFor={`${ids}-q`}>Other claim</label>
          <p className="vr-hint" id={`${ids}-q-hint`}>
            Type words of its statement or its claimant, in any language.
          </p>
          <input
            id={`${ids}-q`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={`${ids}-q-hint`}
            autoComplete="off"
            maxLength={200}
          />
          <div aria-live="polite" className="cl-search-state">
            {searching ? "Searching…" : shown && shown.length === 0 ? "No other claim matches." : ""}
          </div>
          {shown && shown.length > 0 && (
            <ul className="cl-results" aria-label="Matching claims">
              {shown.map((found) => (
                <li key={found.id}>
                  <button type="button" className="cl-result" onClick={() => choose(found)}>
                    <span lang={found.language !== "und" ? found.language : undefined}>{excerpt(found.statement)}</span>
                    <span className="meta">
                      {found.claimant} · {found.language.toUpperCase()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <label htmlFor={`${ids}-rationale`}>Rationale</label>
      <p className="vr-hint" id={`${ids}-rationale-hint`}>
        Why these claims are linked, in a sentence a reviewer can check.
      </p>
      <textarea
        id={`${ids}-rationale`}
        value={rationale}
        onChange={(event) => setRationale(event.target.value)}
        rows={3}
        required
        minLength={3}
        maxLength={2000}
        aria-describedby={`${ids}-rationale-hint`}
      />

      {(ownPassages.length > 0 || targetPassages.length > 0) && (
        <fieldset className="cl-fieldset">
          <legend>Justifying passages (optional)</legend>
          {passageGroup("This claim", ownPassages)}
          {target && passageGroup("The other claim", targetPassages)}
        </fieldset>
      )}

      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? "Linking…" : "Link claims"}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
