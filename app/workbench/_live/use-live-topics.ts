"use client";

import { useEffect, useRef, useState } from "react";
import { subscribeLive, type LiveMessage, type LiveStatus } from "./live-connection";

/**
 * Calls `onMessage` for each change to these topics from now on (and those after `since`, the
 * position the page was rendered at), and returns the state of the page's live connection.
 */
export function useLiveTopics(
  topics: readonly string[],
  onMessage: (message: LiveMessage) => void,
  options: { present?: string; since?: string } = {},
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const latest = useRef(onMessage);
  useEffect(() => {
    latest.current = onMessage;
  });
  const key = topics.join(",");
  const { present, since } = options;
  useEffect(
    () => subscribeLive({ topics: key.split(","), present, since, onMessage: (message) => latest.current(message), onStatus: setStatus }),
    // `since` only matters when the stream first opens: a later render does not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, present],
  );
  return status;
}
