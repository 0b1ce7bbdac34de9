import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getDiscussion, type DiscussionThreadView } from "@/lib/discussion/get-discussion";
import type { MentionCandidate } from "@/lib/discussion/find-mentions";
import { CommentText } from "./comment-text";
import { CommentForm } from "./comment-form";
import { ResolveButton } from "./resolve-button";
import "../working-together.css";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The workbench discussion of a claim (with the threads on its verdict's revisions) or of one verdict
 * revision: threads with their answers, a way to answer, resolve and reopen, and to start a thread.
 */
export async function DiscussionPanel({ actor, on }: { actor: Actor; on: { claimId: string } | { verdictRevisionId: string } }) {
  const discussion = await getDiscussion(actor, on);
  const open = discussion.threads.filter((thread) => !thread.resolved).length;
  const about = "claimId" in on ? "this claim" : "this revision";
  return (
    <section className="vr-panel dc-panel" aria-labelledby="discussion-title">
      <h2 id="discussion-title" className="vr-panel-title">
        Discussion <span className="meta">({open} open of {discussion.threads.length})</span>
      </h2>
      {discussion.threads.length === 0 && <p className="meta">No question about {about} yet.</p>}
      <ol className="dc-threads">
        {discussion.threads.map((thread) => (
          <Thread key={thread.id} thread={thread} canWrite={discussion.canWrite} colleagues={discussion.colleagues} showRevision={"claimId" in on} />
        ))}
      </ol>
      {discussion.canWrite && (
        <CommentForm target={on} colleagues={discussion.colleagues} label={`Start a thread about ${about}`} submitLabel="Post question" />
      )}
    </section>
  );
}

function Thread(props: { thread: DiscussionThreadView; canWrite: boolean; colleagues: MentionCandidate[]; showRevision: boolean }) {
  const { thread } = props;
  const [first] = thread.comments;
  return (
    <li className={`dc-thread${thread.resolved ? " dc-resolved" : ""}`} id={`thread-${thread.id}`}>
      <article aria-label={`Thread started by ${first?.authorName ?? "someone"}${thread.resolved ? ", resolved" : ""}`}>
        <p className="dc-thread-head">
          {thread.resolved ? (
            <span className="status-badge status-approved">Resolved</span>
          ) : (
            <span className="status-badge status-in_review">Open</span>
          )}
          {props.showRevision && thread.revision && (
            <Link href={`/workbench/review/${thread.revision.id}`} className="meta">
              on revision {thread.revision.number}
            </Link>
          )}
          {thread.resolved && (
            <span className="meta">
              by {thread.resolved.byName}, {dateTime.format(thread.resolved.at)} UTC
            </span>
          )}
        </p>
        <ol className="dc-comments">
          {thread.comments.map((comment) => (
            <li key={comment.id} className="dc-comment">
              <p className="dc-comment-head">
                <strong>{comment.authorName}</strong> <span className="meta">{dateTime.format(comment.createdAt)} UTC</span>
              </p>
              <CommentText body={comment.body} />
            </li>
          ))}
        </ol>
        {props.canWrite && (
          <div className="dc-thread-actions">
            {!thread.resolved && <CommentForm target={{ threadId: thread.id }} colleagues={props.colleagues} label="Answer" submitLabel="Post answer" />}
            <ResolveButton threadId={thread.id} version={thread.version} resolved={thread.resolved !== null} />
          </div>
        )}
      </article>
    </li>
  );
}
