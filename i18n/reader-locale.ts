import { headers } from "next/headers";
import { PATH_HEADER, type Locale } from "@/lib/i18n/locales";
import { getPublishedLocale } from "@/lib/publishing/get-published-locale";

/**
 * The language of a fact-check's pages (/fact-checks/[slug], its revisions): the fact-check's own,
 * whatever the reader's browser prefers. Undefined for any other page.
 */
export async function readerPageLocale(): Promise<Locale | undefined> {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const slug = /^\/fact-checks\/([^/]+)/.exec(path)?.[1];
  if (!slug) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return undefined;
  }
  return (await getPublishedLocale(decoded)) ?? undefined;
}
