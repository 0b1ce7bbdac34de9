import { dateInput } from "../validation";
import { detectLanguage } from "./detect-language";

const publicationDate = dateInput("the publication date");

// Reads title, outlet, dateline, publication time and language from normalised article text (see
// normalize-article-text.ts). Plain-text articles carry this metadata only as loose lines that
// copy-paste and scrapers leave behind, so every rule below looks for one specific, recognisable
// line shape and otherwise reports nothing: a missing field is better than a wrong one that a
// fact-checker then has to notice and correct.
//
// Line shapes recognised (each line is trimmed first):
// - share-button lines: a bullet followed by at most three short words ("• Tweeter",
//   "• republish"), or a bare share word ("Partager"). Always skipped.
// - timestamp lines: "2024-07-04 18:03:53", "2024-07-04T18:03Z", "2024-07-04 18:03 +02:00",
//   "2024-07-04". Read as UTC unless a zone is given. Skipped as text; only one among the first
//   three lines sets the publication time.
// - datelines, as the first text line or right after a headline: "Washington (AFP)", "PARIS (Reuters) - The ...",
//   "Rio de Janeiro, 3 mai (AFP) –". The part in brackets must be a known news agency, so that
//   "Nicolas Maduro (in Caracas ...)" is not taken for one. Gives dateline (as written) and outlet;
//   an inline dateline is cut off the paragraph it starts.
// - outlet datelines, in the same places: a whole line "Caracas Daily, 2 July 2024", "Le Monde,
//   3 juillet 2024", "Le Monde, 1er juillet 2024", "The Daily Example, July 2, 2024": capitalised
//   name words (particles allowed after the first), a comma, then a day, an English or French
//   month name (or its usual abbreviation) and a four-digit year, in either order, and nothing
//   after the year ("Nicolas Maduro, 3 July 2024, said ..." is prose). Gives the publication day;
//   it gives the outlet only when the name reads as a newspaper's: it starts with an article
//   ("The", "Le", "La", "El", ...) or holds a word newspapers are named with ("Daily", "Times",
//   "Monde", ...). A line "Nicolas Maduro, 3 July 2024" or a byline "Ana Pérez, July 2, 2024" has
//   the same shape, so a name such as theirs gives the date only, never an outlet; a line starting
//   "By" or "Par" is a byline and gives nothing. Skipped as text.
// - among the last three lines: a copyright line "© 2019 AFP" (outlet, and the year) and a Unix
//   time line "1720111917" (seconds, only between 2000 and 2100 so stray numbers are ignored).
// - photo credits "JIM WATSON, FEDERICO PARRA / AFP": capitals, a slash, a known agency at the end
//   of the line. A credit names who took the photo, not who wrote the text, so it only fills the
//   outlet when nothing else does. Skipped as text.
//
// Precedence:
// - publishedAt: Unix time, then the leading timestamp, then the outlet dateline's day (midnight
//   UTC), then 1 January (UTC) of the copyright year.
//   Unix time wins because it is unambiguous about the zone, while a bare "2024-07-04 18:03:53"
//   may well be local time that we can only assume is UTC.
// - outlet: outlet dateline (the publication names itself above the text), then copyright holder
//   (who published it), then dateline agency (who wrote it), then photo credit.
// - title: the first text line if it looks like a headline: not a bullet, at most 200 characters,
//   not ending with . , ; or :, and not continued by a line starting in lower case (hard-wrapped
//   prose). Otherwise the first sentence of the first paragraph, shortened at a word boundary to
//   at most 120 characters with an ellipsis.

export type ArticleMetadata = {
  title: string;
  outlet: string | null;
  dateline: string | null;
  publishedAt: Date | null;
  language: string;
};

