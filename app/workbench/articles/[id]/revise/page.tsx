import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleForAnnotation, type ArticleForAnnotation } from "@/lib/articles/get-article-for-annotation";
import { can } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { requireSignedIn } from "../../../require-signed-in";
import { ReviseForm } from "./revise-form";
import "../../articles.css";

export const metadata: Metadata = { title: "New revision" };

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
  return (
    <>
      <p className="kicker">
        <Link href={`/workbench/articles/${article.id}`}>{article.title}</Link>
      </p>
      <h1>New revision</h1>
      <p className="meta">
        The outlet updated its story? Save the new text as revision {article.revision.number + 1}. Revision {article.revision.number} stays
        readable, and each of its {article.passages.length} passage(s) is looked for in the new text: kept, moved, changed (its words were
        edited: you confirm the new wording) or lost, for you to check.
      </p>
      {can(actor, "articles.write") ? (
        <ReviseForm articleId={article.id} currentRevision={article.revision.number} currentText={article.revision.text} />
      ) : (
        <p className="form-error">Your role cannot revise articles.</p>
      )}
    </>
  );
}
