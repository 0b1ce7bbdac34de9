import slugify from "@sindresorhus/slugify";

const MAX_SLUG_LENGTH = 80;

/** A readable, URL-safe slug from a claim statement ("Maduro: les contacts…" -> "maduro-les-contacts…"). */
export function makeSlug(text: string): string {
  const full = slugify(text, { decamelize: false });
  if (full.length <= MAX_SLUG_LENGTH) return full || "fact-check";
  const cut = full.slice(0, MAX_SLUG_LENGTH);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}
