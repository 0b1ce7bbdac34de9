import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";

/** "Inbox" in the workbench bar, with the number of unread notifications. */
export async function InboxLink({ actor }: { actor: Actor | null }) {
  if (!actor || !can(actor, "notifications.read")) return null;
  const unread = await countUnreadNotifications(actor);
  return (
    <Link href="/workbench/inbox" data-testid="inbox-link">
      Inbox
      {unread > 0 && (
        <span className="nav-count">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </Link>
  );
}
