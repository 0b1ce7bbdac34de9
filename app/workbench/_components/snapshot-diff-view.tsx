import { useLocale, useTranslations } from "next-intl";
import type { ListedRelated, SnapshotDiff } from "@/lib/publishing/diff-snapshots";
import { localeOf } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";
import { WordDiff } from "@/app/_components/word-diff";

/**
 * What differs in the page readers would see, besides the verdict's own text: the claim's fields,
 * the quoted passages and the related fact-checks. Renders nothing when nothing differs.
 */
export function SnapshotDiffView({ diff }: { diff: SnapshotDiff }) {
  const t = useTranslations("workbenchShared.snapshotDiff");
  const locale = localeOf(useLocale());
  if (!diff.changed) return null;
  const describe = (entry: ListedRelated) =>
    t("relatedEntry", { relation: t(`relation.${entry.type}.${entry.direction}`), statement: entry.statement, rating: ratingWords(entry.rating, locale).name });
  const { passages, related } = diff;
  return (
    <dl className="diff-list">
      {diff.claim.map((field) => (
        <div key={field.field} className="diff-changed">
          <dt>{t(`claimField.${field.field}`)}</dt>
          <dd className="vr-pre">
            {field.parts ? (
              <WordDiff parts={field.parts} />
            ) : (
              <>
                <del>{field.before || t("none")}</del> <span aria-hidden="true">→</span>
                <span className="visually-hidden"> {t("changedTo")} </span> <ins>{field.after || t("none")}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
      {passages.added.length + passages.removed.length + passages.sourceChanged.length > 0 && (
        <div className="diff-changed">
          <dt>{t("passages")}</dt>
          <dd>
            <ul className="diff-items">
              {passages.removed.map((passage) => (
                <li key={`removed-${passage.key}`}>
                  <span className="diff-tag">{t("noLongerQuoted")}</span> <del>{t("quoted", { text: passage.exact })}</del> <span className="meta">{passage.source}</span>
                </li>
              ))}
              {passages.added.map((passage) => (
                <li key={`added-${passage.key}`}>
                  <span className="diff-tag">{t("newlyQuoted")}</span> <ins>{t("quoted", { text: passage.exact })}</ins> <span className="meta">{passage.source}</span>
                </li>
              ))}
              {passages.sourceChanged.map(({ before, after }) => (
                <li key={`source-${after.key}`}>
                  <span className="diff-tag">{t("sourceChanged")}</span> {t("quoted", { text: after.exact })}{" "}
                  <span className="meta">
                    <del>{before.source}</del> <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> {t("changedTo")} </span> <ins>{after.source}</ins>
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {related.added.length + related.removed.length > 0 && (
        <div className="diff-changed">
          <dt>{t("related")}</dt>
          <dd>
            <ul className="diff-items">
              {related.removed.map((entry) => (
                <li key={`removed-${entry.key}`}>
                  <span className="diff-tag">{t("noLongerListed")}</span> <del>{describe(entry)}</del>
                </li>
              ))}
              {related.added.map((entry) => (
                <li key={`added-${entry.key}`}>
                  <span className="diff-tag">{t("newlyListed")}</span> <ins>{describe(entry)}</ins>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
