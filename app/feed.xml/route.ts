import { connection } from "next/server";
import { getEnv } from "@/lib/env";
import { listFeedEntriesCached, type FeedEntry } from "@/lib/publishing/list-feed-entries";
import { getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { ratingWords } from "@/lib/verdicts/rating-scale";

// The Atom feed (RFC 4287) of publications and corrections, newest first. Built per request, so it
// names this server's SITE_URL, from entries read again only after a publication or correction.
// Each entry is marked with its fact-check's language (xml:lang, RFC 4287 section 2) and names the
// rating in it; the feed's own words are English. The approved texts are given as approved.



/** Text for XML: characters XML 1.0 cannot carry are dropped, the five special ones escaped. */
function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The feed's words in one language (entryXml's `t`). */
async function feedWords(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "reader.feed" });
  return t;
}
type FeedWords = Awaited<ReturnType<typeof feedWords>>;

function entryXml(entry: FeedEntry, site: string, t: FeedWords): string {
  const page = new URL(`/fact-checks/${entry.slug}`, site).toString();
  const date = entry.date.toISOString();
  const rating = ratingWords(entry.rating.rating, entry.language).name;
  const title = entry.correction ? t("changeTitle", { kind: entry.correction.kind, headline: entry.headline }) : entry.headline;
  const summary = t("summary", { rating, claimant: entry.claimant, statement: entry.claimStatement, summary: entry.summary });
  const lines = [
    `  <entry xml:lang="${entry.language}">`,
    `    <id>urn:uuid:${xmlText(entry.id)}</id>`,
    `    <title type="text">${xmlText(title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.kind === "corrected" ? `${page}#corrections` : page)}"/>`,
    `    <published>${date}</published>`,
    `    <updated>${date}</updated>`,
    `    <category term="${xmlText(entry.rating.rating)}" label="${xmlText(rating)}"/>`,
    `    <summary type="text">${xmlText(summary)}</summary>`,
  ];
  if (entry.correction) {
    const earlier = new URL(`/fact-checks/${entry.slug}/revisions/${entry.correction.previousRevisionNumber}`, site).toString();
    lines.push(`    <link rel="related" type="text/html" title="${xmlText(t("before"))}" href="${xmlText(earlier)}"/>`);
    lines.push(
      `    <content type="text">${xmlText(t("content", { whatChanged: entry.correction.whatChanged, why: entry.correction.why, summary: entry.summary }))}</content>`,
    );
  }
  lines.push("  </entry>");
  return lines.join("\n");
}

export async function GET(): Promise<Response> {
  await connection();
  const env = getEnv();
  const site = new URL("/", env.SITE_URL).toString();
  const entries = await listFeedEntriesCached(50);
  // The feed's own words in English; each entry's in its fact-check's language.
  const words = Object.fromEntries(await Promise.all(LOCALES.map(async (locale) => [locale, await feedWords(locale)] as const))) as Record<Locale, FeedWords>;
  const t = words[DEFAULT_LOCALE];
  const updated = (entries[0]?.date ?? new Date(0)).toISOString();
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${DEFAULT_LOCALE}">`,
    `  <id>${xmlText(new URL("/feed.xml", site).toString())}</id>`,
    `  <title type="text">${xmlText(t("title", { newsroom: env.NEWSROOM_NAME }))}</title>`,
    `  <subtitle type="text">${xmlText(t("subtitle"))}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(new URL("/feed.xml", site).toString())}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(site)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(env.NEWSROOM_NAME)}</name><uri>${xmlText(site)}</uri></author>`,
    `  <generator>Claimwork</generator>`,
    ...entries.map((entry) => entryXml(entry, site, words[entry.language])),
    "</feed>",
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
