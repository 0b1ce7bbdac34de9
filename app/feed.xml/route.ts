import { connection } from "next/server";
import { getEnv } from "@/lib/env";
import { listFeedEntriesCached, type FeedEntry } from "@/lib/publishing/list-feed-entries";

// The Atom feed (RFC 4287) of publications and corrections, newest first. Built per request, so it
// names this server's SITE_URL, from entries read again only after a publication or correction.

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

function entryXml(entry: FeedEntry, site: string): string {
  const page = new URL(`/fact-checks/${entry.slug}`, site).toString();
  const date = entry.date.toISOString();
  const title = entry.correction ? `${entry.correction.kind === "update" ? "Update" : "Correction"}: ${entry.headline}` : entry.headline;
  const summary = `${entry.rating.label}. ${entry.claimant}: “${entry.claimStatement}”. ${entry.summary}`;
  const lines = [
    "  <entry>",
    `    <id>urn:uuid:${xmlText(entry.id)}</id>`,
    `    <title type="text">${xmlText(title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.kind === "corrected" ? `${page}#corrections` : page)}"/>`,
    `    <published>${date}</published>`,
    `    <updated>${date}</updated>`,
    `    <category term="${xmlText(entry.rating.rating)}" label="${xmlText(entry.rating.label)}"/>`,
    `    <summary type="text">${xmlText(summary)}</summary>`,
  ];
  if (entry.correction) {
    const earlier = new URL(`/fact-checks/${entry.slug}/revisions/${entry.correction.previousRevisionNumber}`, site).toString();
    lines.push(`    <link rel="related" type="text/html" title="The version before this change" href="${xmlText(earlier)}"/>`);
    lines.push(
      `    <content type="text">${xmlText(`What changed: ${entry.correction.whatChanged}\n\nWhy: ${entry.correction.why}\n\n${entry.summary}`)}</content>`,
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
  const updated = (entries[0]?.date ?? new Date(0)).toISOString();
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xmlText(new URL("/feed.xml", site).toString())}</id>`,
    `  <title type="text">${xmlText(`${env.NEWSROOM_NAME}: fact-checks and corrections`)}</title>`,
    `  <subtitle type="text">Every fact-check we publish and every correction we make.</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(new URL("/feed.xml", site).toString())}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(site)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(env.NEWSROOM_NAME)}</name><uri>${xmlText(site)}</uri></author>`,
    `  <generator>Claimwork</generator>`,
    ...entries.map((entry) => entryXml(entry, site)),
    "</feed>",
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
