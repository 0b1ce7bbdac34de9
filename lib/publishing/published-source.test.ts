import { describe, expect, it } from "vitest";
import { readSnapshot, type SnapshotPassage } from "@/lib/publishing/fact-check-snapshot";
import { publishedSource } from "@/lib/publishing/published-source";

/** A stored snapshot as JSON, parsed the way reader pages read it. */
function storedArticle(article: Record<string, unknown>): SnapshotPassage["article"] {
  const passage = {
    passageId: "8f0e2c64-1d1a-4a53-9d57-44c2b3f5a001",
    exact: "the talks had my approval",
    prefix: "",
    suffix: "",
    start: 0,
    end: 25,
    article: {
      id: "8f0e2c64-1d1a-4a53-9d57-44c2b3f5a002",
      title: "Minister defends talks",
      outlet: "Caracas Daily",
      url: "https://news.example/talks",
      language: "en",
      publishedAt: "2024-07-02T00:00:00.000Z",
      revisionId: "8f0e2c64-1d1a-4a53-9d57-44c2b3f5a003",
      revisionNumber: 1,
      revisionCreatedAt: "2024-07-05T09:30:00.000Z",
      ...article,
    },
  };
  const claim = { id: "8f0e2c64-1d1a-4a53-9d57-44c2b3f5a004", statement: "s", claimant: "c", claimantSameAs: null, claimedAt: null, language: "en" };
  return readSnapshot({ claim, passages: [passage], related: [] }).passages[0]!.article;
}

describe("publishedSource", () => {
  it("says the outlet's date of the version a new snapshot froze", () => {
    const source = publishedSource(storedArticle({ revisionNumber: 2, versionPublishedAt: "2024-07-03T00:00:00.000Z" }));
    expect(source.version).toEqual({ date: new Date("2024-07-03T00:00:00.000Z"), known: "published" });
  });

  it("says when the version was retrieved when the snapshot knew no date for it, never guessing one", () => {
    const source = publishedSource(storedArticle({ revisionNumber: 2, versionPublishedAt: null }));
    expect(source.version).toEqual({ date: new Date("2024-07-05T09:30:00.000Z"), known: "retrieved" });
  });

  it("reads snapshots frozen before the version's date was kept: the publication date for a first revision, else the retrieval", () => {
    expect(publishedSource(storedArticle({})).version).toEqual({ date: new Date("2024-07-02T00:00:00.000Z"), known: "published" });
    expect(publishedSource(storedArticle({ revisionNumber: 3 })).version).toEqual({ date: new Date("2024-07-05T09:30:00.000Z"), known: "retrieved" });
    expect(publishedSource(storedArticle({ publishedAt: null })).version.known).toBe("retrieved");
  });
});
