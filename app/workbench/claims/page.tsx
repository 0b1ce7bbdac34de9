import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RANKED_MATCHES_CAP, searchClaims, VERDICT_STATUS_FILTERS, type ClaimSearchResult, type SearchClaimsInput } from "@/lib/search/search-claims";
import { listClaimFilterOptions } from "@/lib/claims/list-claim-filter-options";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { localizedScale } from "../_components/localized-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { requireSignedIn } from "../require-signed-in";
import { Snippet } from "./_components/snippet";
import { BulkBar, BulkCheckbox } from "./_components/bulk-bar";
import { listAssignablePeople } from "@/lib/assignments/list-assignable-people";
import { can } from "@/lib/auth/permissions";
import { ArticleFilterSelect, FilterSelect } from "../_components/filter-select";
import { ListPager } from "../_components/list-pager";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { languageNamer } from "../_components/language-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchClaims");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** URL parameter -> search input field. Filters live in the URL so that a result list is a link. */
const PARAMS = ["q", "claimant", "language", "status", "rating", "article", "cursor"] as const;
type Param = (typeof PARAMS)[number];

export default async function ClaimsPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, PARAMS);
  const withoutCursor = new URLSearchParams(Object.entries(values).filter(([name]) => name !== "cursor") as [string, string][]);
  const actor = await requireSignedIn(`/workbench/claims${withoutCursor.size ? `?${withoutCursor}` : ""}`);

  const input: SearchClaimsInput = {
    q: values.q,
    claimant: values.claimant,
    language: values.language,
    verdictStatus: values.status as SearchClaimsInput["verdictStatus"],
    rating: values.rating as SearchClaimsInput["rating"],
    articleId: values.article,
    cursor: values.cursor,
    limit: 25,
  };
  const options = await listClaimFilterOptions(actor);
  // Bulk work is offered to whoever may do any of it; each action checks its own permission again.
  const canBulk = can(actor, "claims.write") || can(actor, "assignments.write") || can(actor, "relations.write");
  const people = canBulk ? await listAssignablePeople(actor) : [];
  const { result, problem } = await listOrExplain<ClaimSearchResult>(() => searchClaims(actor, input), { items: [], nextCursor: null });

  const filtered = withoutCursor.size > 0;
  const nextHref = result.nextCursor ? `/workbench/claims?${new URLSearchParams([...withoutCursor, ["cursor", result.nextCursor]])}` : null;
  const firstHref = `/workbench/claims${withoutCursor.size ? `?${withoutCursor}` : ""}`;
  const filterHref = (name: Param, value: string) => {
    const next = new URLSearchParams(withoutCursor);
    next.set(name, value);
    return `/workbench/claims?${next}`;
  };
  const t = await getTranslations("workbenchClaims");
  const shared = await getTranslations("workbenchShared");
  const format = await getFormatter();
  const locale = await getLocale();
  const languageName = languageNamer(locale, shared("undeterminedLanguage"));
  const languages = [...new Set([...options.languages, ...(values.language ? [values.language] : [])])];

  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="meta">
        <a href="/api/claims/export.csv" download>
          {t("download")}
        </a>
      </p>
      <form className="cl-filters" method="get" action="/workbench/claims" role="search" aria-label={t("filters.label")}>
        <div className="cl-field cl-field-wide">
          <label htmlFor="claims-q">{t("filters.search")}</label>
          <input
            id="claims-q"
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            maxLength={200}
            placeholder={t("filters.searchPlaceholder")}
          />
        </div>
        <div className="cl-field">
          <label htmlFor="claims-claimant">{t("filters.claimant")}</label>
          <select id="claims-claimant" name="claimant" defaultValue={values.claimant ?? ""}>
            <option value="">{t("filters.anyClaimant")}</option>
            {values.claimant && !options.claimants.some((name) => name.toLowerCase() === values.claimant!.toLowerCase()) && (
              <option value={values.claimant}>{values.claimant}</option>
            )}
            {options.claimants.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          id="claims-language"
          name="language"
          label={t("filters.language")}
          anyLabel={t("filters.anyLanguage")}
          value={values.language}
          options={languages.map((code) => ({ value: code, label: languageName(code) }))}
        />
        <FilterSelect
          id="claims-status"
          name="status"
          label={t("filters.verdict")}
          anyLabel={t("filters.anyStatus")}
          value={values.status}
          options={VERDICT_STATUS_FILTERS.map((status) => ({ value: status, label: shared(`status.${status}`) }))}
        />
        <FilterSelect
          id="claims-rating"
          name="rating"
          label={t("filters.rating")}
          anyLabel={t("filters.anyRating")}
          value={values.rating}
          options={localizedScale(locale).map((entry) => ({ value: entry.rating, label: entry.label }))}
        />
        <ArticleFilterSelect id="claims-article" value={values.article} articles={options.articles} />
        <div className="cl-filter-actions">
          <button type="submit">{t("filters.submit")}</button>
          {filtered && <Link href="/workbench/claims">{t("filters.clear")}</Link>}
        </div>
      </form>

      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {result.newestFirst && (
        <p className="meta">{t("newestFirst", { cap: RANKED_MATCHES_CAP })}</p>
      )}
      {result.correctedQuery && (
        <p className="meta">
          {t.rich("correctedQuery", { query: result.correctedQuery, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}

      {!problem && result.items.length === 0 ? (
        <p className="empty">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        result.items.length > 0 && (
          <table className="wb-table cl-table cl-claims-table">
            <caption className="visually-hidden">{values.q ? t("table.captionMatching", { q: values.q }) : t("table.caption")}</caption>
            <thead>
              <tr>
                {canBulk && (
                  <th scope="col" className="bk-check">
                    <span className="visually-hidden">{t("table.select")}</span>
                  </th>
                )}
                <th scope="col">{t("table.claim")}</th>
                <th scope="col">{t("table.claimant")}</th>
                <th scope="col">{t("table.verdict")}</th>
                <th scope="col">{t("table.passages")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr key={item.id}>
                  {canBulk && (
                    <td className="bk-check">
                      <BulkCheckbox claimId={item.id} label={item.statement} />
                    </td>
                  )}
                  <td>
                    <Link className="cl-claim-link" href={`/workbench/claims/${item.id}`} lang={item.language !== "und" ? item.language : undefined}>
                      {item.snippet ? <Snippet parts={item.snippet} /> : item.statement}
                    </Link>
                    <div className="cl-row-meta">
                      <span className="cl-lang" title={languageName(item.language)}>
                        {item.language.toUpperCase()}
                      </span>
                      {item.claimedAt && <span className="meta">{format.dateTime(item.claimedAt, "day")}</span>}
                      {item.tags.map((tag) => (
                        <span key={tag} className="cl-tag">
                          {tag}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>
                    <Link href={filterHref("claimant", item.claimant)} className="cl-quiet-link">
                      {item.claimant}
                      <span className="visually-hidden">{t("table.onlyThisClaimant")}</span>
                    </Link>
                  </td>
                  <td>
                    <div className="cl-verdict-cell">
                      <VerdictStatusBadge status={item.verdictStatus} />
                      {item.rating && <RatingBadge rating={ratingInfo(item.rating)} />}
                    </div>
                  </td>
                  <td>{format.number(item.passageCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}

      {canBulk && result.items.length > 0 && (
        <BulkBar
          people={people.map((person) => ({ id: person.id, label: person.name }))}
          claims={result.items.map((item) => ({ id: item.id, label: item.statement.length > 80 ? `${item.statement.slice(0, 79)}…` : item.statement }))}
        />
      )}
      <ListPager firstHref={values.cursor ? firstHref : null} nextHref={nextHref} nextLabel={t("nextPage")} />
    </>
  );
}
