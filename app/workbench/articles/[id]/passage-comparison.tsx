"use client";

import { diffWords } from "diff";
import { useTranslations } from "next-intl";
import type { AnnotatedPassage } from "@/lib/articles/get-article-for-annotation";
import { CONTEXT_LENGTH } from "@/lib/anchoring/create-selectors";

/** Old and new text around a re-anchored passage, with the words that changed marked. */
export function PassageComparison({ passage, text }: { passage: AnnotatedPassage; text: string }) {
  const t = useTranslations("workbenchArticles.annotator");
  const previous = passage.previous;
  if (!previous) return null;
  const before = `${previous.prefix}${previous.exact}${previous.suffix}`;
  if (passage.start === null || passage.end === null) {
    return (
      <div className="comparison">
        <p className="meta">{t("comparison.said", { revision: previous.revisionNumber })}</p>
        <blockquote>
          …{previous.prefix}
          <strong>{previous.exact}</strong>
          {previous.suffix}…
        </blockquote>
        <p className="meta">{t("comparison.noPlace")}</p>
      </div>
    );
  }
  const now = text.slice(Math.max(0, passage.start - CONTEXT_LENGTH), Math.min(text.length, passage.end + CONTEXT_LENGTH));
  const parts = diffWords(before, now);
  return (
    <div className="comparison">
      <p className="meta">
        {t.rich("comparison.changed", { revision: previous.revisionNumber, del: (chunks) => <del>{chunks}</del>, ins: (chunks) => <ins>{chunks}</ins> })}
      </p>
      <blockquote>
        …
        {parts.map((part, index) =>
          part.added ? <ins key={index}>{part.value}</ins> : part.removed ? <del key={index}>{part.value}</del> : <span key={index}>{part.value}</span>,
        )}
        …
      </blockquote>
    </div>
  );
}
