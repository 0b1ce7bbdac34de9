"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ImportSummary } from "./import-summary";
import { folderPicker, pickFolder, type FileHandle } from "./pick-folder";
import { UploadItem } from "./upload-item";
import { useImportQueue } from "./use-import-queue";

const ACCEPTED = /\.(txt|md|markdown|html?)$/i;
/** Files listed per page: a folder of thousands is read in pages, never rendered at once. */
const PAGE_SIZE = 50;
/** From this many files on, a ready file's details form opens on request only. */
const COMPACT_FROM = 11;

/** Import of pasted text, files or whole folders: each file read and proposed, then imported. */
export function ImportPanel() {
  const { queue, uploads, busy } = useImportQueue();
  const t = useTranslations("workbenchImport.panel");
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState("");
  const [page, setPage] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const add = (files: (File | FileHandle)[]) => {
    queue.addFiles(files.filter((file) => ACCEPTED.test(file.name) || (file instanceof File && file.type.startsWith("text/"))));
  };
  const pages = Math.max(1, Math.ceil(uploads.length / PAGE_SIZE));
  const shown = uploads.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const readyKeys = uploads.filter((upload) => upload.phase === "ready").map((upload) => upload.key);

  return (
    <>
      <div className="import-grid">
        <section className="panel-box" aria-label={t("upload")}>
          <h2>{t("upload")}</h2>
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
              setPage(0);
            }}
          >
            <p>{t("drop")}</p>
            <div className="button-row centered">
              <label htmlFor="article-files" className="button">
                {t("chooseFiles")}
              </label>
              <label htmlFor="article-folder" className="button secondary">
                {t("chooseFolder")}
              </label>
            </div>
            <input
              ref={fileInput}
              id="article-files"
              className="visually-hidden"
              type="file"
              multiple
              accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              onChange={(event) => {
                add([...(event.target.files ?? [])]);
                setPage(0);
                if (fileInput.current) fileInput.current.value = "";
              }}
            />
            <input
              ref={folderInput}
              id="article-folder"
              className="visually-hidden"
              type="file"
              // A folder's files, read a few at a time; other kinds of files in it are left out.
              {...{ webkitdirectory: "" }}
              // Where the browser has a folder picker, it is used instead (pick-folder.ts): the click
              // (from the label or the keyboard) opens it rather than the input's own dialog.
              onClick={(event) => {
                const picker = folderPicker();
                if (!picker) return;
                event.preventDefault();
                setPage(0);
                void pickFolder(picker, add);
              }}
              onChange={(event) => {
                add([...(event.target.files ?? [])]);
                setPage(0);
                if (folderInput.current) folderInput.current.value = "";
              }}
            />
            <p className="meta">{t("limits")}</p>
          </div>
        </section>
        <section className="panel-box" aria-label={t("paste")}>
          <h2>{t("paste")}</h2>
          <label htmlFor="pasted-text">{t("pastedText")}</label>
          <textarea id="pasted-text" rows={7} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <div className="button-row">
            <button
              type="button"
              disabled={!pasted.trim()}
              onClick={() => {
                add([new File([pasted], "pasted-text.txt", { type: "text/plain" })]);
                setPage(0);
                setPasted("");
              }}
            >
              {t("readPasted")}
            </button>
          </div>
        </section>
      </div>

      {uploads.length > 1 && (
        <ImportSummary uploads={uploads} paused={queue.paused} busy={busy} onImportReady={() => queue.importAll(readyKeys)} onPause={(pause) => queue.setPaused(pause)} />
      )}

      <ul className="upload-list" aria-label={t("files")}>
        {shown.map((upload) => (
          <UploadItem key={upload.key} upload={upload} compact={uploads.length >= COMPACT_FROM} onImport={queue.importOne} onRetry={queue.retry} onEdit={queue.editDetails} />
        ))}
      </ul>

      {pages > 1 && (
        <nav className="button-row" aria-label={t("pages")}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t("previous")}
          </button>
          <span className="meta">{t("range", { first: page * PAGE_SIZE + 1, last: Math.min((page + 1) * PAGE_SIZE, uploads.length), total: uploads.length })}</span>
          <button type="button" className="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t("next")}
          </button>
        </nav>
      )}
    </>
  );
}
