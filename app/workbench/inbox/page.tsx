import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listNotifications, type InboxItem } from "@/lib/notifications/list-notifications";
import { requireSignedIn } from "../require-signed-in";
import { ListPager } from "../_components/list-pager";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { MarkReadButton } from "./mark-read-button";
import { DATE_TIME } from "../_components/date-format";
import "../working-together.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchInbox");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function InboxPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, ["show", "cursor"] as const);
  const unreadOnly = values.show === "unread";
  const actor = await requireSignedIn(`/workbench/inbox${unreadOnly ? "?show=unread" : ""}`);
  const { result, problem } = await listOrExplain(() => listNotifications(actor, { unreadOnly, cursor: values.cursor }), { items: [] as InboxItem[], nextCursor: null as string | null });
  const base = `/workbench/inbox${unreadOnly ? "?show=unread" : ""}`;
  const t = await getTranslations("workbenchInbox");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, DATE_TIME);
  const what = (kind: InboxItem["kind"]) => t(`what.${kind}`);
  const nextHref = result.nextCursor ? `/workbench/inbox?${new URLSearchParams([...(unreadOnly ? [["show", "unread"]] : []), ["cursor", result.nextCursor]])}` : null;
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <div className="vr-actions">
        <nav aria-label={t("which")}>
          {unreadOnly ? <Link href="/workbench/inbox">{t("showAll")}</Link> : <Link href="/workbench/inbox?show=unread">{t("showUnread")}</Link>}
        </nav>
        {result.items.some((item) => !item.read) && <MarkReadButton label={t("markAll")} />}
      </div>
      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {result.items.length === 0 ? (
        <p className="empty">{unreadOnly ? t("nothingUnread") : t("empty")}</p>
      ) : (
        <ol className="ib-list">
          {result.items.map((item) => (
            <li key={item.id} className={`ib-item${item.read ? "" : " ib-unread"}`}>
              <div>
                <p className="ib-what">
                  {!item.read && <span className="visually-hidden">{t("unread")} </span>}
                  <strong>{item.actorName ?? "Claimwork"}</strong> {what(item.kind)}
                  {t("colon")}
                  <Link href={item.href}>{item.claimStatement.length > 120 ? `${item.claimStatement.slice(0, 119)}…` : item.claimStatement}</Link>
                </p>
                {item.excerpt && item.excerpt !== item.claimStatement && <p className="ib-excerpt">{t("quoted", { text: item.excerpt })}</p>}
                <span className="meta">{when(item.createdAt)}</span>
              </div>
              {!item.read && <MarkReadButton notificationId={item.id} label={
                    <>
                      {t("markRead")}
                      <span className="visually-hidden">
                        : {what(item.kind)}, {when(item.createdAt)}
                      </span>
                    </>
                  } />}
            </li>
          ))}
        </ol>
      )}
      <ListPager firstHref={values.cursor ? base : null} nextHref={nextHref} nextLabel={t("older")} />
    </>
  );
}