// Lower-cased spelling -> the name we store. Agencies only: these are what datelines and photo
// credits name, and a closed list keeps "(in Caracas ...)" or "(USA)" from being read as an outlet.
const KNOWN_AGENCIES: ReadonlyMap<string, string> = new Map([
  ["afp", "AFP"],
  ["agence france-presse", "AFP"],
  ["agence france presse", "AFP"],
  ["ap", "AP"],
  ["associated press", "AP"],
  ["reuters", "Reuters"],
  ["bloomberg", "Bloomberg"],
  ["dpa", "dpa"],
  ["efe", "EFE"],
  ["ansa", "ANSA"],
  ["xinhua", "Xinhua"],
  ["kyodo", "Kyodo"],
  ["jiji", "Jiji"],
  ["yonhap", "Yonhap"],
  ["upi", "UPI"],
  ["tass", "TASS"],
  ["interfax", "Interfax"],
  ["ria novosti", "RIA Novosti"],
  ["anadolu", "Anadolu"],
  ["belga", "Belga"],
  ["anp", "ANP"],
  ["ats", "ATS"],
  ["apa", "APA"],
  ["europa press", "Europa Press"],
  ["lusa", "Lusa"],
  ["pap", "PAP"],
  ["aap", "AAP"],
  ["pti", "PTI"],
  ["ians", "IANS"],
  ["notimex", "Notimex"],
  ["prensa latina", "Prensa Latina"],
]);

const SHARE_WORDS = new Set([
  "share",
  "partager",
  "tweet",
  "tweeter",
  "republish",
  "republier",
  "facebook",
  "twitter",
  "linkedin",
  "whatsapp",
  "email",
  "e-mail",
  "print",
  "imprimer",
  "copy link",
  "copier le lien",
]);

// Bullets that open list items; a short bulleted line at the top of a page is a share button.
const BULLET = /^(?:[•·▪◦●►]|[-*+]\s)/u;
const MAX_HEADLINE_LENGTH = 200;
const MAX_DERIVED_TITLE_LENGTH = 120;
const HEADER_LINES = 3;
const FOOTER_LINES = 3;

// Unix time accepted from a trailing line: 2000-01-01T00:00:00Z up to (not including) 2100.
const MIN_UNIX_SECONDS = 946_684_800;
const MAX_UNIX_SECONDS = 4_102_444_800;

