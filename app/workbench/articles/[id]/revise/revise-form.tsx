"use client";

import Link from "next/link";
import { useState } from "react";
import type { ReanchorSummary } from "@/lib/articles/revise-article";

type Outcome = { revisionNumber: number; summary: ReanchorSummary };

/** Uploads or pastes the article's new text; the server re-anchors every passage into it. */
export function ReviseForm({ articleId, currentRevision, currentText }: { articleId: string; currentRevision: number; currentText: string }) {
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
      else setError(answer?.error?.message ?? `The server answered ${request.status}.`);
    };
    request.onerror = () => {
      setProgress(null);
      setError("The upload failed: check your connection and try again.");
    };
    setProgress(0);
    request.send(body);
  }

  if (outcome) {
    const { anchored, moved, fuzzy, orphaned } = outcome.summary;
    return (
      <div className="panel-box" role="status">
        <h2>Revision {outcome.revisionNumber} saved</h2>
        <p>
          Passages: {anchored} kept, {moved} moved, {fuzzy} changed (confirm their new wording), {orphaned} lost.
        </p>
        <p>
          <Link className="button" href={`/workbench/articles/${articleId}`}>
            {moved + fuzzy + orphaned > 0 ? "Check the passages that changed" : "Back to the article"}
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
      <label htmlFor="revision-text">New text of the article</label>
      <textarea id="revision-text" rows={18} value={text} onChange={(event) => setText(event.target.value)} disabled={Boolean(file)} />
      <label htmlFor="revision-file">…or upload the updated file</label>
      <input id="revision-file" type="file" accept=".txt,.md,.markdown,.html,.htm" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      {progress !== null && <progress value={progress} max={1} aria-label="Upload progress" />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={progress !== null}>
          Save as revision {currentRevision + 1}
        </button>
        <Link href={`/workbench/articles/${articleId}`}>Cancel</Link>
      </div>
    </form>
  );
}
