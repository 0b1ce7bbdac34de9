import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/app/_components/format-date";
import { describeReasons } from "@/lib/triage/describe-reasons";
import { listSentencesToCheck } from "@/lib/triage/list-sentences-to-check";
import { requireSignedIn } from "../require-signed-in";
import "../articles/[id]/triage.css";

export const metadata: Metadata = { title: "To check" };

/** The check-worthy sentences of recently imported articles that no claim covers yet, best first. */
export default async function ToCheckPage() {
  const actor = await requireSignedIn("/workbench/to-check");
  const sentences = await listSentencesToCheck(actor);
  return (
    <>
      <p className="kicker">Workbench</p>
      <h1>To check</h1>
      <p className="meta">
        Sentences of the most recently imported articles that the triage rules score as worth checking and that no claim covers yet, best first.
        Each score is the sum of its reasons; the rules are explained in decision record 0015.
      </p>
      {sentences.length === 0 ? (
        <p className="empty">Nothing to check: no recent article has an uncovered sentence that stands out.</p>
      ) : (
        <ol className="plain-list to-check-list" aria-label="Sentences to check">
          {sentences.map((sentence) => (
            <li key={`${sentence.article.id}-${sentence.start}`}>
              <blockquote lang={sentence.article.language !== "und" ? sentence.article.language : undefined}>
                <Link href={`/workbench/articles/${sentence.article.id}?sentence=${sentence.start}`}>{sentence.text}</Link>
              </blockquote>
              <p className="meta">
                <span className="candidate-score">{sentence.score.toFixed(1)}</span>
                {describeReasons(sentence.reasons)}
              </p>
              <p className="meta">
                {[sentence.article.title, sentence.article.outlet, `imported ${formatDate(sentence.article.importedAt)}`].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