const TIMESTAMP_LINE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const UNIX_TIME_LINE = /^\d{9,10}$/;
const COPYRIGHT_LINE = /^(?:(?:copyright|©|\(c\))\s*)+(\d{4})[\s,]+(.+)$/iu;
const ALL_RIGHTS_RESERVED = /[\s.,;-]*(?:all rights reserved|tous droits réservés|todos los derechos reservados)\.?$/iu;
// Place: a capitalised word and up to four more ("Rio de Janeiro", "NEW YORK", "St. Louis");
// optionally ", <date>"; then "(Agency)", an optional dash or colon, and the rest of the paragraph.
// Words after the first must be capitalised or a particle, so that a sentence such as "The
// spokesman told the agency (AFP) that ..." is not read as a dateline; the optional part after a
// comma must contain a digit (a date), so "Last Sunday, the news agency (AP) ..." is not one either.
const PLACE_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PLACE_PARTICLE = "de|da|do|dos|das|del|della|di|du|des|la|le|les|el|am|an|im|on|upon|sur|en|y";
const DATELINE = new RegExp(
  String.raw`^(${PLACE_WORD}(?: (?:${PLACE_WORD}|${PLACE_PARTICLE})){0,4})(?:,\s*(?=[^()]{0,25}\d)[\p{L}\p{N} .]{1,25}?)?\s*\(([^()]{2,30})\)\s*(?:[-–—:]\s*)?(.*)$`,
  "u",
);
// "NAME, NAME / AFP" at the end of a line; the capitals before the slash are the photographer.
const PHOTO_CREDIT = /\p{Lu}{2,}[\p{Lu}\p{M}\s,.'’-]*\s\/\s?([\p{L} -]{2,30})$/u;

type Dateline = { place: string; agency: string; rest: string };

// Month names and abbreviations, English and French, lower-cased and without a final full stop.
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan", "janvier", "janv"],
    ["february", "feb", "février", "fevrier", "févr", "fevr", "fév"],
    ["march", "mar", "mars"],
    ["april", "apr", "avril", "avr"],
    ["may", "mai"],
    ["june", "jun", "juin"],
    ["july", "jul", "juillet", "juil"],
    ["august", "aug", "août", "aout"],
    ["september", "sep", "sept", "septembre"],
    ["october", "oct", "octobre"],
    ["november", "nov", "novembre"],
    ["december", "dec", "décembre", "decembre", "déc"],
  ].flatMap((names, month) => names.map((name) => [name, month + 1] as const)),
);
const DAY_MONTH_YEAR = /^(\d{1,2})(?:er)?\s+(\p{L}+)\.?\s+(\d{4})$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;
const OUTLET_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.&-]*`;
const OUTLET_PARTICLE = "de|du|des|la|le|les|el|of|the|and|&|y|di|da|do";
const OUTLET_DATELINE = new RegExp(String.raw`^(${OUTLET_WORD}(?: (?:${OUTLET_WORD}|${OUTLET_PARTICLE})){0,5}),\s*(.{6,25})$`, "u");
const BYLINE_WORDS = new Set(["by", "par", "updated", "published", "posted", "publié", "publiée", "modifié"]);
// What makes a name read as a newspaper's rather than a person's (see the outlet datelines above).
const ARTICLE_WORDS = new Set(["the", "le", "la", "les", "el", "il", "lo", "der", "die", "das"]);
const NEWSPAPER_WORDS = new Set([
  ...["daily", "times", "post", "news", "journal", "herald", "tribune", "gazette", "courier", "express", "telegraph"],
  ...["guardian", "observer", "chronicle", "review", "mail", "star", "sun", "today", "weekly", "magazine", "press"],
  ...["monde", "figaro", "libération", "presse", "parisien", "soir", "matin", "echos", "dépêche", "temps", "croix"],
  ...["nacional", "país", "mundo", "universal", "radio", "tv", "télévision", "info"],
]);

type OutletDateline = { outlet: string | null; day: Date };

/** "2 July 2024", "1er juillet 2024", "July 2, 2024" -> that day at midnight UTC; null for anything else. */
function parseWrittenDate(text: string): Date | null {
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  const monthFirst = dayFirst ? null : MONTH_DAY_YEAR.exec(text);
  const [day, monthName, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : [monthFirst?.[2], monthFirst?.[1], monthFirst?.[3]];
  const month = MONTHS.get((monthName ?? "").toLowerCase());
  if (day === undefined || year === undefined || month === undefined) return null;
  const date = new Date(Date.UTC(Number(year), month - 1, Number(day)));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== Number(day)) return null;
  return publicationDate.safeParse(date).success ? date : null;
}

function parseOutletDateline(line: string): OutletDateline | null {
  const match = OUTLET_DATELINE.exec(line);
  if (!match) return null;
  const [, name = "", written = ""] = match;
  const words = name.toLowerCase().split(" ");
  if (BYLINE_WORDS.has(words[0] ?? "")) return null;
  const day = parseWrittenDate(written.trim());
  if (!day) return null;
  const newspaper = ARTICLE_WORDS.has(words[0] ?? "") || words.some((word) => NEWSPAPER_WORDS.has(word));
  return { outlet: newspaper ? name : null, day };
}

function canonicalAgency(name: string): string | null {
  return KNOWN_AGENCIES.get(name.trim().toLowerCase()) ?? null;
}

function isShareButtonLine(line: string): boolean {
  if (SHARE_WORDS.has(line.toLowerCase())) return true;
  if (!/^[•·▪◦●►]/u.test(line)) return false;
  const label = line.slice(1).trim();
  return label.length <= 30 && label.split(/\s+/u).length <= 3;
}

/** A timestamp line as described above ("2024-07-04T18:03:53+02:00"), or null. Also reads HTML's ISO 8601 times. */
export function parseTimestamp(line: string): Date | null {
  const match = TIMESTAMP_LINE.exec(line);
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "0", zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 1900 || year >= 2100 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-31 over into March; refuse such dates instead.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  const offset = zoneOffsetMinutes(zone);
  return offset === null ? null : new Date(local - offset * 60_000);
}

// Minutes east of UTC; null for an offset no real zone has (beyond ±14:00).
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return null;
  const [, sign, hours = "0", minutes = "0"] = match;
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) > 59 || total > 14 * 60) return null;
  return (sign === "-" ? -1 : 1) * total;
}

function parseUnixTimeLine(line: string): Date | null {
  if (!UNIX_TIME_LINE.test(line)) return null;
  const seconds = Number(line);
  if (seconds < MIN_UNIX_SECONDS || seconds >= MAX_UNIX_SECONDS) return null;
  return new Date(seconds * 1000);
}

function parseCopyrightLine(line: string): { year: number; holder: string | null } | null {
  if (line.length > 200) return null;
  const match = COPYRIGHT_LINE.exec(line);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year >= 2100) return null;
  const holder = (match[2] ?? "").replace(ALL_RIGHTS_RESERVED, "").replace(/[\s.,;]+$/u, "");
  const usable = holder.length > 0 && holder.length <= 60 && /\p{L}/u.test(holder);
  return { year, holder: usable ? (canonicalAgency(holder) ?? holder) : null };
}

function parseDateline(line: string): Dateline | null {
  const match = DATELINE.exec(line);
  if (!match) return null;
  const [, place = "", agencyText = "", rest = ""] = match;
  const agency = canonicalAgency(agencyText);
  if (!agency || place.length > 40) return null;
  return { place, agency, rest: rest.trim() };
}

function parsePhotoCredit(line: string): string | null {
  if (line.length > 300) return null;
  const match = PHOTO_CREDIT.exec(line);
  return match?.[1] ? canonicalAgency(match[1]) : null;
}

function isHeadline(line: string, nextLine: string | undefined): boolean {
  if (BULLET.test(line) || line.length > MAX_HEADLINE_LENGTH || !/\p{L}/u.test(line)) return false;
  if (/[.,;:]$/.test(line)) return false;
  // A next line in the same paragraph starting in lower case means this is hard-wrapped prose.
  return !(nextLine !== undefined && /^\p{Ll}/u.test(nextLine));
}

// Words that end in a full stop without ending the sentence (titles, initials are handled apart).
const ABBREVIATIONS = new Set([
  ...["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "gov", "sen", "rep", "vs", "no"],
  ...["mme", "mlle", "mgr", "me", "n°"],
]);
const SENTENCE_END = /[.!?…]+(?:\s?[»”"'’)\]])*(?=\s|$)/gu;
// A title is at most 120 characters, so a longer sentence only needs its beginning; the cap keeps
// the regular expressions below linear on a pathological multi-megabyte paragraph.
const MAX_SENTENCE_SCAN = 2000;

function firstSentence(fullParagraph: string): string {
  const paragraph = fullParagraph.slice(0, MAX_SENTENCE_SCAN);
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    const after = paragraph.slice(end).trimStart();
    if (after !== "" && /^\p{Ll}/u.test(after)) continue;
    if (match[0] === ".") {
      const word = /(\S+)$/u.exec(paragraph.slice(Math.max(0, match.index - 40), match.index))?.[1] ?? "";
      // "M." (Monsieur), "J." (an initial), "U.S." and "Dr." do not end a sentence.
      if (/^\p{Lu}$/u.test(word) || word.includes(".") || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    return paragraph.slice(0, end);
  }
  return paragraph;
}

function shortenTitle(sentence: string): string {
  const text = sentence.replace(/(?<!\.)\.$/u, "").trim();
  const codePoints = Array.from(text);
  if (codePoints.length <= MAX_DERIVED_TITLE_LENGTH) return text;
  // Leave room for the ellipsis; cut at the last space unless that loses more than half.
  const head = codePoints.slice(0, MAX_DERIVED_TITLE_LENGTH - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  const cut = lastSpace > head.length / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:–—-]+$/u, "")}…`;
}

