import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";
import { listPublishedPagesCached } from "@/lib/publishing/list-published-fact-checks";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// /sitemap.xml: the reader pages search engines should index (earlier revisions are noindex).
// Built per request (absolute URLs name this server's SITE_URL) from a list read again only after a
// publication or correction.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const site = getEnv().SITE_URL;
  const pages = await listPublishedPagesCached(50_000);
  // The home and methodology pages in each language, each naming the others (hreflang); a fact-check
  // has one language and one address.
  const inEveryLanguage = (path: string) => {
    const languages = {
      ...Object.fromEntries(LOCALES.map((locale) => [locale, new URL(`/${locale}${path}`, site).toString()])),
      "x-default": new URL(`/${DEFAULT_LOCALE}${path}`, site).toString(),
    };
    return LOCALES.map((locale) => ({ url: new URL(`/${locale}${path}`, site).toString(), alternates: { languages } }));
  };
  return [
    ...inEveryLanguage("").map((page) => ({ ...page, changeFrequency: "daily" as const, priority: 1 })),
    ...inEveryLanguage("/methodology").map((page) => ({ ...page, changeFrequency: "monthly" as const, priority: 0.3 })),
    ...pages.map((page) => ({
      url: new URL(`/fact-checks/${page.slug}`, site).toString(),
      lastModified: page.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
