import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedActionRequest } from "@/lib/actions/refuse-malformed-action-request";
import { DEFAULT_LOCALE, LOCALE_HEADER, PATH_HEADER, UNPREFIXED_READER_PAGES, isLocale } from "@/lib/i18n/locales";

// Content-Security-Policy with a fresh nonce per response (DESIGN.md section 8). Next reads the nonce
// from the request's policy header and puts it on every script it renders, so no inline script runs
// without it: no 'unsafe-inline' for scripts. 'strict-dynamic' lets those scripts load the app's
// chunks. Styles keep 'unsafe-inline' for React's style attributes (highlights, progress bars).
// It also answers server-action bodies Next cannot decode with a clear 4xx instead of Next's 500.
// It sets the interface language of a locale-prefixed address (/fr, /fr/search) for next-intl, from the
// address alone (a client's own header is dropped), so that a cached reader page is one language; the
// old addresses /, /search and /methodology keep serving the English page (ADR 0018).
// It guards nothing else: authorization lives in the use cases.
const isDev = process.env.NODE_ENV !== "production";

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const refused = await refuseMalformedActionRequest(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.delete(LOCALE_HEADER);
  const unprefixed = UNPREFIXED_READER_PAGES.includes(request.nextUrl.pathname);
  const segment = unprefixed ? DEFAULT_LOCALE : request.nextUrl.pathname.split("/")[1];
  if (isLocale(segment)) requestHeaders.set(LOCALE_HEADER, segment);
  let response: NextResponse;
  if (unprefixed) {
    const target = request.nextUrl.clone();
    target.pathname = `/${DEFAULT_LOCALE}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  } else response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static files carry no inline scripts and never change per request.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
