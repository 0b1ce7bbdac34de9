import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { isReaderPath, localeOf, parseLocale } from "@/lib/i18n/locales";

describe("a visitor's interface language", () => {
  it("is the one they chose, else their browser's best, else English", () => {
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "en-GB,en;q=0.9" })).toBe("fr");
    expect(negotiateLocale({ cookie: "de", acceptLanguage: "fr-CA,fr;q=0.8,en;q=0.5" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "de-DE,de;q=0.9,en;q=0.4,fr;q=0.3" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "de-DE,es;q=0.9" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: null })).toBe("en");
  });
});

describe("the locale of a language tag", () => {
  it("reads the primary subtag, and English for a language the app does not speak", () => {
    expect([parseLocale("fr"), parseLocale("FR-ca"), parseLocale("en-GB"), parseLocale("und"), parseLocale(undefined)]).toEqual(["fr", "fr", "en", undefined, undefined]);
    expect([localeOf("fr_FR"), localeOf("es"), localeOf("und")]).toEqual(["fr", "en", "en"]);
  });

  it("tells reader pages (rendered without client messages) from the rest", () => {
    for (const path of ["/", "/search", "/methodology", "/en", "/fr/search", "/fact-checks/a-b/revisions/2"]) expect(isReaderPath(path), path).toBe(true);
    for (const path of ["/workbench", "/signin", "/fra", "/api/health"]) expect(isReaderPath(path), path).toBe(false);
  });
});
