import { getEnv } from "@/lib/env";

export const NOT_FROM_THIS_SITE = "This request did not come from a Claimwork page; nothing was done.";

/**
 * Next refuses a server action whose Origin differs from the host, but takes that host from
 * X-Forwarded-Host, which anyone can send: a forged one with a matching Origin gets through. Here the
 * Origin (when the browser sent one; "null" is refused) and X-Forwarded-Host must both name this
 * site: SITE_URL's host or the Host the request was sent to.
 */
export function comesFromThisSite(request: Headers): boolean {
  const ours = new Set([new URL(getEnv().SITE_URL).host, request.get("host")]);
  const origin = request.get("origin");
  if (origin !== null && (!URL.canParse(origin) || !ours.has(new URL(origin).host))) return false;
  const forwardedHost = request.get("x-forwarded-host")?.split(",")[0]?.trim();
  return !forwardedHost || ours.has(forwardedHost);
}
