import { getDb } from "@/lib/db";
import { localeOf, type Locale } from "@/lib/i18n/locales";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";

/**
 * The language a published fact-check's pages are shown in (ADR 0018): its claim's language as the
 * reviewer approved it in the published snapshot, English when the app does not speak it; null when
 * nothing is published at that slug. A function of what is published, so the reader cache, which drops
 * a fact-check's pages at every publication and correction, never keeps a page in a stale language.
 */
export async function getPublishedLocale(slug: string): Promise<Locale | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const publication = await getDb().publication.findUnique({
    where: { slug },
    select: { publishedRevision: { select: { id: true, snapshot: { select: { content: true } } } } },
  });
  if (!publication) return null;
  return localeOf(snapshotOf(publication.publishedRevision).claim.language);
}
