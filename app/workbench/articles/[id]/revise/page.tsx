import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getArticleForAnnotation, type ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { can } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { requireSignedIn } from "../../../require-signed-in";
import { ReviseForm } from "./revise-form";
import "../../articles.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchArticles.revise");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function RevisePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireSignedIn(`/workbench/articles/${id}/revise`);
  let article: ArticleForAnnotation;
  try {
    article = await getArticleForAnnotation(actor, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const t = await getTranslations("workbenchArticles.revise");
  return (
    <>
      <p className="kicker">
        <Link href={`/workbench/articles/${article.id}`}>{article.title}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro", { next: article.revision.number + 1, current: article.revision.number, count: article.passages.length })}</p>
      {can(actor, "articles.write") ? (
        <ReviseForm articleId={article.id} currentRevision={article.revision.number} currentText={article.revision.text} />
      ) : (
        <p className="form-error">{t("notAllowed")}</p>
      )}
    </>
  );
}
