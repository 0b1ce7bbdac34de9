import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";
import type { Actor } from "@/lib/auth/actor";
import { compareWorkingVersion } from "@/lib/publishing/compare-working-version";
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
  const t = await getTranslations("workbenchClaim.working");
  const locale = localeOf(await getLocale());
  const format = await getFormatter();
  return (
    <section className={`vr-panel ${differs ? "working-differs" : ""}`} aria-labelledby="working-title">
      <h2 id="working-title" className="vr-panel-title">
        {t("title")}
      </h2>
      <p>
        {t.rich("published", {
          number: comparison.publishedRevisionNumber,
          date: format.dateTime(comparison.publishedAt, "day"),
          strong: (chunks) => <strong>{chunks}</strong>,
          link: () => <Link href={`/fact-checks/${comparison.slug}`}>/fact-checks/{comparison.slug}</Link>,
        })}
      </p>
      {!differs ? (
        <p className="meta">{t("same")}</p>
      ) : (
        <>
          <p>
            {t.rich("working", { strong: (chunks) => <strong>{chunks}</strong> })}{" "}
            <span className="vr-legend">{t.rich("legend", { del: (chunks) => <del>{chunks}</del>, ins: (chunks) => <ins>{chunks}</ins> })}</span>
          </p>
          <SnapshotDiffView diff={page} />
          {verdict && (
            <dl className="diff-list">
              {verdict.rating.changed && (
                <div className="diff-changed">
                  <dt>{t("rating")}</dt>
                  <dd>
                    <del>{ratingWords(verdict.rating.before, locale).name}</del> <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> {t("changedTo")} </span> <ins>{ratingWords(verdict.rating.after, locale).name}</ins>
                  </dd>
                </div>
              )}
              {verdict.fields
                .filter((field) => field.changed)
                .map((field) => (
                  <div key={field.field} className="diff-changed">
                    <dt>{t(`fields.${field.field}`)}</dt>
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
