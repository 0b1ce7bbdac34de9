import type { Tx } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locales";

/** Pages built from the list of publications: any publication or correction changes them, in every language (ADR 0018). */
export const PUBLICATION_LISTS = ["/", "/search", ...LOCALES.flatMap((locale) => [`/${locale}`, `/${locale}/search`]), "/feed.xml", "/sitemap.xml"];

/**
 * What a use case that changes readers' pages returns: the pages, named once. The same list is
 * written for the reader cache (below) and revalidated in Next by the action wrapper
 * (lib/actions/create-action.ts). Reader pages render from approved snapshots only, so publishing
 * and correcting are the only writes that change them.
 */
export type ChangedPublicPages = { changedPages: string[] };

export function changesPublicPages(result: unknown): result is ChangedPublicPages {
  return typeof result === "object" && result !== null && Array.isArray((result as Partial<ChangedPublicPages>).changedPages);
}

/**
 * Records, in this transaction, the reader pages (paths, whatever their query string) that it changes,
 * and returns them. The reader cache in front of Next (scripts/serve/) reads these rows and drops the
 * pages; the row exists exactly when the change commits, so a rolled-back write never drops anything.
 */
export async function announcePublicPageChanges(tx: Tx, paths: string[]): Promise<ChangedPublicPages> {
  const changedPages = [...new Set(paths)];
  if (changedPages.length > 0) await tx.publicPageChange.create({ data: { paths: changedPages } });
  return { changedPages };
}
