"use client";

import Link from "next/link";
import { memo, useState } from "react";
import type { Details, Phase, Upload } from "./import-queue";

const PHASE_LABEL: Record<Phase, string> = {
  waiting: "Waiting its turn",
  checking: "Reading the file…",
  ready: "Check the details, then import",
  queued: "Waiting to be imported",
  importing: "Importing…",
  imported: "Imported",
  duplicate: "Already in Claimwork",
  refused: "Refused",
  failed: "Not sent: the connection or the server failed",
};

const FIELDS = [
  ["title", "Title", "text"],
  ["outlet", "Outlet", "text"],
  ["author", "Author(s)", "text"],
  ["url", "Address (URL)", "url"],
  ["publishedAt", "Published", "date"],
  ["sourceUpdatedAt", "Updated by the outlet", "date"],
  ["language", "Language (en, fr…)", "text"],
] as const;

type Props = {
  upload: Upload;
  /** Many files: each ready file shows its proposed title, and its details form only when asked (a page of 50 forms is slow to draw). */
  compact: boolean;
  onImport: (key: string) => void;
  onRetry: (key: string) => void;
  onEdit: (key: string, details: Details) => void;
};

/** One file of an import: its status and progress, and while it is ready, its proposed details. */
export const UploadItem = memo(function UploadItem({ upload, compact, onImport, onRetry, onEdit }: Props) {
  const { key, file, phase, preview, details } = upload;
  const [open, setOpen] = useState(false);
  return (
    <li className="upload-item" aria-label={file.name}>
      <div className="upload-head">
        <strong>{file.name}</strong>
        <span className={`upload-result-${phase}`} role="status">
          {PHASE_LABEL[phase]}
        </span>
      </div>
      <progress value={upload.progress} max={1} aria-label={`Progress of ${file.name}`} />
      {upload.message && <p className={phase === "refused" || phase === "failed" ? "form-error" : "meta"}>{upload.message}</p>}
      {phase === "failed" && (
        <button type="button" onClick={() => onRetry(key)}>
          Try {file.name} again
        </button>
      )}
      {phase === "ready" && details && preview && compact && !open && (
        <p className="meta">
          “{details.title}”, {preview.characters.toLocaleString("en")} characters{preview.duplicateOf && ", already in Claimwork"}.{" "}
          <button type="button" className="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
            Check the details of {file.name}
          </button>
        </p>
      )}
      {phase === "ready" && details && preview && (!compact || open) && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onImport(key);
          }}
        >
          {preview.duplicateOf && (
            <p className="notice">
              This text is already in Claimwork as <Link href={`/workbench/articles/${preview.duplicateOf.articleId}`}>{preview.duplicateOf.title}</Link>;
              importing it again will not create a copy.
            </p>
          )}
          <div className="details-grid">
            {FIELDS.map(([field, label, type]) => (
              <div key={field} className="field">
                <label htmlFor={`${key}-${field}`}>{label}</label>
                <input id={`${key}-${field}`} type={type} value={details[field]} onChange={(event) => onEdit(key, { ...details, [field]: event.target.value })} />
              </div>
            ))}
          </div>
          <p className="meta">{preview.characters.toLocaleString("en")} characters of text.</p>
          <button type="submit">Import {file.name}</button>
        </form>
      )}
      {(phase === "imported" || phase === "duplicate") && upload.articleId && (
        <p>
          <Link href={`/workbench/articles/${upload.articleId}`}>Open the article</Link>
        </p>
      )}
    </li>
  );
});
