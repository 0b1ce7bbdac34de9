import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listArticles } from "@/lib/articles/list-articles";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import "./articles.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchArticles.list");
  return { title: t("title") };
}

export default async function ArticlesPage() {
  const actor = await requireSignedIn("/workbench/articles");
  const articles = await listArticles(actor);
  const t = await getTranslations("workbenchArticles.list");
  const format = await getFormatter();
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      {can(actor, "articles.write") && (
        <p>
          <Link className="button" href="/workbench/articles/import">
            {t("import")}
          </Link>
        </p>
      )}
      {articles.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">{t("table.article")}</th>
              <th scope="col">{t("table.language")}</th>
              <th scope="col">{t("table.revision")}</th>
              <th scope="col">{t("table.passages")}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/workbench/articles/${article.id}`}>{article.title}</Link>
                  <span className="meta">
                    {[
                      article.outlet,
                      article.publishedAt ? format.dateTime(article.publishedAt, "day") : null,
                      t("imported", { date: format.dateTime(article.importedAt, "day") }),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </td>
                <td>{article.language.toUpperCase()}</td>
                <td>{article.revisionNumber}</td>
                <td>
                  {article.passageCount}
                  {article.needsAttention > 0 && <span className="attention"> · {t("toCheck", { count: article.needsAttention })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
