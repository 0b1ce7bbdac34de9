import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Messages } from "@/lib/i18n/load-messages";

// The catalogue's completeness check (npm test runs it through check-messages.test.ts): every key in
// every language, every key used by the code, no key nobody uses.
//
// A key is used when the code calls a translator with it, the translator bound to its namespace:
//   const t = useTranslations("reader");            t("latest")         -> reader.latest
//   const t = await getTranslations("ratings");     t.rich("scale", …)  -> ratings.scale
//   const t = await getTranslations({ locale, namespace: "errors" })   (same)
// A template key (t(`status.${status}`)) uses every key it can match (reader.status.*). The nearest
// binding of that translator's name before the call decides its namespace.

export type Problem = { kind: "missing" | "unused" | "not-a-string"; locale?: string; key: string; where?: string };

/** "ns.a.b" for every message of a catalogue; a value that is neither text nor an object is reported. */
export function flattenMessages(messages: Record<string, Messages>): { keys: Set<string>; problems: Problem[] } {
  const keys = new Set<string>();
  const problems: Problem[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") keys.add(key);
    else if (value && typeof value === "object" && !Array.isArray(value)) for (const [name, child] of Object.entries(value)) walk(child, `${key}.${name}`);
    else problems.push({ kind: "not-a-string", key });
  };
  for (const [namespace, tree] of Object.entries(messages)) walk(tree, namespace);
  return { keys, problems };
}

export type KeyUse = { key: string; pattern?: RegExp; where: string };

const BINDING = /\b(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:["'`]([\w.-]*)["'`]|\{[^}]*?namespace:\s*["'`]([\w.-]*)["'`][^}]*\})?\s*\)/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The keys one source file uses, by the rules above. */
export function findKeyUses(text: string, where: string): KeyUse[] {
  // Comments are no use; blanked out (newlines kept) so that line numbers stay right.
  const source = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, (comment) => comment.replace(/[^\n]/g, " "));
  const bindings: { name: string; namespace: string; at: number }[] = [];
  for (const match of source.matchAll(BINDING)) bindings.push({ name: match[1]!, namespace: match[2] ?? match[3] ?? "", at: match.index });
  const uses: KeyUse[] = [];
  for (const name of new Set(bindings.map((binding) => binding.name))) {
    const call = new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*(?:"([^"]+)"|'([^']+)'|\`([^\`]+)\`)`, "g");
    for (const match of source.matchAll(call)) {
      const binding = bindings.filter((candidate) => candidate.name === name && candidate.at < match.index).at(-1);
      if (!binding) continue;
      const prefix = binding.namespace ? `${binding.namespace}.` : "";
      const line = source.slice(0, match.index).split("\n").length;
      const literal = match[1] ?? match[2];
      if (literal !== undefined) uses.push({ key: prefix + literal, where: `${where}:${line}` });
      else {
        const template = match[3]!;
        const parts = template.split(/\$\{[^}]*\}/);
        if (parts.length === 1) uses.push({ key: prefix + template, where: `${where}:${line}` });
        else uses.push({ key: prefix + template, pattern: new RegExp(`^${escape(prefix)}${parts.map(escape).join("[\\w-]+")}$`), where: `${where}:${line}` });
      }
    }
  }
  return uses;
}

/** Every problem of the catalogues (by locale) against the keys the code uses. */
export function checkMessages(catalogues: Record<string, Record<string, Messages>>, uses: KeyUse[]): Problem[] {
  const problems: Problem[] = [];
  const keysByLocale = Object.entries(catalogues).map(([locale, messages]) => {
    const flat = flattenMessages(messages);
    problems.push(...flat.problems.map((problem) => ({ ...problem, locale })));
    return { locale, keys: flat.keys };
  });
  const everyKey = new Set(keysByLocale.flatMap(({ keys }) => [...keys]));
  for (const { locale, keys } of keysByLocale) {
    for (const key of everyKey) if (!keys.has(key)) problems.push({ kind: "missing", locale, key });
    for (const use of uses) {
      const found = use.pattern ? [...keys].some((key) => use.pattern!.test(key)) : keys.has(use.key);
      if (!found) problems.push({ kind: "missing", locale, key: use.key, where: use.where });
    }
  }
  for (const key of everyKey) {
    if (!uses.some((use) => (use.pattern ? use.pattern.test(key) : use.key === key))) problems.push({ kind: "unused", key });
  }
  return problems;
}

/** The .ts and .tsx files under the given folders of `root` (tests and generated code left out). */
export function readSources(root: string, folders: string[]): { source: string; where: string }[] {
  const files: { source: string; where: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") visit(relative);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        files.push({ source: readFileSync(path.join(root, relative), "utf8"), where: relative });
      }
    }
  };
  for (const folder of folders) visit(folder);
  return files;
}
