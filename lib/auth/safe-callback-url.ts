/** Where to go after signing in: only a path on this site, never another origin. */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/workbench"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  try {
    const url = new URL(value, "http://claimwork.invalid");
    if (url.origin !== "http://claimwork.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
