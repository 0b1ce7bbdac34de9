"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { memo, useState } from "react";
import { ErrorMessage } from "@/app/_components/error-message";
import type { Details, Notice, Upload } from "./import-queue";

const FIELDS = [
  ["title", "text"],
  ["outlet", "text"],
  ["author", "text"],
  ["url", "url"],
  ["publishedAt", "date"],
  ["sourceUpdatedAt", "date"],
  ["language", "text"],
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
  const { key, file, phase, preview, details, notice } = upload;
  const [open, setOpen] = useState(false);
  const t = useTranslations("workbenchImport.file");
  return (
    <li className="upload-item" aria-label={file.name}>
      <div className="upload-head">
        <strong>{file.name}</strong>
        <span className={`upload-result-${phase}`} role="status">
          {t(`phase.${phase}`)}
        </span>
      </div>
      <progress value={upload.progress} max={1} aria-label={t("progress", { name: file.name })} />
      {notice && <p className={phase === "refused" || phase === "failed" ? "form-error" : "meta"}><NoticeText notice={notice} /></p>}
      {phase === "failed" && (
        <button type="button" onClick={() => onRetry(key)}>
          {t("retry", { name: file.name })}
        </button>
      )}
      {phase === "ready" && details && preview && compact && !open && (
        <p className="meta">
          {preview.duplicateOf
            ? t("proposedDuplicate", { title: details.title, characters: preview.characters })
            : t("proposed", { title: details.title, characters: preview.characters })}{" "}
          <button type="button" className="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
            {t("check", { name: file.name })}
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
              {t.rich("duplicateNotice", {
                title: preview.duplicateOf.title,
                link: (chunks) => <Link href={`/workbench/articles/${preview.duplicateOf!.articleId}`}>{chunks}</Link>,
              })}
            </p>
          )}
          <div className="details-grid">
            {FIELDS.map(([field, type]) => (
              <div key={field} className="field">
                <label htmlFor={`${key}-${field}`}>{t(`fields.${field}`)}</label>
                <input id={`${key}-${field}`} type={type} value={details[field]} onChange={(event) => onEdit(key, { ...details, [field]: event.target.value })} />
              </div>
            ))}
          </div>
          <p className="meta">{t("characters", { characters: preview.characters })}</p>
          <button type="submit">{t("import", { name: file.name })}</button>
        </form>
      )}
      {(phase === "imported" || phase === "duplicate") && upload.articleId && (
        <p>
          <Link href={`/workbench/articles/${upload.articleId}`}>{t("open")}</Link>
        </p>
      )}
    </li>
  );
});

/** A file's notice in the reader's language. */
function NoticeText({ notice }: { notice: Notice }) {
  const t = useTranslations("workbenchImport.file");
  switch (notice.kind) {
    case "refusal":
      return <ErrorMessage error={notice.error} />;
    case "unreachable":
      return t("unreachable");
    case "unreadable":
      return t("unreadable");
    case "serverAnswered":
      return t("serverAnswered", { status: notice.status });
    case "alreadyImported":
      return t("alreadyImported", { title: notice.title });
    case "importedEarlier":
      return t("importedEarlier", { title: notice.title });
  }
}
