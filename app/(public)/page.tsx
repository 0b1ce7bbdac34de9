import type { Metadata } from "next";
import { connection } from "next/server";
import { listPublishedFactChecksCached } from "@/lib/publishing/list-published-fact-checks";
import { FactCheckCard } from "@/app/_components/fact-check-card";
import { ReaderSearchForm } from "@/app/_components/reader-search-form";

export const metadata: Metadata = {
  alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: "Fact-checks and corrections" }] } },
};

export default async function HomePage() {
  // Rendered per request from a list that is read again only after a publication or correction
  // (one small query per request checks that). Waiting for the request first keeps `next build`
  // from prerendering it with whatever database the build machine can see.
  await connection();
  const factChecks = await listPublishedFactChecksCached(30);
  return (
    <>
      <p className="kicker">Latest fact-checks</p>
      <h1>What was said, and what holds up</h1>
      <p className="lede narrow">
        We check claims made by public figures against the record, quote the passages we rely on and
        correct ourselves in the open.
      </p>
      <ReaderSearchForm />
      {factChecks.length === 0 ? (
        <p className="empty">No fact-check has been published yet.</p>
      ) : (
        <ul className="cards" aria-label="Published fact-checks">
          {factChecks.map((factCheck) => (
            <FactCheckCard key={factCheck.slug} factCheck={{ ...factCheck, correctedAt: factCheck.corrected ? factCheck.updatedAt : null }} />
          ))}
        </ul>
      )}
    </>
  );
}
