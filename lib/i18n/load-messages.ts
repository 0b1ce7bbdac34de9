import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

// The message catalogue: one JSON file per namespace and locale, messages/<locale>/<namespace>.json,
// merged into { namespace: messages }. One file per namespace so that people translating different
// areas never edit the same file; adding a namespace is adding its two files, nothing else.

export type Messages = { [key: string]: string | Messages };

export const MESSAGES_DIR = path.join(process.cwd(), "messages");

/** Every namespace of one locale, read from `dir` (the project's messages/ by default). */
export function readMessages(locale: Locale, dir = MESSAGES_DIR): Record<string, Messages> {
  const merged: Record<string, Messages> = {};
  // Read at run time from the project's folder: the build need not trace these calls (next.config.js
  // names messages/ among the files the server needs).
  const folder = path.join(/* turbopackIgnore: true */ dir, locale);
  for (const file of readdirSync(/* turbopackIgnore: true */ folder).sort()) {
    if (!file.endsWith(".json")) continue;
    const filePath = path.join(/* turbopackIgnore: true */ folder, file);
    merged[file.slice(0, -".json".length)] = JSON.parse(readFileSync(/* turbopackIgnore: true */ filePath, "utf8")) as Messages;
  }
  return merged;
}

const loaded = new Map<Locale, Record<string, Messages>>();

/** The catalogue of a locale, read once per process (the files ship with the app and do not change while it runs). */
export function loadMessages(locale: Locale): Record<string, Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = readMessages(locale);
    loaded.set(locale, messages);
  }
  return messages;
}

/** All locales' catalogues, for the completeness check. */
export function readAllMessages(dir = MESSAGES_DIR): Record<Locale, Record<string, Messages>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readMessages(locale, dir)])) as Record<Locale, Record<string, Messages>>;
}