function stripMarkdownHeading(line: string): string {
  return line.replace(/^#{1,6}\s+/u, "").replace(/\s+#+$/u, "").trim();
}

export function extractArticleMetadata(text: string): ArticleMetadata {
  const lines = text.split("\n").map((line) => line.trim());
  const nonBlank = lines.map((line, index) => ({ line, index })).filter(({ line }) => line !== "");

  // Lines that carry metadata (or nothing) rather than prose, by index into `lines`.
  const skipped = new Set<number>();
  // Text that replaces a line whose inline dateline was cut off.
  const replaced = new Map<number, string>();

  let photoCreditOutlet: string | null = null;
  for (const { line, index } of nonBlank) {
    if (isShareButtonLine(line) || parseTimestamp(line)) skipped.add(index);
    const credit = parsePhotoCredit(line);
    if (credit) {
      skipped.add(index);
      photoCreditOutlet ??= credit;
    }
  }

  let header = nonBlank.filter(({ index }) => !skipped.has(index));
  // An outlet dateline opens the text, or follows directly after a headline; it is not prose.
  const [first, second] = header;
  const outletLine = [first, first && isHeadline(first.line, undefined) ? second : undefined].find(
    (candidate) => candidate !== undefined && parseOutletDateline(candidate.line) !== null,
  );
  const outletDateline = outletLine ? parseOutletDateline(outletLine.line) : null;
  if (outletLine) {
    skipped.add(outletLine.index);
    header = header.filter(({ index }) => index !== outletLine.index);
  }
  let leadingTimestamp: Date | null = null;
  for (const { line } of nonBlank.slice(0, HEADER_LINES)) {
    leadingTimestamp ??= parseTimestamp(line);
  }

  // A dateline opens the text, or follows directly after a headline.
  const [firstHeader, secondHeader] = header;
  let dateline: Dateline | null = null;
  let datelineIndex = -1;
  if (firstHeader) {
    dateline = parseDateline(firstHeader.line);
    datelineIndex = firstHeader.index;
    if (!dateline && secondHeader && isHeadline(firstHeader.line, undefined)) {
      dateline = parseDateline(secondHeader.line);
      datelineIndex = secondHeader.index;
    }
  }
  if (dateline?.rest === "") skipped.add(datelineIndex);
  else if (dateline) replaced.set(datelineIndex, dateline.rest);

  let unixTime: Date | null = null;
  let copyright: { year: number; holder: string | null } | null = null;
  for (const { line, index } of nonBlank.slice(-FOOTER_LINES)) {
    const time = parseUnixTimeLine(line);
    const notice = parseCopyrightLine(line);
    if (time) {
      unixTime ??= time;
      skipped.add(index);
    }
    if (notice) {
      copyright ??= notice;
      skipped.add(index);
    }
  }

  // Paragraphs of prose: runs of kept lines (as indexes into `lines`), broken by blank or skipped lines.
  const paragraphs: number[][] = [];
  let current: number[] = [];
  lines.forEach((line, index) => {
    if (line === "" || skipped.has(index)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
      return;
    }
    current.push(index);
  });
  if (current.length > 0) paragraphs.push(current);
  const paragraphTexts = paragraphs.map((indexes) => indexes.map((index) => replaced.get(index) ?? lines[index] ?? ""));

  const copyrightDate = copyright ? new Date(Date.UTC(copyright.year, 0, 1)) : null;
  const prose = paragraphTexts.map((paragraph) => paragraph.join("\n")).join("\n\n");
  // The rest of an inline dateline ("PARIS (Reuters) - The ...") is the lead, never a headline.
  const firstIndex = paragraphs[0]?.[0];
  const mayBeHeadline = firstIndex !== undefined && !replaced.has(firstIndex);

  return {
    title: findTitle(paragraphTexts, mayBeHeadline, text),
    outlet: outletDateline?.outlet ?? copyright?.holder ?? dateline?.agency ?? photoCreditOutlet,
    dateline: dateline?.place ?? null,
    publishedAt: unixTime ?? leadingTimestamp ?? outletDateline?.day ?? copyrightDate,
    language: detectLanguage(prose),
  };
}

function findTitle(paragraphs: readonly (readonly string[])[], mayBeHeadline: boolean, text: string): string {
  const first = paragraphs[0];
  const firstLine = first?.[0];
  if (mayBeHeadline && firstLine !== undefined && isHeadline(firstLine, first?.[1])) {
    const title = stripMarkdownHeading(firstLine);
    if (title !== "") return title;
  }
  // First real paragraph: one that is not a bulleted list item.
  const paragraph = paragraphs.map((lines) => lines.filter((line) => !BULLET.test(line))).find((lines) => lines.length > 0);
  if (paragraph) return shortenTitle(firstSentence(paragraph.join(" ")));
  // Nothing but metadata lines: fall back to the first line, whatever it is.
  const fallback = text.split("\n").find((line) => line.trim() !== "") ?? "";
  return shortenTitle(fallback.trim());
}
