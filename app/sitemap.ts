import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";
import { listPublishedPagesCached } from "@/lib/publishing/list-published-fact-checks";

// /sitemap.xml: the reader pages search engines should index (earlier revisions are noindex).
// Built per request (absolute URLs name this server's SITE_URL) from a list read again only after a
// publication or correction.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const site = getEnv().SITE_URL;
  const pages = await listPublishedPagesCached(50_000);
  return [
    { url: new URL("/", site).toString(), changeFrequency: "daily", priority: 1 },
    { url: new URL("/methodology", site).toString(), changeFrequency: "monthly", priority: 0.3 },
    ...pages.map((page) => ({
      url: new URL(`/fact-checks/${page.slug}`, site).toString(),
      lastModified: page.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
