"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/app/_components/error-message";
import type { ActionError } from "@/lib/actions/create-action";
import type { ExchangePreview } from "@/lib/exchange/preview-exchange-file";
import type { ExternalImportResult } from "@/lib/exchange/import-external-fact-checks";
import type { CsvColumns } from "@/lib/exchange/csv-fields";
import { postFile } from "./post-file";
import { PreviewReport } from "./preview-report";
import { CsvColumnsForm } from "./csv-columns-form";

type Phase = "idle" | "checking" | "previewed" | "importing" | "imported" | "failed";
type Target = "external" | "archive";
type StreamLine = { done?: number; total?: number; result?: ExternalImportResult; error?: ActionError };

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
  const t = useTranslations("workbenchExchangeImport");
  const [target, setTarget] = useState<Target>("external");
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<CsvColumns | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState({ value: 0, label: "" });
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [onlyGoodRows, setOnlyGoodRows] = useState(false);
  const [result, setResult] = useState<ExternalImportResult | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function check(chosen: File, chosenColumns: CsvColumns | undefined, chosenTarget: Target = target) {
    setPhase("checking");
    setPreview(null);
    setResult(null);
    setOnlyGoodRows(false);
    setFailure(null);
    const answer = await postFile<ExchangePreview>("/api/exchange/preview", formOf(chosen, chosenTarget, chosenColumns), {
      onUpload: (fraction) => setProgress({ value: fraction, label: t("sending", { name: chosen.name }) }),
    });
    if (!answer.ok) {
      setPhase("failed");
      return setFailure(answer.error);
    }
    setPreview(answer.data);
    setColumns(answer.data.csv?.columns);
    setProgress({ value: 1, label: t("checked") });
    setPhase("previewed");
  }

  async function runImport() {
    if (!file || !preview) return;
    setPhase("importing");
    let outcome: StreamLine = {};
    const answer = await postFile<undefined>("/api/exchange/import", formOf(file, target, columns, onlyGoodRows), {
      onUpload: (fraction) => setProgress({ value: fraction * 0.1, label: t("sending", { name: file.name }) }),
      onLine: (raw) => {
        const line = raw as StreamLine;
        if (line.total) setProgress({ value: 0.1 + 0.9 * ((line.done ?? 0) / line.total), label: t("importedOf", { done: line.done ?? 0, total: line.total }) });
        if (line.result || line.error) outcome = line;
      },
    });
    if (!answer.ok || outcome.error || !outcome.result) {
      setPhase("failed");
      return setFailure(answer.ok ? (outcome.error ?? { code: "internal", message: t("stopped") }) : answer.error);
    }
    setResult(outcome.result);
    setProgress({ value: 1, label: t("done") });
    setPhase("imported");
  }

  const good = preview?.goodCount ?? 0;
  const toImport = good - (preview?.alreadyImported ?? 0);
  const needsConfirmation = (preview?.problemCount ?? 0) > 0;

  return (
    <div className="ex-import">
      <section className="panel-box" aria-labelledby="file-title">
        <h2 id="file-title">{t("file")}</h2>
        {canImportArchive && (
          <fieldset className="cl-fieldset">
            <legend>{t("whose")}</legend>
            {(
              [
                ["external", t("targetExternal")],
                ["archive", t("targetArchive")],
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
        <p className="meta">{t("formats")}</p>
        <label htmlFor="exchange-file" className="button">
          {t("choose")}
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
            <progress value={progress.value} max={1} aria-label={t("progressOf", { name: file?.name ?? t("theFile") })} />
            <span role="status">{phase === "failed" ? t("refused") : progress.label}</span>
          </div>
        )}
        {phase === "failed" && (
          <p className="form-error" role="alert">
            <ErrorMessage error={failure} />
          </p>
        )}
      </section>

      {preview && (
        <section className="panel-box" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("preview")}</h2>
          <PreviewReport preview={preview} />
          {preview.csv && file && <CsvColumnsForm key={JSON.stringify(preview.csv.columns)} headers={preview.csv.headers} columns={preview.csv.columns} onCheck={(chosen) => void check(file, chosen)} />}
          {phase === "previewed" && (
            <div className="ex-confirm">
              {needsConfirmation && (
                <p className="cl-check">
                  <input id="only-good-rows" type="checkbox" checked={onlyGoodRows} onChange={(event) => setOnlyGoodRows(event.target.checked)} disabled={good === 0} />{" "}
                  <label htmlFor="only-good-rows">
                    {t("onlyGood", { good, problems: preview.problemCount })}
                  </label>
                </p>
              )}
              <button type="button" onClick={() => void runImport()} disabled={good === 0 || (needsConfirmation && !onlyGoodRows)}>
                {t("importButton", { target, count: toImport })}
              </button>
              {needsConfirmation && !onlyGoodRows && <p className="meta">{t("confirmFirst")}</p>}
            </div>
          )}
        </section>
      )}

      {phase === "imported" && result && (
        <p className="notice" role="status">
          {t("result", { imported: result.imported, skipped: result.skipped, refused: result.refused })}{" "}
          <Link href="/workbench/exchange">{t("seeAll")}</Link>
        </p>
      )}
    </div>
  );
}
