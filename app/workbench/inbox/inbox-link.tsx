import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";

/** "Inbox" in the workbench bar, with the number of unread notifications. */
export async function InboxLink({ actor }: { actor: Actor | null }) {
  if (!actor || !can(actor, "notifications.read")) return null;
  const unread = await countUnreadNotifications(actor);
  const t = await getTranslations("workbenchNav");
  return (
    <Link href="/workbench/inbox" data-testid="inbox-link" prefetch={false}>
      {t("inbox")}
      {unread > 0 && (
        <span className="nav-count">
          {unread}
          <span className="visually-hidden"> {t("unread")}</span>
        </span>
      )}
    </Link>
  );
}
