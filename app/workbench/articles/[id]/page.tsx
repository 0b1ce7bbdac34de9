import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getArticleForAnnotation, type ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { can } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { getLivePosition } from "@/lib/live/get-live-position";
import { findCheckWorthySentences } from "@/lib/triage/find-check-worthy-sentences";
import { uncoveredCandidates } from "@/lib/triage/uncovered-candidates";
import { LiveBar } from "../../_live/live-bar";
import { requireSignedIn } from "../../require-signed-in";
import { Annotator } from "./annotator";
import { DetailsEditor } from "./details-editor";
import "../articles.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchArticles.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ revision?: string; passage?: string; sentence?: string }> };

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { revision, passage, sentence } = await searchParams;
  const actor = await requireSignedIn(`/workbench/articles/${id}`);
  const since = await getLivePosition(actor);
  let article: ArticleForAnnotation;
  try {
    article = await getArticleForAnnotation(actor, id, revision && /^\d+$/.test(revision) ? Number(revision) : undefined);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const current = article.revision.isCurrent;
  const t = await getTranslations("workbenchArticles.page");
  const format = await getFormatter();
  const canWrite = current && can(actor, "claims.write");
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/articles">{t("kicker")}</Link>
      </p>
      <h1>{article.title}</h1>
      <LiveBar page={`article:${article.id}`} topics={[]} since={since} what="article" />
      <p className="meta">
        {[
          article.outlet,
          article.author,
          article.publishedAt ? format.dateTime(article.publishedAt, "day") : null,
          article.sourceUpdatedAt ? t("updated", { date: format.dateTime(article.sourceUpdatedAt, "day") }) : null,
          article.language.toUpperCase(),
        ]
          .filter(Boolean)
          .join(" · ")}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} rel="nofollow noopener noreferrer">
              {t("original")}
            </a>
          </>
        )}
      </p>
      {can(actor, "articles.write") && (
        <DetailsEditor
          articleId={article.id}
          version={article.version}
          details={{
            title: article.title,
            outlet: article.outlet ?? "",
            author: article.author ?? "",
            url: article.url ?? "",
            language: article.language,
            publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? "",
            sourceUpdatedAt: article.sourceUpdatedAt?.toISOString().slice(0, 10) ?? "",
          }}
        />
      )}
      <nav className="revision-bar" aria-label={t("revisions")}>
        <span>{current ? t("revisionCurrent", { number: article.revision.number }) : t("revision", { number: article.revision.number })}</span>
        {article.revisions.map((entry) => (
          <Link
            key={entry.number}
            href={`/workbench/articles/${article.id}?revision=${entry.number}`}
            aria-current={entry.number === article.revision.number ? "page" : undefined}
          >
            {entry.number}
          </Link>
        ))}
        {current && can(actor, "articles.write") && (
          <Link className="button secondary-button" href={`/workbench/articles/${article.id}/revise`}>
            {t("newRevision")}
          </Link>
        )}
      </nav>
      {!current && <p className="notice">{t("earlier")}</p>}
      <Annotator
        article={article}
        canWrite={canWrite}
        focusPassageId={passage && /^[0-9a-f-]{36}$/i.test(passage) ? passage : null}
        // Filtered here, not in the browser: the page sends only the candidates it shows.
        candidates={current ? uncoveredCandidates(findCheckWorthySentences(article.revision.text, article.language), article.passages) : []}
        focusSentence={sentence && /^\d{1,9}$/.test(sentence) ? Number(sentence) : null}
      />
    </>
  );
}
