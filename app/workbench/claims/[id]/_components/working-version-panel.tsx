import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { compareWorkingVersion } from "@/lib/publishing/compare-working-version";
import { formatDate } from "@/app/_components/format-date";
import { WordDiff } from "@/app/_components/word-diff";
import { SnapshotDiffView } from "@/app/workbench/_components/snapshot-diff-view";

/**
 * For a published claim: which version readers see, and what the working version (what editors have
 * changed since) would change on the page once a new revision is approved and published.
 */
export async function WorkingVersionPanel({ actor, claimId }: { actor: Actor; claimId: string }) {
  const comparison = await compareWorkingVersion(actor, claimId);
  if (!comparison) return null;
  const { page, verdict } = comparison;
  const differs = page.changed || verdict !== null;
  return (
    <section className={`vr-panel ${differs ? "working-differs" : ""}`} aria-labelledby="working-title">
      <h2 id="working-title" className="vr-panel-title">
        Published and working versions
      </h2>
      <p>
        <strong>Published:</strong> readers see revision {comparison.publishedRevisionNumber}, public since {formatDate(comparison.publishedAt)}, at{" "}
        <Link href={`/fact-checks/${comparison.slug}`}>/fact-checks/{comparison.slug}</Link>.
      </p>
      {!differs ? (
        <p className="meta">The working version reads the same as the published one.</p>
      ) : (
        <>
          <p>
            <strong>Working version:</strong> these changes are not public. Readers see them once a new verdict revision is submitted, approved by a
            reviewer and published as an update or a correction.{" "}
            <span className="vr-legend">
              Marked: <del>as published</del> <ins>in the working version</ins>.
            </span>
          </p>
          <SnapshotDiffView diff={page} />
          {verdict && (
            <dl className="diff-list">
              {verdict.rating.changed && (
                <div className="diff-changed">
                  <dt>Rating</dt>
                  <dd>
                    <del>{verdict.rating.before}</del> <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> changed to </span> <ins>{verdict.rating.after}</ins>
                  </dd>
                </div>
              )}
              {verdict.fields
                .filter((field) => field.changed)
                .map((field) => (
                  <div key={field.field} className="diff-changed">
                    <dt>{field.label}</dt>
                    <dd className="vr-pre">{field.parts ? <WordDiff parts={field.parts} /> : <ins>{field.after}</ins>}</dd>
                  </div>
                ))}
            </dl>
          )}
        </>
      )}
    </section>
  );
}
