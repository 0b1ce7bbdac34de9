"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionError } from "@/lib/actions/create-action";
import { updateClaimAction } from "../actions";

export type EditableClaim = {
  id: string;
  version: number;
  statement: string;
  claimant: string;
  claimantSameAs: string;
  /** YYYY-MM-DD or empty. */
  claimedAt: string;
  language: string;
  /** Comma-separated. */
  tags: string;
};

type Fields = Omit<EditableClaim, "id" | "version">;
type Theirs = Fields & { version: number };

const FIELD_LABELS: Record<keyof Fields, string> = {
  statement: "Statement",
  claimant: "Claimant",
  claimantSameAs: "Claimant’s identity link",
  claimedAt: "Date of the claim",
  language: "Language",
  tags: "Tags",
};

function fieldsOf(claim: EditableClaim): Fields {
  const { statement, claimant, claimantSameAs, claimedAt, language, tags } = claim;
  return { statement, claimant, claimantSameAs, claimedAt, language, tags };
}

function readTheirs(error: ActionError): Theirs | null {
  const theirs = (error.details as { theirs?: Record<string, unknown> } | undefined)?.theirs;
  if (!theirs || typeof theirs.version !== "number") return null;
  return {
    version: theirs.version,
    statement: String(theirs.statement ?? ""),
    claimant: String(theirs.claimant ?? ""),
    claimantSameAs: String(theirs.claimantSameAs ?? ""),
    claimedAt: String(theirs.claimedAt ?? ""),
    language: String(theirs.language ?? ""),
    tags: Array.isArray(theirs.tags) ? theirs.tags.map(String).join(", ") : "",
  };
}

/**
 * Edits a claim. The save carries the version the editor started from: when someone else saved in
 * between, nothing is overwritten; their values are shown beside the editor's and the editor chooses.
 */
export function ClaimEditor({ claim, workingVersionOnly }: { claim: EditableClaim; workingVersionOnly: boolean }) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(claim));
  const [version, setVersion] = useState(claim.version);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function start() {
    setFields(fieldsOf(claim));
    setVersion(claim.version);
    setError(null);
    setTheirs(null);
    setNotice(null);
    setOpen(true);
  }

  function set<K extends keyof Fields>(name: K, value: string) {
    setFields((current) => ({ ...current, [name]: value }));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setNotice(null);
    const result = await updateClaimAction({ claimId: claim.id, expectedVersion: version, ...fields });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      setTheirs(result.error.code === "conflict" ? readTheirs(result.error) : null);
      return;
    }
    setOpen(false);
    setTheirs(null);
    setNotice(result.data.changed ? "Claim saved." : "Nothing had changed; nothing was saved.");
    router.refresh();
  }

  const fieldError = (name: keyof Fields) => {
    const messages = (error?.details?.fields as Record<string, string[]> | undefined)?.[name] ?? error?.fields?.[name];
    return messages?.length ? (
      <p className="form-error cl-field-error" id={`${ids}-${name}-error`}>
        {messages.join(" ")}
      </p>
    ) : null;
  };
  const describedBy = (name: keyof Fields, hint?: boolean) =>
    [hint ? `${ids}-${name}-hint` : null, error && fieldError(name) ? `${ids}-${name}-error` : null].filter(Boolean).join(" ") || undefined;

  if (!open) {
    return (
      <div className="cl-edit-bar">
        <button type="button" className="secondary cl-small" onClick={start}>
          Edit claim
        </button>
        <p className="form-ok" role="status">
          {notice}
        </p>
      </div>
    );
  }

  return (
    <form className="vr-panel cl-edit-form" onSubmit={save} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="vr-panel-title">
        Edit claim
      </h2>
      {workingVersionOnly && (
        <p className="vr-notice vr-notice-info">
          A verdict on this claim is in review, approved or published with the claim as it was then. What you save here changes the
          working version only: readers see it once a new verdict revision is approved and published.
        </p>
      )}
      {theirs && (
        <div className="conflict" role="alert">
          <h3>Someone else saved this claim first</h3>
          <p>{error?.message}</p>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved now (version {theirs.version})</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(FIELD_LABELS) as (keyof Fields)[]).map((name) => (
                <tr key={name} className={theirs[name] !== fields[name] ? "vr-differs" : undefined}>
                  <th scope="row">{FIELD_LABELS[name]}</th>
                  <td className="vr-pre">{theirs[name] || "—"}</td>
                  <td className="vr-pre">{fields[name] || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="vr-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const { version: theirVersion, ...saved } = theirs;
                setFields(saved);
                setVersion(theirVersion);
                setTheirs(null);
                setError(null);
              }}>
              Take the saved version
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setVersion(theirs.version);
                setTheirs(null);
                setError(null);
              }}>
              Keep mine, then save again
            </button>
          </div>
        </div>
      )}
      {error && !theirs && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <label htmlFor={`${ids}-statement`}>Statement (short, in its own language)</label>
      <textarea
        id={`${ids}-statement`}
        value={fields.statement}
        onChange={(event) => set("statement", event.target.value)}
        rows={2}
        maxLength={500}
        required
        aria-describedby={describedBy("statement")}
      />
      {fieldError("statement")}
      <div className="cl-form-row">
        <div>
          <label htmlFor={`${ids}-claimant`}>Claimant (who made it)</label>
          <input
            id={`${ids}-claimant`}
            value={fields.claimant}
            onChange={(event) => set("claimant", event.target.value)}
            maxLength={200}
            required
                aria-describedby={describedBy("claimant")}
          />
          {fieldError("claimant")}
        </div>
        <div>
          <label htmlFor={`${ids}-claimedAt`}>Date of the claim</label>
          <input
            id={`${ids}-claimedAt`}
            type="date"
            value={fields.claimedAt}
            onChange={(event) => set("claimedAt", event.target.value)}
                aria-describedby={describedBy("claimedAt")}
          />
          {fieldError("claimedAt")}
        </div>
      </div>
      <label htmlFor={`${ids}-claimantSameAs`}>Claimant’s identity link (optional)</label>
      <p className="vr-hint" id={`${ids}-claimantSameAs-hint`}>
        A page that identifies the claimant, such as their Wikidata entry.
      </p>
      <input
        id={`${ids}-claimantSameAs`}
        type="url"
        value={fields.claimantSameAs}
        onChange={(event) => set("claimantSameAs", event.target.value)}
        placeholder="https://www.wikidata.org/wiki/…"
        maxLength={2000}
        aria-describedby={describedBy("claimantSameAs", true)}
      />
      {fieldError("claimantSameAs")}
      <div className="cl-form-row">
        <div>
          <label htmlFor={`${ids}-language`}>Language</label>
          <select id={`${ids}-language`} value={fields.language} onChange={(event) => set("language", event.target.value)}>
            {[...new Set(["en", "fr", "es", "de", "pt", "it", "und", fields.language])].map((code) => (
              <option key={code} value={code}>
                {{ en: "English", fr: "French", es: "Spanish", de: "German", pt: "Portuguese", it: "Italian", und: "Undetermined" }[code] ?? code}
              </option>
            ))}
          </select>
          {fieldError("language")}
        </div>
        <div>
          <label htmlFor={`${ids}-tags`}>Tags</label>
          <p className="vr-hint" id={`${ids}-tags-hint`}>
            Separated by commas.
          </p>
          <input id={`${ids}-tags`} value={fields.tags} onChange={(event) => set("tags", event.target.value)} aria-describedby={describedBy("tags", true)} />
          {fieldError("tags")}
        </div>
      </div>
      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </button>
        <span className="meta">Version {version}</span>
      </div>
    </form>
  );
}
