// A newsroom's own archive in (lib/exchange/import-own-archive.ts): published fact-checks from its
// pages, feeds or spreadsheets become published fact-checks of Claimwork in bulk, each with its
// snapshot and its original publication standing for the approval, shown to readers as such.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importOwnArchive } from "@/lib/exchange/import-own-archive";
import { previewExchangeFile } from "@/lib/exchange/preview-exchange-file";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";
import { expectRefusedWithoutWrites, makeUser, rowsWrittenBy, unique } from "@/test/integration/support";

const db = getDb();
afterAll(async () => {
  await db.$disconnect();
});

let reviewer: Actor;
let editor: Actor;
beforeAll(async () => {
  [reviewer, editor] = await Promise.all([makeUser("reviewer"), makeUser("editor")]);
});

function archiveCsv(token: string) {
  const text = [
    "publisher,url,claim,claimant,rating,date,language,title",
    `Our Newsroom,https://news.example.org/checks/${token}/1,"Inflation reached 400% last year, token ${token}",A minister,Faux,2021-03-04,fr,"Non, l'inflation n'a pas atteint 400 %"`,
    `Our Newsroom,https://news.example.org/checks/${token}/2,Another claim ${token},A senator,Needs context ${token},2021-03-05,en,A title`,
    `Our Newsroom,https://news.example.org/checks/${token}/3,A third claim ${token},,True,2021-03-06,en,A title`,
  ].join("\n");
  const file = { bytes: new TextEncoder().encode(text), name: "archive.csv", mediaType: "text/csv" };
  const csvColumns = { publisherName: "publisher", reviewUrl: "url", claimText: "claim", claimant: "claimant", ratingText: "rating", reviewedAt: "date", language: "language", headline: "title" };
  return { file, csvColumns, target: "archive" as const };
}

describe("importOwnArchive", () => {
  it("previews the rows a published fact-check needs: a rating on our scale and a claimant", async () => {
    const token = unique();
    const preview = await previewExchangeFile(reviewer, archiveCsv(token));
    expect(preview).toMatchObject({ itemCount: 3, goodCount: 1, problemCount: 2 });
    expect(preview.problems).toEqual([
      { location: "line 3", reason: `the rating “Needs context ${token}” is not mapped to our scale (map it on the ratings page first)` },
      { location: "line 4", reason: "the claimant is missing" },
    ]);
  });

  it("publishes the good rows in bulk with their snapshots, approved by their original publication, once", async () => {
    const token = unique();
    await expectRefusedWithoutWrites(async () => (await importOwnArchive(reviewer, archiveCsv(token))).run(), "invalid");
    let importId = "";
    const written = await rowsWrittenBy(async () => {
      const result = await (await importOwnArchive(reviewer, { ...archiveCsv(token), onlyGoodRows: true })).run();
      expect(result).toMatchObject({ imported: 1, skipped: 0, refused: 2 });
      importId = result.importId;
    });
    expect(written).toEqual({
      claims: 1,
      verdicts: 1,
      verdict_revisions: 1,
      fact_check_snapshots: 1,
      imported_publications: 1,
      publications: 1,
      published_search: 1,
      exchange_imports: 1,
      audit_events: 1,
      public_page_changes: 1,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: importId } })).toMatchObject({ action: "exchange.archive_imported", actorId: reviewer.id });

    const imported = await db.importedPublication.findFirstOrThrow({ where: { importId }, include: { verdictRevision: { include: { verdict: { include: { publication: true } } } } } });
    expect(imported.verdictRevision.verdict).toMatchObject({ status: "published", currentRevisionId: imported.verdictRevisionId });
    const slug = imported.verdictRevision.verdict.publication!.slug;
    const page = await getPublishedFactCheck(slug);
    expect(page).toMatchObject({
      headline: "Non, l'inflation n'a pas atteint 400 %",
      rating: { rating: "false" },
      claim: { statement: `Inflation reached 400% last year, token ${token}`, claimant: "A minister", language: "fr" },
      firstPublishedAt: new Date("2021-03-04T00:00:00Z"),
      byline: { authors: [], original: { url: `https://news.example.org/checks/${token}/1` } },
      passages: [],
    });

    const again = await rowsWrittenBy(async () => {
      expect(await (await importOwnArchive(reviewer, { ...archiveCsv(token), onlyGoodRows: true })).run()).toMatchObject({ imported: 0, skipped: 1 });
    });
    expect(again).toEqual({ exchange_imports: 1, audit_events: 1 });
  });

  it("is refused to an editor, who may not publish, writing nothing", async () => {
    await expectRefusedWithoutWrites(async () => (await importOwnArchive(editor, { ...archiveCsv(unique()), onlyGoodRows: true })).run(), "forbidden");
    await expectRefusedWithoutWrites(() => previewExchangeFile(editor, archiveCsv(unique())), "forbidden");
  });

  it("the database still refuses to publish a revision that neither a review nor an original publication approved", async () => {
    // The fact-check this file's import published a moment ago (its verdict has revision 1 only).
    const imported = await db.importedPublication.findFirstOrThrow({ orderBy: { createdAt: "desc" }, include: { verdictRevision: true } });
    const revision = await db.verdictRevision.create({
      data: { verdictId: imported.verdictRevision.verdictId, number: 2, rating: "true", headline: "Unreviewed", summary: "Unreviewed", explanation: "", authorId: editor.id },
    });
    await expect(db.publication.update({ where: { verdictId: imported.verdictRevision.verdictId }, data: { publishedRevisionId: revision.id } })).rejects.toThrow(/only an approved revision can be published/);
  });
});
