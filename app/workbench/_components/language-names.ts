/**
 * The name of a language claims are written in (ISO 639-1 code), in the workbench's own language,
 * for filters and labels; "und" (the language could not be told) gets the words given.
 */
export function languageNamer(locale: string, undetermined: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
  return (code) => {
    if (code === "und") return undetermined;
    const name = names.of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code.toUpperCase();
  };
}
