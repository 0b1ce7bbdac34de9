"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { ArticlePreview } from "@/lib/articles/preview-article";
import type { ImportArticleResult } from "@/lib/articles/import-article";

type Details = { title: string; outlet: string; author: string; url: string; publishedAt: string; sourceUpdatedAt: string; language: string };
type Upload = {
  key: string;
  file: File;
  progress: number;
  phase: "checking" | "ready" | "importing" | "imported" | "duplicate" | "refused";
  message?: string;
  preview?: ArticlePreview;
  details?: Details;
  articleId?: string;
};

const PHASE_LABEL: Record<Upload["phase"], string> = {
  checking: "Reading the file…",
  ready: "Check the details, then import",
  importing: "Importing…",
  imported: "Imported",
  duplicate: "Already in Claimwork",
  refused: "Refused",
};

type ApiAnswer<T> = { ok: true; data: T } | { ok: false; message: string };

/** POSTs a form with upload progress (fetch cannot report it); resolves with the JSON answer. */
function postWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<ApiAnswer<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { error?: { message?: string } } | null;
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, data: answer as T });
      else resolve({ ok: false, message: answer?.error?.message ?? `The server answered ${request.status}.` });
    };
    request.onerror = () => resolve({ ok: false, message: "The upload failed: check your connection and try again." });
    request.send(body);
  });
}

let uploadCounter = 0;

export function ImportPanel() {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  async function check(upload: Upload) {
    const body = new FormData();
    body.append("file", upload.file);
    const answer = await postWithProgress<ArticlePreview>("/api/articles/preview", body, (progress) => update(upload.key, { progress }));
    if (!answer.ok) return update(upload.key, { phase: "refused", message: answer.message, progress: 1 });
    const preview = answer.data;
    update(upload.key, {
      phase: "ready",
      progress: 1,
      preview,
      details: {
        title: preview.title,
        outlet: preview.outlet ?? "",
        author: preview.author ?? "",
        url: preview.url ?? "",
        publishedAt: preview.publishedAt?.slice(0, 10) ?? "",
        sourceUpdatedAt: preview.sourceUpdatedAt?.slice(0, 10) ?? "",
        language: preview.language,
      },
    });
  }

  function add(files: File[]) {
    const added = files.map((file) => ({ key: `upload-${++uploadCounter}`, file, progress: 0, phase: "checking" as const }));
    setUploads((current) => [...added, ...current]);
    for (const upload of added) void check(upload);
  }

  async function importOne(upload: Upload) {
    if (upload.phase !== "ready" || !upload.details) return;
    update(upload.key, { phase: "importing", progress: 0 });
    const body = new FormData();
    body.append("file", upload.file);
    for (const [key, value] of Object.entries(upload.details)) if (value.trim()) body.append(key, value.trim());
    const answer = await postWithProgress<ImportArticleResult>("/api/articles", body, (progress) => update(upload.key, { progress }));
    if (!answer.ok) return update(upload.key, { phase: "refused", message: answer.message, progress: 1 });
    update(upload.key, {
      phase: answer.data.status,
      articleId: answer.data.articleId,
      progress: 1,
      message: answer.data.status === "duplicate" ? `The same text is already imported as “${answer.data.title}”.` : undefined,
    });
  }

  const ready = uploads.filter((upload) => upload.phase === "ready");

  return (
    <>
      <div className="import-grid">
        <section className="panel-box" aria-label="Upload files">
          <h2>Upload files</h2>
          <div
            className={`dropzone${dragging ? " dragging" : ""}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              add([...event.dataTransfer.files]);
            }}
          >
            <p>Drop .txt, .md or .html files here, one or many at once, or</p>
            <label htmlFor="article-files" className="button">
              Choose files
            </label>
            <input
              ref={fileInput}
              id="article-files"
              className="visually-hidden"
              type="file"
              multiple
              accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              onChange={(event) => {
                add([...(event.target.files ?? [])]);
                if (fileInput.current) fileInput.current.value = "";
              }}
            />
            <p className="meta">Up to 2 MiB each. The file is kept byte for byte beside the text you annotate.</p>
          </div>
        </section>
        <section className="panel-box" aria-label="Paste text">
          <h2>Paste text</h2>
          <label htmlFor="pasted-text">Article text</label>
          <textarea id="pasted-text" rows={7} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <div className="button-row">
            <button
              type="button"
              disabled={!pasted.trim()}
              onClick={() => {
                add([new File([pasted], "pasted-text.txt", { type: "text/plain" })]);
                setPasted("");
              }}
            >
              Read pasted text
            </button>
          </div>
        </section>
      </div>

      {ready.length > 1 && (
        <p>
          <button type="button" onClick={() => ready.forEach((upload) => void importOne(upload))}>
            Import all {ready.length} checked files
          </button>
        </p>
      )}

      <ul className="upload-list" aria-label="Files">
        {uploads.map((upload) => (
          <li key={upload.key} className="upload-item" aria-label={upload.file.name}>
            <div className="upload-head">
              <strong>{upload.file.name}</strong>
              <span className={`upload-result-${upload.phase}`} role="status">
                {PHASE_LABEL[upload.phase]}
              </span>
            </div>
            <progress value={upload.progress} max={1} aria-label={`Progress of ${upload.file.name}`} />
            {upload.message && <p className={upload.phase === "refused" ? "form-error" : "meta"}>{upload.message}</p>}
            {upload.phase === "ready" && upload.details && upload.preview && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void importOne(upload);
                }}
              >
                {upload.preview.duplicateOf && (
                  <p className="notice">
                    This text is already in Claimwork as{" "}
                    <Link href={`/workbench/articles/${upload.preview.duplicateOf.articleId}`}>{upload.preview.duplicateOf.title}</Link>; importing it
                    again will not create a copy.
                  </p>
                )}
                <div className="details-grid">
                  {(
                    [
                      ["title", "Title", "text"],
                      ["outlet", "Outlet", "text"],
                      ["author", "Author(s)", "text"],
                      ["url", "Address (URL)", "url"],
                      ["publishedAt", "Published", "date"],
                      ["sourceUpdatedAt", "Updated by the outlet", "date"],
                      ["language", "Language (en, fr…)", "text"],
                    ] as const
                  ).map(([field, label, type]) => (
                    <div key={field} className="field">
                      <label htmlFor={`${upload.key}-${field}`}>{label}</label>
                      <input
                        id={`${upload.key}-${field}`}
                        type={type}
                        value={upload.details![field]}
                        onChange={(event) => update(upload.key, { details: { ...upload.details!, [field]: event.target.value } })}
                      />
                    </div>
                  ))}
                </div>
                <p className="meta">{upload.preview.characters.toLocaleString("en")} characters of text.</p>
                <button type="submit">Import {upload.file.name}</button>
              </form>
            )}
            {(upload.phase === "imported" || upload.phase === "duplicate") && upload.articleId && (
              <p>
                <Link href={`/workbench/articles/${upload.articleId}`}>Open the article</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
