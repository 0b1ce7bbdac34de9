import type { Metadata } from "next";
import Link from "next/link";
import { listNotifications, type InboxItem } from "@/lib/notifications/list-notifications";
import { requireSignedIn } from "../require-signed-in";
import { ListPager } from "../_components/list-pager";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { MarkReadButton } from "./mark-read-button";
import "../working-together.css";

export const metadata: Metadata = { title: "Inbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const WHAT: Record<InboxItem["kind"], string> = {
  mention: "mentioned you",
  reply: "answered in a thread you take part in",
  claim_assigned: "assigned you a claim",
  verdict_assigned: "asked you to review a verdict",
  verdict_approved: "approved your verdict",
  verdict_changes_requested: "requested changes to your verdict",
  verdict_published: "published your fact-check",
  source_change: "changed a source quoted by your fact-check",
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function InboxPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, ["show", "cursor"] as const);
  const unreadOnly = values.show === "unread";
  const actor = await requireSignedIn(`/workbench/inbox${unreadOnly ? "?show=unread" : ""}`);
  const { result, problem } = await listOrExplain(() => listNotifications(actor, { unreadOnly, cursor: values.cursor }), { items: [] as InboxItem[], nextCursor: null as string | null });
  const base = `/workbench/inbox${unreadOnly ? "?show=unread" : ""}`;
  const nextHref = result.nextCursor ? `/workbench/inbox?${new URLSearchParams([...(unreadOnly ? [["show", "unread"]] : []), ["cursor", result.nextCursor]])}` : null;
  return (
    <>
      <p className="kicker">Workbench</p>
      <h1>Inbox</h1>
      <div className="vr-actions">
        <nav aria-label="Which notifications">
          {unreadOnly ? <Link href="/workbench/inbox">Show all</Link> : <Link href="/workbench/inbox?show=unread">Show unread only</Link>}
        </nav>
        {result.items.some((item) => !item.read) && <MarkReadButton label="Mark all as read" />}
      </div>
      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {result.items.length === 0 ? (
        <p className="empty">{unreadOnly ? "Nothing unread." : "No notifications yet. Mentions, replies, assignments and decisions on your verdicts arrive here."}</p>
      ) : (
        <ol className="ib-list">
          {result.items.map((item) => (
            <li key={item.id} className={`ib-item${item.read ? "" : " ib-unread"}`}>
              <div>
                <p className="ib-what">
                  {!item.read && <span className="visually-hidden">Unread: </span>}
                  <strong>{item.actorName ?? "Claimwork"}</strong> {WHAT[item.kind]}:{" "}
                  <Link href={item.href}>{item.claimStatement.length > 120 ? `${item.claimStatement.slice(0, 119)}…` : item.claimStatement}</Link>
                </p>
                {item.excerpt && item.excerpt !== item.claimStatement && <p className="ib-excerpt">“{item.excerpt}”</p>}
                <span className="meta">{dateTime.format(item.createdAt)} UTC</span>
              </div>
              {!item.read && <MarkReadButton notificationId={item.id} label={<>Mark read<span className="visually-hidden">: {WHAT[item.kind]}, {dateTime.format(item.createdAt)}</span></>} />}
            </li>
          ))}
        </ol>
      )}
      <ListPager firstHref={values.cursor ? base : null} nextHref={nextHref} nextLabel="Older notifications" />
    </>
  );
}
