import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listSentencesToCheck, type SentenceToCheck } from "@/lib/triage/list-sentences-to-check";
import { useTriageReasons } from "@/app/workbench/_reasons/use-triage-reasons";
import { requireSignedIn } from "../require-signed-in";
import "../articles/[id]/triage.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchToCheck");
  return { title: t("title") };
}

/** The check-worthy sentences of recently imported articles that no claim covers yet, best first. */
export default async function ToCheckPage() {
  const actor = await requireSignedIn("/workbench/to-check");
  const sentences = await listSentencesToCheck(actor);
  const t = await getTranslations("workbenchToCheck");
  const format = await getFormatter();
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="meta">
        {t("intro")}
      </p>
      {sentences.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ol className="plain-list to-check-list" aria-label={t("listLabel")}>
          {sentences.map((sentence) => (
            <li key={`${sentence.article.id}-${sentence.start}`}>
              <blockquote lang={sentence.article.language !== "und" ? sentence.article.language : undefined}>
                <Link href={`/workbench/articles/${sentence.article.id}?sentence=${sentence.start}`}>{sentence.text}</Link>
              </blockquote>
              <p className="meta">
                <span className="candidate-score">{format.number(sentence.score, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
                <Reasons reasons={sentence.reasons} />
              </p>
              <p className="meta">
                {[sentence.article.title, sentence.article.outlet, t("imported", { date: format.dateTime(sentence.article.importedAt, "day") })].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Not async, so that it may call the reasons' hook. */
function Reasons({ reasons }: { reasons: SentenceToCheck["reasons"] }) {
  return useTriageReasons().line(reasons);
}
