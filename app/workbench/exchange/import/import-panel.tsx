"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { ExchangePreview } from "@/lib/exchange/preview-exchange-file";
import type { ExternalImportResult } from "@/lib/exchange/import-external-fact-checks";
import type { CsvColumns } from "@/lib/exchange/csv-fields";
import { postFile } from "./post-file";
import { PreviewReport } from "./preview-report";
import { CsvColumnsForm } from "./csv-columns-form";

type Phase = "idle" | "checking" | "previewed" | "importing" | "imported" | "failed";
type Target = "external" | "archive";
type StreamLine = { done?: number; total?: number; result?: ExternalImportResult; error?: { message: string } };

function formOf(file: File, target: Target, columns: CsvColumns | undefined, onlyGoodRows = false): FormData {
  const body = new FormData();
  body.append("file", file);
  body.append("target", target);
  if (columns) body.append("csvColumns", JSON.stringify(columns));
  if (onlyGoodRows) body.append("onlyGoodRows", "true");
  return body;
}

/**
 * Choose whose fact-checks (another newsroom's, or our own archive for those who may publish), choose a
 * file, read the preview (every problem named), confirm, and follow the import's progress.
 */
export function ImportPanel({ canImportArchive }: { canImportArchive: boolean }) {
  const [target, setTarget] = useState<Target>("external");
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<CsvColumns | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState({ value: 0, label: "" });
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [onlyGoodRows, setOnlyGoodRows] = useState(false);
  const [result, setResult] = useState<ExternalImportResult | null>(null);
  const [message, setMessage] = useState("");
  const input = useRef<HTMLInputElement>(null);

  async function check(chosen: File, chosenColumns: CsvColumns | undefined, chosenTarget: Target = target) {
    setPhase("checking");
    setPreview(null);
    setResult(null);
    setOnlyGoodRows(false);
    setMessage("");
    const answer = await postFile<ExchangePreview>("/api/exchange/preview", formOf(chosen, chosenTarget, chosenColumns), {
      onUpload: (fraction) => setProgress({ value: fraction, label: `Sending ${chosen.name}…` }),
    });
    if (!answer.ok) {
      setPhase("failed");
      return setMessage(answer.message);
    }
    setPreview(answer.data);
    setColumns(answer.data.csv?.columns);
    setProgress({ value: 1, label: "Checked" });
    setPhase("previewed");
  }

  async function runImport() {
    if (!file || !preview) return;
    setPhase("importing");
    let outcome: StreamLine = {};
    const answer = await postFile<undefined>("/api/exchange/import", formOf(file, target, columns, onlyGoodRows), {
      onUpload: (fraction) => setProgress({ value: fraction * 0.1, label: `Sending ${file.name}…` }),
      onLine: (raw) => {
        const line = raw as StreamLine;
        if (line.total) setProgress({ value: 0.1 + 0.9 * ((line.done ?? 0) / line.total), label: `Imported ${(line.done ?? 0).toLocaleString("en")} of ${line.total.toLocaleString("en")}` });
        if (line.result || line.error) outcome = line;
      },
    });
    if (!answer.ok || outcome.error || !outcome.result) {
      setPhase("failed");
      return setMessage(answer.ok ? (outcome.error?.message ?? "The import stopped before it finished; nothing was imported.") : answer.message);
    }
    setResult(outcome.result);
    setProgress({ value: 1, label: "Done" });
    setPhase("imported");
  }

  const good = preview?.goodCount ?? 0;
  const toImport = good - (preview?.alreadyImported ?? 0);
  const needsConfirmation = (preview?.problemCount ?? 0) > 0;

  return (
    <div className="ex-import">
      <section className="panel-box" aria-labelledby="file-title">
        <h2 id="file-title">File</h2>
        {canImportArchive && (
          <fieldset className="cl-fieldset">
            <legend>Whose fact-checks?</legend>
            {(
              [
                ["external", "Another newsroom’s: shown to editors as “already checked by”, never to our readers"],
                ["archive", "Our own archive: published on our site as our fact-checks, approved by their first publication"],
              ] as const
            ).map(([value, label]) => (
              <p key={value} className="cl-check">
                <input
                  type="radio"
                  id={`target-${value}`}
                  name="target"
                  checked={target === value}
                  onChange={() => {
                    setTarget(value);
                    if (file) void check(file, columns, value);
                  }}
                />
                <label htmlFor={`target-${value}`}>{label}</label>
              </p>
            ))}
          </fieldset>
        )}
        <p className="meta">
          An HTML page with ClaimReview JSON-LD, a schema.org DataFeed (.json), a Google Fact Check Tools claims:search answer (.json),
          or a CSV with a header row. Up to 8 MiB.
        </p>
        <label htmlFor="exchange-file" className="button">
          Choose a file
        </label>
        <input
          ref={input}
          id="exchange-file"
          className="visually-hidden"
          type="file"
          accept=".html,.htm,.json,.jsonld,.csv,text/html,application/json,application/ld+json,text/csv"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (input.current) input.current.value = "";
            if (!chosen) return;
            setFile(chosen);
            setColumns(undefined);
            void check(chosen, undefined);
          }}
        />
        {file && <p className="ex-file-name">{file.name}</p>}
        {phase !== "idle" && (
          <div className="ex-progress">
            <progress value={progress.value} max={1} aria-label={`Progress of ${file?.name ?? "the file"}`} />
            <span role="status">{phase === "failed" ? "Refused" : progress.label}</span>
          </div>
        )}
        {phase === "failed" && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
      </section>

      {preview && (
        <section className="panel-box" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <PreviewReport preview={preview} />
          {preview.csv && file && <CsvColumnsForm key={JSON.stringify(preview.csv.columns)} headers={preview.csv.headers} columns={preview.csv.columns} onCheck={(chosen) => void check(file, chosen)} />}
          {phase === "previewed" && (
            <div className="ex-confirm">
              {needsConfirmation && (
                <p className="cl-check">
                  <input id="only-good-rows" type="checkbox" checked={onlyGoodRows} onChange={(event) => setOnlyGoodRows(event.target.checked)} disabled={good === 0} />{" "}
                  <label htmlFor="only-good-rows">
                    Import only the {good.toLocaleString("en")} good row{good === 1 ? "" : "s"} and leave out the {preview.problemCount.toLocaleString("en")} with a
                    problem
                  </label>
                </p>
              )}
              <button type="button" onClick={() => void runImport()} disabled={good === 0 || (needsConfirmation && !onlyGoodRows)}>
                {target === "archive" ? "Publish" : "Import"} {toImport.toLocaleString("en")} fact-check{toImport === 1 ? "" : "s"}
              </button>
              {needsConfirmation && !onlyGoodRows && <p className="meta">Nothing is imported from a file with a problem unless you confirm the good rows only.</p>}
            </div>
          )}
        </section>
      )}

      {phase === "imported" && result && (
        <p className="notice" role="status">
          Imported {result.imported.toLocaleString("en")}; {result.skipped.toLocaleString("en")} already there or repeated were skipped
          {result.refused > 0 && <>; {result.refused.toLocaleString("en")} with a problem left out</>}.{" "}
          <Link href="/workbench/exchange">See other fact-checkers’ work</Link>
        </p>
      )}
    </div>
  );
}
