"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { languageNamer } from "@/app/workbench/_components/language-names";
import type { ActionError } from "@/lib/actions/create-action";
import { updateClaimAction } from "../actions";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";

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

// The rows of the conflict table, in order; their labels are workbenchClaim.editor.fields.<name>.
const FIELD_NAMES: readonly (keyof Fields)[] = ["statement", "claimant", "claimantSameAs", "claimedAt", "language", "tags"];

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
  const t = useTranslations("workbenchClaim.editor");
  const languageName = languageNamer(useLocale(), t("undetermined"));
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(claim));
  const [version, setVersion] = useState(claim.version);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const fieldReasons = useFieldReasons(error);
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
    setNotice(result.data.changed ? t("saved") : t("unchanged"));
    router.refresh();
  }

  const fieldError = (name: keyof Fields) => {
    const reasons = fieldReasons(name);
    return reasons ? (
      <p className="form-error cl-field-error" id={`${ids}-${name}-error`}>
        {reasons}
      </p>
    ) : null;
  };
  const describedBy = (name: keyof Fields, hint?: boolean) =>
    [hint ? `${ids}-${name}-hint` : null, error && fieldError(name) ? `${ids}-${name}-error` : null].filter(Boolean).join(" ") || undefined;

  if (!open) {
    return (
      <div className="cl-edit-bar">
        <button type="button" className="secondary cl-small" onClick={start}>
          {t("edit")}
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
        {t("edit")}
      </h2>
      {workingVersionOnly && (
        <p className="vr-notice vr-notice-info">{t("workingVersionOnly")}</p>
      )}
      {theirs && (
        <div className="conflict" role="alert">
          <h3>{t("conflict.title")}</h3>
          <p>{error?.message}</p>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">{t("conflict.field")}</th>
                <th scope="col">{t("conflict.theirs", { version: theirs.version })}</th>
                <th scope="col">{t("conflict.yours")}</th>
              </tr>
            </thead>
            <tbody>
              {FIELD_NAMES.map((name) => (
                <tr key={name} className={theirs[name] !== fields[name] ? "vr-differs" : undefined}>
                  <th scope="row">{t(`fields.${name}`)}</th>
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
              {t("conflict.takeTheirs")}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setVersion(theirs.version);
                setTheirs(null);
                setError(null);
              }}>
              {t("conflict.keepMine")}
            </button>
          </div>
        </div>
      )}
      {error && !theirs && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
      <label htmlFor={`${ids}-statement`}>{t("statement")}</label>
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
          <label htmlFor={`${ids}-claimant`}>{t("claimant")}</label>
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
          <label htmlFor={`${ids}-claimedAt`}>{t("fields.claimedAt")}</label>
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
      <label htmlFor={`${ids}-claimantSameAs`}>{t("sameAs")}</label>
      <p className="vr-hint" id={`${ids}-claimantSameAs-hint`}>
        {t("sameAsHint")}
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
          <label htmlFor={`${ids}-language`}>{t("fields.language")}</label>
          <select id={`${ids}-language`} value={fields.language} onChange={(event) => set("language", event.target.value)}>
            {[...new Set(["en", "fr", "es", "de", "pt", "it", "und", fields.language])].map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
          {fieldError("language")}
        </div>
        <div>
          <label htmlFor={`${ids}-tags`}>{t("fields.tags")}</label>
          <p className="vr-hint" id={`${ids}-tags-hint`}>
            {t("tagsHint")}
          </p>
          <input id={`${ids}-tags`} value={fields.tags} onChange={(event) => set("tags", event.target.value)} aria-describedby={describedBy("tags", true)} />
          {fieldError("tags")}
        </div>
      </div>
      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={pending}>
          {t("cancel")}
        </button>
        <span className="meta">{t("version", { version })}</span>
      </div>
    </form>
  );
}
