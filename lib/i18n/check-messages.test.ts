import { describe, expect, it } from "vitest";
import { checkMessages, findKeyUses, readSources } from "@/lib/i18n/check-messages";
import { readAllMessages } from "@/lib/i18n/load-messages";

// The catalogue in messages/<locale>/<namespace>.json must have every key in every language, every
// key the code uses, and no key nobody uses (ADR 0018).

describe("the message catalogue", () => {
  it("has every key in English and French, and only keys the code uses", () => {
    const uses = readSources(process.cwd(), ["app", "lib", "i18n"]).flatMap(({ source, where }) => findKeyUses(source, where));
    expect(checkMessages(readAllMessages(), uses)).toEqual([]);
  });
});

// The checker itself, on a fixture: it must really fail.
const FIXTURE_SOURCE = `
import { getTranslations } from "next-intl/server";
// const t = useTranslations("commented"); t("out")
export async function Page() {
  const t = await getTranslations("reader");
  const r = await getTranslations({ locale: "fr", namespace: "ratings" });
  return [t("title"), t.rich("intro", { b: (x) => x }), r(\`\${rating}.name\`), t("onlyInCode")];
}
function Other() {
  const t = useTranslations("common");
  return t('skip');
}`;

describe("the catalogue check", () => {
  const uses = findKeyUses(FIXTURE_SOURCE, "fixture.tsx");

  it("reads the keys the code uses, each in its translator's namespace", () => {
    expect(uses.map((use) => use.key)).toEqual(["reader.title", "reader.intro", "reader.onlyInCode", "common.skip", "ratings.${rating}.name"]);
    expect(uses[0]!.where).toBe("fixture.tsx:7");
  });

  it("passes a catalogue that matches the code", () => {
    const messages = {
      reader: { title: "T", intro: "I", onlyInCode: "O" },
      common: { skip: "S" },
      ratings: { false: { name: "False" }, true: { name: "True" } },
    };
    expect(checkMessages({ en: messages, fr: messages }, uses)).toEqual([]);
  });

  it("fails on a key missing in one language, a key the code uses that no language has, and an unused key", () => {
    const en = {
      reader: { title: "T", intro: "I", stale: "never used" },
      common: { skip: "S" },
      ratings: { false: { name: "False" } },
    };
    const fr = { reader: { title: "T", stale: "jamais" }, common: { skip: "S" }, ratings: { false: { name: "Faux" } } };
    expect(checkMessages({ en, fr }, uses)).toEqual(
      expect.arrayContaining([
        { kind: "missing", locale: "fr", key: "reader.intro" },
        { kind: "missing", locale: "fr", key: "reader.intro", where: "fixture.tsx:7" },
        { kind: "missing", locale: "en", key: "reader.onlyInCode", where: "fixture.tsx:7" },
        { kind: "missing", locale: "fr", key: "reader.onlyInCode", where: "fixture.tsx:7" },
        { kind: "unused", key: "reader.stale" },
      ]),
    );
    expect(checkMessages({ en, fr }, uses)).toHaveLength(5);
  });

  it("counts a template key as using every key it matches, and nothing else", () => {
    const messages = { reader: { title: "T", intro: "I", onlyInCode: "O" }, common: { skip: "S" }, ratings: { false: { name: "F" }, false2: { label: "x" } } };
    expect(checkMessages({ en: messages }, uses)).toEqual([{ kind: "unused", key: "ratings.false2.label" }]);
  });
});
