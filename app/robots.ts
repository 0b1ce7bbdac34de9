import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";

// /robots.txt: readers' pages are open to crawlers; the workbench, the API and sign-in are not.
// Read per request, so that it names this server's SITE_URL rather than the build machine's.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const site = getEnv().SITE_URL;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/workbench", "/api/", "/signin"] }],
    sitemap: new URL("/sitemap.xml", site).toString(),
  };
}
