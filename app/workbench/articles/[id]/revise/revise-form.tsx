"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ReanchorSummary } from "@/lib/articles/revise-article";

type Outcome = { revisionNumber: number; summary: ReanchorSummary };

/** Uploads or pastes the article's new text; the server re-anchors every passage into it. */
export function ReviseForm({ articleId, currentRevision, currentText }: { articleId: string; currentRevision: number; currentText: string }) {
  const t = useTranslations("workbenchArticles.revise");
  const [text, setText] = useState(currentText);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function submit() {
    setError(null);
    const body = new FormData();
    body.append("file", file ?? new File([text], "revision.txt", { type: "text/plain" }));
    body.append("expectedRevisionNumber", String(currentRevision));
    const request = new XMLHttpRequest();
    request.open("POST", `/api/articles/${articleId}/revisions`);
    request.responseType = "json";
    request.upload.onprogress = (event) => event.lengthComputable && setProgress(event.loaded / event.total);
    request.onload = () => {
      setProgress(null);
      const answer = request.response as (Outcome & { error?: { message: string } }) | null;
      if (request.status >= 200 && request.status < 300 && answer) setOutcome(answer);
      else setError(answer?.error?.message ?? t("serverAnswered", { status: request.status }));
    };
    request.onerror = () => {
      setProgress(null);
      setError(t("uploadFailed"));
    };
    setProgress(0);
    request.send(body);
  }

  if (outcome) {
    const { anchored, moved, fuzzy, orphaned } = outcome.summary;
    return (
      <div className="panel-box" role="status">
        <h2>{t("saved", { number: outcome.revisionNumber })}</h2>
        <p>{t("summary", { anchored, moved, fuzzy, orphaned })}</p>
        <p>
          <Link className="button" href={`/workbench/articles/${articleId}`}>
            {moved + fuzzy + orphaned > 0 ? t("checkChanged") : t("back")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor="revision-text">{t("newText")}</label>
      <textarea id="revision-text" rows={18} value={text} onChange={(event) => setText(event.target.value)} disabled={Boolean(file)} />
      <label htmlFor="revision-file">{t("orUpload")}</label>
      <input id="revision-file" type="file" accept=".txt,.md,.markdown,.html,.htm" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      {progress !== null && <progress value={progress} max={1} aria-label={t("progress")} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={progress !== null}>
          {t("submit", { number: currentRevision + 1 })}
        </button>
        <Link href={`/workbench/articles/${articleId}`}>{t("cancel")}</Link>
      </div>
    </form>
  );
}
