import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/articles/list-articles";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "../require-signed-in";
import "./articles.css";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const actor = await requireSignedIn("/workbench/articles");
  const articles = await listArticles(actor);
  return (
    <>
      <p className="kicker">Workbench</p>
      <h1>Articles</h1>
      {can(actor, "articles.write") && (
        <p>
          <Link className="button" href="/workbench/articles/import">
            Import articles
          </Link>
        </p>
      )}
      {articles.length === 0 ? (
        <p className="empty">No article yet. Import one to start anchoring claims.</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Language</th>
              <th scope="col">Revision</th>
              <th scope="col">Passages</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/workbench/articles/${article.id}`}>{article.title}</Link>
                  <span className="meta">
                    {[article.outlet, article.publishedAt ? formatDate(article.publishedAt) : null, `imported ${formatDate(article.importedAt)}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </td>
                <td>{article.language.toUpperCase()}</td>
                <td>{article.revisionNumber}</td>
                <td>
                  {article.passageCount}
                  {article.needsAttention > 0 && <span className="attention"> · {article.needsAttention} to check</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
