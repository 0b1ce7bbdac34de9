import { describe, expect, it } from "vitest";

import { extractArticleMetadata } from "./extract-article-metadata";

const BODY =
  "Le gouvernement vénézuélien a annoncé lundi la reprise des discussions avec l’opposition, sous l’égide de la Norvège.";

describe("extractArticleMetadata", () => {
  describe("dateline", () => {
    it("reads a standalone dateline line", () => {
      const meta = extractArticleMetadata(`Caracas (AFP)\n\n${BODY}`);
      expect(meta).toMatchObject({ dateline: "Caracas", outlet: "AFP" });
      expect(meta.title).toBe(
        "Le gouvernement vénézuélien a annoncé lundi la reprise des discussions avec l’opposition, sous l’égide de la Norvège",
      );
    });

    it("cuts an inline dateline off the lead, which is then not a headline", () => {
      const meta = extractArticleMetadata("PARIS (Reuters) - The French president said talks would resume. Then more.");
      expect(meta).toMatchObject({
        dateline: "PARIS",
        outlet: "Reuters",
        title: "The French president said talks would resume",
      });
    });

    it("reads a dateline with a date after a headline", () => {
      const meta = extractArticleMetadata(`Reprise du dialogue à Caracas\n\nRio de Janeiro, 5 mai (AFP) – ${BODY}`);
      expect(meta).toMatchObject({ title: "Reprise du dialogue à Caracas", dateline: "Rio de Janeiro", outlet: "AFP" });
    });

    it("ignores brackets that do not name a news agency", () => {
      const meta = extractArticleMetadata("Nicolas Maduro (in Caracas on June 22, 2017) said he would stay in power.");
      expect(meta).toMatchObject({ dateline: null, outlet: null });
    });

    it("ignores an agency named inside an ordinary sentence", () => {
      const text = "Are there talks? Yes.\n\nLast Sunday, the US news agency Associated Press (AP) publishes a report.";
      expect(extractArticleMetadata(text)).toMatchObject({ dateline: null, outlet: null });
      expect(extractArticleMetadata("The spokesman told the agency (AFP) that it was false.").dateline).toBeNull();
    });
  });

  describe("outlet dateline", () => {
    it("reads an English outlet dateline, day first or month first", () => {
      expect(extractArticleMetadata("Caracas Daily, 2 July 2024\n\nThe opposition claimed victory.")).toMatchObject({
        outlet: "Caracas Daily",
        publishedAt: new Date("2024-07-02T00:00:00Z"),
        title: "The opposition claimed victory",
        dateline: null,
      });
      expect(extractArticleMetadata("The Daily Example, July 2, 2024\n\nThe opposition claimed victory.")).toMatchObject({
        outlet: "The Daily Example",
        publishedAt: new Date("2024-07-02T00:00:00Z"),
      });
      expect(extractArticleMetadata("The Daily Example, Sept. 30 2024\n\nText.").publishedAt).toEqual(new Date("2024-09-30T00:00:00Z"));
    });

    it("reads a French outlet dateline after a headline, and keeps the headline", () => {
      const meta = extractArticleMetadata(`Reprise du dialogue à Caracas\nLe Monde, 3 juillet 2024\n\n${BODY}`);
      expect(meta).toMatchObject({ title: "Reprise du dialogue à Caracas", outlet: "Le Monde", publishedAt: new Date("2024-07-03T00:00:00Z") });
      expect(extractArticleMetadata(`La Croix, 1er août 2024\n\n${BODY}`)).toMatchObject({
        outlet: "La Croix",
        publishedAt: new Date("2024-08-01T00:00:00Z"),
      });
    });

    it("still reads an agency dateline that follows it", () => {
      const meta = extractArticleMetadata(`Le Monde, 3 juillet 2024\n\nCaracas (AFP) – ${BODY}`);
      expect(meta).toMatchObject({ outlet: "Le Monde", dateline: "Caracas" });
      expect(meta.title.startsWith("Le gouvernement")).toBe(true);
    });

    it("gives a person's name and date the date only, and a byline nothing", () => {
      expect(extractArticleMetadata(`Nicolas Maduro, 3 July 2024\n\n${BODY}`)).toMatchObject({
        outlet: null,
        publishedAt: new Date("2024-07-03T00:00:00Z"),
      });
      expect(extractArticleMetadata(`By Ana Pérez, July 2, 2024\n\n${BODY}`)).toMatchObject({ outlet: null, publishedAt: null });
    });

    it("ignores other shapes: prose after the year, impossible days, unknown months, lower-case names, later lines", () => {
      for (const text of [
        "Nicolas Maduro, 3 July 2024, said he would stay in power.",
        `Le Monde, 31 juin 2024\n\n${BODY}`,
        `Le Monde, 3 Juli 2024\n\n${BODY}`,
        `le monde, 3 juillet 2024\n\n${BODY}`,
        `Le Monde, 3 juillet 1750\n\n${BODY}`,
        `${BODY}\n\nLe Monde, 3 juillet 2024`,
      ]) {
        expect(extractArticleMetadata(text), text).toMatchObject({ outlet: null, publishedAt: null });
      }
    });
  });

  describe("publishedAt", () => {
    it("reads a leading timestamp as UTC unless it carries a zone", () => {
      expect(extractArticleMetadata(`2024-07-04 18:03:53\n${BODY}`).publishedAt).toEqual(new Date("2024-07-04T18:03:53Z"));
      expect(extractArticleMetadata(`2024-07-04T18:03:53+02:00\n${BODY}`).publishedAt).toEqual(
        new Date("2024-07-04T16:03:53Z"),
      );
      expect(extractArticleMetadata(`2024-07-04 18:03 Z\n${BODY}`).publishedAt).toEqual(new Date("2024-07-04T18:03:00Z"));
    });

    it("refuses impossible dates", () => {
      expect(extractArticleMetadata(`2024-02-31 18:03:53\n${BODY}`).publishedAt).toBeNull();
      expect(extractArticleMetadata(`2024-07-04 18:03:53 +25:00\n${BODY}`).publishedAt).toBeNull();
    });

    it("prefers a trailing Unix time, which is unambiguous about the zone", () => {
      const meta = extractArticleMetadata(`2024-07-04 18:03:53\n${BODY}\n1720111917`);
      expect(meta.publishedAt).toEqual(new Date("2024-07-04T16:51:57Z"));
    });

    it("ignores numbers outside 2000..2100 at the end", () => {
      expect(extractArticleMetadata(`${BODY}\n123456789`).publishedAt).toBeNull();
      expect(extractArticleMetadata(`${BODY}\n9999999999`).publishedAt).toBeNull();
    });

    it("falls back to 1 January of the copyright year", () => {
      const meta = extractArticleMetadata(`${BODY}\n\nCopyright © 2021 Agence France-Presse. All rights reserved.`);
      expect(meta).toMatchObject({ outlet: "AFP", publishedAt: new Date("2021-01-01T00:00:00Z") });
      expect(extractArticleMetadata(`${BODY}\n\n© 2020 Le Monde`).outlet).toBe("Le Monde");
    });
  });

  describe("outlet", () => {
    it("prefers the copyright holder to the dateline agency", () => {
      expect(extractArticleMetadata(`PARIS (Reuters) - ${BODY}\n\n© 2024 The Daily Example`).outlet).toBe("The Daily Example");
    });

    it("uses a photo credit only when nothing else names an outlet", () => {
      const credit = "Nicolas Maduro in Caracas. JIM WATSON / AFP";
      expect(extractArticleMetadata(`${credit}\n\n${BODY}`).outlet).toBe("AFP");
      expect(extractArticleMetadata(`${credit}\n\n${BODY}\n\n© 2019 El País`).outlet).toBe("El País");
    });
  });

  describe("title", () => {
    it("takes a first line that looks like a headline", () => {
      expect(extractArticleMetadata(`Maduro et l’opposition reprennent le dialogue\n\n${BODY}`).title).toBe(
        "Maduro et l’opposition reprennent le dialogue",
      );
      expect(extractArticleMetadata(`Un dialogue est-il possible ?\n${BODY}`).title).toBe("Un dialogue est-il possible ?");
    });

    it("strips a Markdown heading marker", () => {
      expect(extractArticleMetadata(`## Reprise du dialogue\n\n${BODY}`).title).toBe("Reprise du dialogue");
    });

    it("skips share-button lines", () => {
      expect(extractArticleMetadata(`• Tweeter\n  • republish\nPartager\n\nReprise du dialogue\n\n${BODY}`).title).toBe(
        "Reprise du dialogue",
      );
    });

    it("does not take hard-wrapped prose for a headline", () => {
      const text = "The White House tried on Wednesday to sweep away\nthe idea of a dialogue with Caracas.\nMore.";
      expect(extractArticleMetadata(text).title).toBe(
        "The White House tried on Wednesday to sweep away the idea of a dialogue with Caracas",
      );
    });

    it("does not end the first sentence at abbreviations or initials", () => {
      expect(extractArticleMetadata("M. Macron a parlé aux U.S. officials hier. Rien n’est décidé.").title).toBe(
        "M. Macron a parlé aux U.S. officials hier",
      );
    });

    it("shortens a long first sentence at a word boundary to at most 120 characters", () => {
      const sentence = `${"word ".repeat(40)}end.`;
      const title = extractArticleMetadata(sentence).title;
      expect(title.length).toBeLessThanOrEqual(120);
      expect(title).toMatch(/^word( word)*…$/);
    });

    it("keeps a headline of up to 200 characters but not a line ending with a period", () => {
      const long = `Headline ${"x".repeat(180)}`;
      expect(extractArticleMetadata(`${long}\n\n${BODY}`).title).toBe(long);
      expect(extractArticleMetadata(`Trump parle.\n\n${BODY}`).title).toBe("Trump parle");
    });
  });

  it("detects the language of the prose, not of the metadata lines", () => {
    expect(extractArticleMetadata(`• Tweeter\n2024-07-04 18:03:53\n${BODY}\n1720111917`).language).toBe("fr");
  });

  it("copes with text that is only metadata", () => {
    expect(extractArticleMetadata("1720111917")).toEqual({
      title: "1720111917",
      outlet: null,
      dateline: null,
      publishedAt: new Date(1720111917 * 1000),
      language: "und",
    });
  });
});

describe("extractArticleMetadata on pathological input", () => {
  // A quadratic regex here once took minutes on such lines; the test's own timeout catches a return.
  it("handles multi-megabyte lines and still proposes a short title", () => {
    for (const text of [
      `${"a".repeat(2_000_000)} .${" ".repeat(100_000)}x`,
      `© 2019 ${" ".repeat(1_000_000)}x`,
      `• ${"A ".repeat(500_000)}`,
    ]) {
      expect(extractArticleMetadata(text).title.length).toBeLessThanOrEqual(120);
    }
  });
});
