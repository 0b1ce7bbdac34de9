"use client";

import { useTranslations } from "next-intl";
import type { Phase, Upload } from "./import-queue";

type Props = {
  uploads: Upload[];
  paused: boolean;
  busy: boolean;
  onImportReady: () => void;
  onPause: (pause: boolean) => void;
};

function count(uploads: Upload[], ...phases: Phase[]): number {
  return uploads.filter((upload) => phases.includes(upload.phase)).length;
}

/** Where a many-file import stands: how many files are read and imported, and what needs a person. */
export function ImportSummary({ uploads, paused, busy, onImportReady, onPause }: Props) {
  const t = useTranslations("workbenchImport.summary");
  const total = uploads.length;
  const read = total - count(uploads, "waiting", "checking");
  const ready = count(uploads, "ready");
  const requested = count(uploads, "queued", "importing", "imported", "duplicate") + uploads.filter((upload) => upload.phase === "refused" && upload.stoppedAt === "import").length;
  const imported = count(uploads, "imported");
  const duplicates = count(uploads, "duplicate");
  const refused = count(uploads, "refused");
  const failed = count(uploads, "failed");
  const importsDone = requested - count(uploads, "queued", "importing");
  return (
    <section className="panel-box import-summary" aria-label={t("label")}>
      <div className="import-bars">
        <label>
          {t("read", { read, total })}
          <progress value={read} max={total} />
        </label>
        {requested > 0 && (
          <label>
            {t("imported", { done: importsDone, requested })}
            <progress value={importsDone} max={requested} />
          </label>
        )}
      </div>
      <p className="meta" role="status">
        {t("counts", { imported, duplicates, refused })}
        {failed > 0 && t("failed", { failed })}
        {paused && t("paused")}
      </p>
      <div className="button-row">
        {ready > 0 && (
          <button type="button" onClick={onImportReady}>
            {t("importAll", { count: ready })}
          </button>
        )}
        {(busy || paused) && (
          <button type="button" className="secondary" onClick={() => onPause(!paused)}>
            {paused ? t("resume") : t("pause")}
          </button>
        )}
      </div>
    </section>
  );
}
