import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/discussion/find-mentions";
import { splitLinks } from "@/lib/discussion/split-links";
import { mentionQuery, suggestColleagues } from "@/lib/discussion/suggest-colleagues";

describe("findMentions", () => {
  const people = [
    { id: "ana", name: "Ana" },
    { id: "ana-maria", name: "Ana María" },
    { id: "bo", name: "Bo Chen" },
  ];

  it("resolves full names after @, case-insensitively, the longest name first", () => {
    expect(findMentions("@ana maría could you check? cc @BO CHEN", people).sort()).toEqual(["ana-maria", "bo"]);
    expect(findMentions("Thanks @Ana, and @Ana María too", people).sort()).toEqual(["ana", "ana-maria"]);
  });

  it("ignores names inside words and e-mail addresses, and names nobody has", () => {
    expect(findMentions("mail ana@Ana.org or @Anabel or @Bo", people)).toEqual([]);
  });
});

describe("splitLinks", () => {
  it("links http and https addresses and keeps the rest as text", () => {
    expect(splitLinks("See https://example.org/a?b=1, then http://x.example.")).toEqual([
      { text: "See " },
      { text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { text: ", then " },
      { text: "http://x.example", href: "http://x.example" },
      { text: "." },
    ]);
  });

  it("never links other schemes, bare domains or markup", () => {
    const text = 'javascript:alert(1) mailto:a@b.example ftp://f.example //evil.example example.org <a href="https://x">';
    const links = splitLinks(text).filter((part) => "href" in part);
    expect(links).toEqual([{ text: "https://x", href: "https://x" }]);
    expect(splitLinks(text).map((part) => part.text).join("")).toBe(text);
  });
});

describe("mention suggestions while typing", () => {
  const people = [
    { id: "ana", name: "Ana María Pérez" },
    { id: "bo", name: "Bo Chen" },
  ];

  it("reads the words typed after @ up to the caret, not an e-mail address", () => {
    expect(mentionQuery("Thanks @Ana Ma", 14)).toEqual({ start: 7, query: "Ana Ma" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("write to ana@example.org", 24)).toBeNull();
  });

  it("offers colleagues whose name or one of its words starts with the query", () => {
    expect(suggestColleagues(people, "ana ma").map((person) => person.id)).toEqual(["ana"]);
    expect(suggestColleagues(people, "chen").map((person) => person.id)).toEqual(["bo"]);
    expect(suggestColleagues(people, "").map((person) => person.id)).toEqual(["ana", "bo"]);
    expect(suggestColleagues(people, "zed")).toEqual([]);
  });
});
