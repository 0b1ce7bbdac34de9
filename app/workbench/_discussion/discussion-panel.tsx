import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { getDiscussion, type DiscussionThreadView } from "@/lib/discussion/get-discussion";
import type { MentionCandidate } from "@/lib/discussion/find-mentions";
import { CommentText } from "./comment-text";
import { CommentForm } from "./comment-form";
import { ResolveButton } from "./resolve-button";
import { DATE_TIME } from "../_components/date-format";
import "../working-together.css";

/**
 * The workbench discussion of a claim (with the threads on its verdict's revisions) or of one verdict
 * revision: threads with their answers, a way to answer, resolve and reopen, and to start a thread.
 */
export async function DiscussionPanel({ actor, on }: { actor: Actor; on: { claimId: string } | { verdictRevisionId: string } }) {
  const discussion = await getDiscussion(actor, on);
  const open = discussion.threads.filter((thread) => !thread.resolved).length;
  const about = "claimId" in on ? "claim" : "revision";
  const t = await getTranslations("workbenchDiscussion");
  return (
    <section className="vr-panel dc-panel" aria-labelledby="discussion-title">
      <h2 id="discussion-title" className="vr-panel-title">
        {t("title")} <span className="meta">{t("count", { open, total: discussion.threads.length })}</span>
      </h2>
      {discussion.threads.length === 0 && <p className="meta">{t("empty", { about })}</p>}
      <ol className="dc-threads">
        {discussion.threads.map((thread) => (
          <Thread key={thread.id} thread={thread} canWrite={discussion.canWrite} colleagues={discussion.colleagues} showRevision={"claimId" in on} />
        ))}
      </ol>
      {discussion.canWrite && (
        <CommentForm target={on} colleagues={discussion.colleagues} label={t("start", { about })} submitLabel={t("postQuestion")} />
      )}
    </section>
  );
}

async function Thread(props: { thread: DiscussionThreadView; canWrite: boolean; colleagues: MentionCandidate[]; showRevision: boolean }) {
  const t = await getTranslations("workbenchDiscussion");
  const format = await getFormatter();
  const { thread } = props;
  const [first] = thread.comments;
  return (
    <li className={`dc-thread${thread.resolved ? " dc-resolved" : ""}`} id={`thread-${thread.id}`}>
      <article aria-label={t("threadLabel", { name: first?.authorName ?? "", resolved: thread.resolved ? "yes" : "no" })}>
        <p className="dc-thread-head">
          {thread.resolved ? (
            <span className="status-badge status-approved">{t("resolved")}</span>
          ) : (
            <span className="status-badge status-in_review">{t("open")}</span>
          )}
          {props.showRevision && thread.revision && (
            <Link href={`/workbench/review/${thread.revision.id}`} className="meta">
              {t("onRevision", { number: thread.revision.number })}
            </Link>
          )}
          {thread.resolved && (
            <span className="meta">
              {t("resolvedBy", { name: thread.resolved.byName, date: format.dateTime(thread.resolved.at, DATE_TIME) })}
            </span>
          )}
        </p>
        <ol className="dc-comments">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="dc-comment">
              <p className="dc-comment-head">
                <strong>{comment.authorName}</strong> <span className="meta">{format.dateTime(comment.createdAt, DATE_TIME)}</span>
              </p>
              <CommentText body={comment.body} />
            </li>
          ))}
        </ol>
        {props.canWrite && (
          <div className="dc-thread-actions">
            {!thread.resolved && <CommentForm target={{ threadId: thread.id }} colleagues={props.colleagues} label={t("answer")} submitLabel={t("postAnswer")} />}
            <ResolveButton threadId={thread.id} version={thread.version} resolved={thread.resolved !== null} />
          </div>
        )}
      </article>
    </li>
  );
}
