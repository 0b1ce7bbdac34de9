import { revalidatePath } from "next/cache";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";

/**
 * After a publication or a correction of `slug`, refreshes exactly the reader pages it changes:
 * the fact-check itself, the revision pages the correction touched and the published fact-checks
 * that link to it (they show its rating and headline). Every other cached page stays as it is.
 * The lists built from publications (home, feed, sitemap) are rendered per request from data that
 * notices the new publication by itself (lib/publishing/list-published-fact-checks.ts); their paths
 * are revalidated too, which refreshes them in the browsers' router cache.
 */
export async function refreshPublicPages(slug: string): Promise<string[]> {
  const paths = new Set(["/", "/feed.xml", "/sitemap.xml", `/fact-checks/${slug}`]);
  try {
    const factCheck = await getPublishedFactCheck(slug);
    for (const related of factCheck?.related ?? []) paths.add(`/fact-checks/${related.slug}`);
    const correction = factCheck?.corrections.at(-1);
    if (correction) {
      // The replaced revision now reads "earlier version"; the new one may have been asked for (and
      // answered 404) before it was public.
      paths.add(`/fact-checks/${slug}/revisions/${correction.fromRevision}`);
      paths.add(`/fact-checks/${slug}/revisions/${correction.toRevision}`);
    } else if (factCheck) {
      paths.add(`/fact-checks/${slug}/revisions/${factCheck.revisionNumber}`);
    }
  } catch (error) {
    // The publication is committed; a failed look-up only narrows the refresh to the pages above.
    console.error(`[publish] could not list the pages related to ${slug}`, error);
  }
  for (const path of paths) revalidatePath(path);
  return [...paths];
}
