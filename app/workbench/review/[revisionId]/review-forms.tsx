"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/create-action";
import { publishVerdictAction, reviewVerdictAction } from "../actions";
import { ErrorMessage, useFieldReasons } from "@/app/_components/error-message";

/** Approve, or send back with a comment, the one revision on the page. */
export function ReviewDecisionForm({ verdictId, revisionId, revisionNumber }: { verdictId: string; revisionId: string; revisionNumber: number }) {
  const t = useTranslations("workbenchReview.decision");
  const router = useRouter();
  const ids = useId();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<"approve" | "request_changes" | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const fieldReasons = useFieldReasons(error);
  const [done, setDone] = useState<string | null>(null);

  async function decide(decision: "approve" | "request_changes") {
    setError(null);
    if (decision === "request_changes" && !comment.trim()) {
      // The same refusal the server gives, without the round trip.
      setError({ code: "invalid", message: "", messageKey: { key: "commentRequired" }, issues: [{ field: "comment", reason: "sayWhatToChange" }] });
      document.getElementById(`${ids}-comment`)?.focus();
      return;
    }
    setPending(decision);
    const result = await reviewVerdictAction({ verdictId, revisionId, decision, comment });
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(decision === "approve" ? t("approved", { number: revisionNumber }) : t("sentBack", { number: revisionNumber }));
    router.refresh();
  }

  const commentError = fieldReasons("comment");
  return (
    <form
      aria-label={t("label", { number: revisionNumber })}
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        void decide("approve");
      }}>
      <label htmlFor={`${ids}-comment`}>{t("comment")}</label>
      <p className="vr-hint" id={`${ids}-hint`}>
        {t("commentHint")}
      </p>
      <textarea
        id={`${ids}-comment`}
        name="comment"
        rows={5}
        maxLength={5000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        aria-describedby={`${ids}-hint${commentError ? ` ${ids}-comment-error` : ""}`}
        aria-invalid={commentError ? true : undefined}
      />
      {error && (
        <p className="form-error" role="alert" id={`${ids}-comment-error`}>
          <ErrorMessage error={error} />
        </p>
      )}
      {done && (
        <p className="form-ok" role="status">
          {done}
        </p>
      )}
      <div className="vr-actions">
        <button type="submit" disabled={pending !== null || done !== null}>
          {pending === "approve" ? t("approving") : t("approve", { number: revisionNumber })}
        </button>
        <button type="button" className="secondary vr-danger" disabled={pending !== null || done !== null} onClick={() => void decide("request_changes")}>
          {pending === "request_changes" ? t("sendingBack") : t("requestChanges")}
        </button>
      </div>
    </form>
  );
}

/** Publishes an approved revision: the first publication, or a correction with its note for readers. */
export function PublishForm({
  verdictId,
  revisionId,
  revisionNumber,
  publicSlug,
  publishedRevisionNumber,
}: {
  verdictId: string;
  revisionId: string;
  revisionNumber: number;
  publicSlug: string | null;
  publishedRevisionNumber: number | null;
}) {
  const t = useTranslations("workbenchReview.publish");
  const router = useRouter();
  const ids = useId();
  const [whatChanged, setWhatChanged] = useState("");
  const [why, setWhy] = useState("");
  const [kind, setKind] = useState<"correction" | "update">("correction");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [published, setPublished] = useState<{ slug: string; corrected: boolean } | null>(null);
  const isCorrection = publicSlug !== null;

  async function publish() {
    setError(null);
    if (isCorrection && (whatChanged.trim().length < 3 || why.trim().length < 3)) {
      setError({ code: "invalid", message: t("noteRequired") });
      return;
    }
    setPending(true);
    const result = await publishVerdictAction({
      verdictId,
      revisionId,
      ...(isCorrection ? { correction: { kind, whatChanged, why } } : {}),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPublished({ slug: result.data.slug, corrected: result.data.corrected });
    router.refresh();
  }

  if (published) {
    return (
      <p className="form-ok" role="status">
        {published.corrected ? t("donePublishedKind", { kind }) : t("donePublished")} <Link href={`/fact-checks/${published.slug}`}>/fact-checks/{published.slug}</Link>
      </p>
    );
  }
  return (
    <form
      aria-label={isCorrection ? t("labelCorrection") : t("label")}
      className="publish-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}>
      {isCorrection ? (
        <>
          <p>
            {t.rich("correctionIntro", {
              published: publishedRevisionNumber ?? 0,
              number: revisionNumber,
              link: () => <Link href={`/fact-checks/${publicSlug}`}>/fact-checks/{publicSlug}</Link>,
            })}
          </p>
          <fieldset className="publish-kind">
            <legend>{t("kindLegend")}</legend>
            <label>
              <input type="radio" name="kind" value="correction" checked={kind === "correction"} onChange={() => setKind("correction")} /> {t("kindCorrection")}
            </label>
            <label>
              <input type="radio" name="kind" value="update" checked={kind === "update"} onChange={() => setKind("update")} /> {t("kindUpdate")}
            </label>
          </fieldset>
          <label htmlFor={`${ids}-what`}>{t("whatChanged")}</label>
          <textarea id={`${ids}-what`} name="whatChanged" rows={3} maxLength={2000} required value={whatChanged} onChange={(event) => setWhatChanged(event.target.value)} />
          <label htmlFor={`${ids}-why`}>{t("why")}</label>
          <textarea id={`${ids}-why`} name="why" rows={3} maxLength={2000} required value={why} onChange={(event) => setWhy(event.target.value)} />
        </>
      ) : (
        <p>{t("firstIntro", { number: revisionNumber })}</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          <ErrorMessage error={error} />
        </p>
      )}
      <div className="vr-actions">
        <button type="submit" disabled={pending}>
          {pending ? t("publishing") : isCorrection ? t("publishKind", { kind }) : t("publishRevision", { number: revisionNumber })}
        </button>
      </div>
    </form>
  );
}
