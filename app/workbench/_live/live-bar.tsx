import { LiveRefresh } from "./live-refresh";
import { PresenceList } from "./presence-list";
import "./live.css";

/**
 * The one include a workbench page needs: its live status (the page refreshes itself when a change
 * to one of `topics` commits) and, when `what` names the page's record, who else has it open.
 * `page` is the page's own topic.
 */
export function LiveBar({ page, topics, since, what }: { page: string; topics: string[]; since: string; what?: string }) {
  return (
    <div className="live-bar">
      <LiveRefresh topics={[page, ...topics.filter((topic) => topic !== page)]} present={what ? page : undefined} since={since} />
      {what && <PresenceList topic={page} what={what} />}
    </div>
  );
}
