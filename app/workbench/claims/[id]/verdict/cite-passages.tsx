"use client";

import { useTranslations } from "next-intl";
import type { CitablePassage } from "./verdict-content";

/** The claim's passages, each a button that quotes it into the explanation. */
export function CitePassages({ passages, onCite }: { passages: CitablePassage[]; onCite: (passage: CitablePassage) => void }) {
  const t = useTranslations("workbenchVerdicts.editor");
  if (passages.length === 0) return null;
  return (
    <details className="cite-box">
      <summary>{t("cite.title")}</summary>
      <ul>
        {passages.map((passage) => (
          <li key={passage.id}>
            <q>{passage.exact}</q> <span className="meta">{passage.source}</span>{" "}
            <button type="button" className="secondary vr-small" onClick={() => onCite(passage)}>
              {t("cite.insert")}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
