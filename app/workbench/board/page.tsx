import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BOARD_COLUMNS, listBoard, type Board, type BoardColumn } from "@/lib/assignments/list-board";
import { listBoardFilterOptions } from "@/lib/assignments/list-board-filter-options";
import { verdictStatusKey } from "@/app/_components/verdict-status";
import { requireSignedIn } from "../require-signed-in";
import { ArticleFilterSelect, FilterSelect } from "../_components/filter-select";
import { ListPager } from "../_components/list-pager";
import { languageNamer } from "../_components/language-names";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import "../working-together.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchBoard");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PARAMS = ["assignee", "tag", "language", "article", "column", "cursor"] as const;
const EMPTY: Board = { columns: [], nextCursor: null };

export default async function BoardPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, PARAMS);
  const filters = new URLSearchParams(Object.entries(values).filter(([name]) => name !== "cursor" && name !== "column") as [string, string][]);
  const actor = await requireSignedIn(`/workbench/board${filters.size ? `?${filters}` : ""}`);
  const options = await listBoardFilterOptions(actor);
  const assigneeId = values.assignee === "me" ? actor.id : values.assignee;
  const { result, problem } = await listOrExplain(
    () =>
      listBoard(actor, {
        assigneeId,
        tag: values.tag,
        language: values.language,
        articleId: values.article,
        column: values.column as BoardColumn | undefined,
        cursor: values.cursor,
      }),
    EMPTY,
  );
  const href = (extra: [string, string][]) => `/workbench/board${filters.size || extra.length ? `?${new URLSearchParams([...filters, ...extra])}` : ""}`;
  const t = await getTranslations("workbenchBoard");
  const shared = await getTranslations("workbenchShared");
  const format = await getFormatter();
  const languageName = languageNamer(await getLocale(), shared("undeterminedLanguage"));
  const columnTitle = (column: BoardColumn) => shared(`status.${verdictStatusKey(column)}`);
  const single = values.column && BOARD_COLUMNS.includes(values.column as BoardColumn) ? (values.column as BoardColumn) : null;

  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{single ? t("titleColumn", { column: columnTitle(single) }) : t("title")}</h1>
      <form className="cl-filters" method="get" action="/workbench/board" aria-label={t("filter")}>
        {single && <input type="hidden" name="column" value={single} />}
        <FilterSelect
          id="board-assignee"
          name="assignee"
          label={t("assignee")}
          anyLabel={t("anyone")}
          value={values.assignee}
          options={[{ value: "me", label: t("me") }, ...options.people.map((person) => ({ value: person.id, label: person.name }))]}
        />
        <FilterSelect id="board-tag" name="tag" label={t("tag")} anyLabel={t("anyTag")} value={values.tag} options={options.tags.map((tag) => ({ value: tag, label: tag }))} />
        <FilterSelect
          id="board-language"
          name="language"
          label={t("language")}
          anyLabel={t("anyLanguage")}
          value={values.language}
          options={options.languages.map((code) => ({ value: code, label: languageName(code) }))}
        />
        <ArticleFilterSelect id="board-article" value={values.article} articles={options.articles} />
        <div className="cl-filter-actions">
          <button type="submit">{t("submit")}</button>
          {filters.size > 0 && <Link href={single ? `/workbench/board?column=${single}` : "/workbench/board"}>{t("clear")}</Link>}
        </div>
      </form>
      {single && (
        <p>
          <Link href={href([])}>{t("back")}</Link>
        </p>
      )}
      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      <div className="bd-columns" style={single ? { gridTemplateColumns: "minmax(16rem, 40rem)" } : undefined}>
        {result.columns.map(({ column, total, cards }) => (
          <section key={column} className="bd-column" aria-labelledby={`column-${column}`}>
            <h2 id={`column-${column}`}>
              {columnTitle(column)} <span className="meta">{format.number(total)}</span>
            </h2>
            {cards.length === 0 ? (
              <p className="meta">{t("none")}</p>
            ) : (
              <ul className="bd-cards">
                {cards.map((card) => (
                  <li key={card.claimId} className="bd-card">
                    <Link href={`/workbench/claims/${card.claimId}`} lang={card.language !== "und" ? card.language : undefined}>
                      {card.statement.length > 140 ? `${card.statement.slice(0, 139)}…` : card.statement}
                    </Link>
                    <span className="meta">
                      {[
                        card.editorName && t("editor", { name: card.editorName }),
                        card.reviewerName && t("reviewer", { name: card.reviewerName }),
                        card.tags.join(", "),
                      ]
                        .filter(Boolean)
                        .join(" · ") || t("unassigned")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {!single && total > cards.length && (
              <Link href={href([["column", column]])}>
                {t("all", { total })}
                <span className="visually-hidden"> {t("allHidden", { column: columnTitle(column) })}</span>
              </Link>
            )}
          </section>
        ))}
      </div>
      {single && (
        <ListPager
          firstHref={values.cursor ? href([["column", single]]) : null}
          nextHref={result.nextCursor ? href([["column", single], ["cursor", result.nextCursor]]) : null}
          nextLabel={t("nextPage")}
        />
      )}
    </>
  );
}
