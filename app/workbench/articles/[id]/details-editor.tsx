"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";
import { updateArticleDetailsAction } from "./actions";

/** The article's details as the form edits them: empty text for none, the date as YYYY-MM-DD. */
export type EditableDetails = {
  title: string;
  outlet: string;
  author: string;
  url: string;
  language: string;
  publishedAt: string;
  sourceUpdatedAt: string;
};

// Each field's label is details.fields.<name> in the catalogue.
const FIELDS: readonly { name: keyof EditableDetails; type: string }[] = [
  { name: "title", type: "text" },
  { name: "outlet", type: "text" },
  { name: "author", type: "text" },
  { name: "url", type: "url" },
  { name: "language", type: "text" },
  { name: "publishedAt", type: "date" },
  { name: "sourceUpdatedAt", type: "date" },
];

/** The saved details a conflict carries (see update-article-details.ts), in the form's terms. */
function readTheirs(error: ActionError): (EditableDetails & { version: number }) | null {
  const theirs = (error.details as { theirs?: Record<string, unknown> } | undefined)?.theirs;
  if (!theirs || typeof theirs.version !== "number") return null;
  const text = (name: keyof EditableDetails) => (typeof theirs[name] === "string" ? theirs[name] : "");
  return {
    version: theirs.version,
    title: text("title"),
    outlet: text("outlet"),
    author: text("author"),
    url: text("url"),
    language: text("language"),
    publishedAt: text("publishedAt").slice(0, 10),
    sourceUpdatedAt: text("sourceUpdatedAt").slice(0, 10),
  };
}

/**
 * Corrects the article's details. The save carries the version the editor started from: when
 * someone else saved in between, nothing is overwritten; their values are shown and the form
 * starts again from them. The revisions' text never changes here.
 */
export function DetailsEditor({ articleId, version, details }: { articleId: string; version: number; details: EditableDetails }) {
  const t = useTranslations("workbenchArticles.details");
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(details);
  const [startedFrom, setStartedFrom] = useState(version);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const fieldReasons = useFieldReasons(error);
  const [notice, setNotice] = useState<string | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await updateArticleDetailsAction({ articleId, expectedVersion: startedFrom, ...fields });
    setPending(false);
    if (!result.ok) {
      const theirs = result.error.code === "conflict" ? readTheirs(result.error) : null;
      if (theirs) {
        const { version: theirVersion, ...saved } = theirs;
        setFields(saved);
        setStartedFrom(theirVersion);
      }
      setError(result.error);
      return;
    }
    setOpen(false);
    setNotice(result.data.changed ? t("saved") : t("unchanged"));
    router.refresh();
  }

  if (!open) {
    return (
      <p className="button-row">
        <button
          type="button"
          className="secondary-button"
          onClick={() => {
            setFields(details);
            setStartedFrom(version);
            setError(null);
            setNotice(null);
            setOpen(true);
          }}
        >
          {t("edit")}
        </button>
        <span className="form-ok" role="status">
          {notice}
        </span>
      </p>
    );
  }

  return (
    <form className="panel-box" onSubmit={save} aria-label={t("label")}>
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
          {error.code === "conflict" && ` ${t("conflict")}`}
        </p>
      )}
      <div className="details-grid">
        {FIELDS.map(({ name, type }) => (
          <div key={name} className="field">
            <label htmlFor={`${ids}-${name}`}>{t(`fields.${name}`)}</label>
            <input
              id={`${ids}-${name}`}
              type={type}
              value={fields[name]}
              required={name === "title" || name === "language"}
              onChange={(event) => setFields((current) => ({ ...current, [name]: event.target.value }))}
            />
            {fieldReasons(name) && <p className="form-error">{fieldReasons(name)}</p>}
          </div>
        ))}
      </div>
      <p className="meta">{t("note")}</p>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" className="secondary-button" onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
