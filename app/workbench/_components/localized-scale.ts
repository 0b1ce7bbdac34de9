import { RATING_SCALE, ratingWords, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { localeOf } from "@/lib/i18n/locales";

/** The rating scale with its names and meanings in the workbench's language (`locale`: getLocale()/useLocale()). */
export function localizedScale(locale: string): readonly RatingInfo[] {
  const language = localeOf(locale);
  return RATING_SCALE.map((entry) => {
    const words = ratingWords(entry.rating, language);
    return { ...entry, label: words.name, meaning: words.meaning };
  });
}

/** One rating's name in the workbench's language ("Plutôt faux"). */
export function ratingName(rating: RatingInfo["rating"], locale: string): string {
  return ratingWords(rating, localeOf(locale)).name;
}
