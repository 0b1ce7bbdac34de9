/** The names of the languages claims are written in, for filters and labels (ISO 639-1 codes). */
export const LANGUAGE_NAMES: Record<string, string> = { en: "English", fr: "French", es: "Spanish", de: "German", und: "Undetermined" };

export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code.toUpperCase();
