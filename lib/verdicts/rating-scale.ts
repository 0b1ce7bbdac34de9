import type { Rating } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";

// The one documented rating scale (DESIGN.md section 2), shown on /methodology and in ClaimReview,
// with its names and meanings in each of the app's languages (ADR 0018): the reader pages, the
// ClaimReview alternateName and the API all name a rating from here.
export type RatingInfo = { rating: Rating; label: string; value: number | null; meaning: string };
type RatingWords = { name: string; meaning: string };

const SCALE: readonly { rating: Rating; value: number | null; words: Record<Locale, RatingWords> }[] = [
  {
    rating: "false",
    value: 1,
    words: {
      en: { name: "False", meaning: "The claim is wrong: the evidence contradicts it." },
      fr: { name: "Faux", meaning: "L’affirmation est fausse : les faits la contredisent." },
    },
  },
  {
    rating: "mostly_false",
    value: 2,
    words: {
      en: { name: "Mostly false", meaning: "An element of truth, but the claim misleads on what matters." },
      fr: { name: "Plutôt faux", meaning: "Une part de vérité, mais l’affirmation trompe sur l’essentiel." },
    },
  },
  {
    rating: "mixed",
    value: 3,
    words: {
      en: { name: "Mixed", meaning: "Parts are accurate and parts are not, in about equal measure." },
      fr: { name: "Mitigé", meaning: "Une partie est exacte et une partie ne l’est pas, à peu près à parts égales." },
    },
  },
  {
    rating: "mostly_true",
    value: 4,
    words: {
      en: { name: "Mostly true", meaning: "Accurate in substance, with a detail missing or wrong." },
      fr: { name: "Plutôt vrai", meaning: "Exact sur le fond, avec un détail manquant ou erroné." },
    },
  },
  {
    rating: "true",
    value: 5,
    words: {
      en: { name: "True", meaning: "The claim is accurate and nothing significant is missing." },
      fr: { name: "Vrai", meaning: "L’affirmation est exacte et rien d’important ne manque." },
    },
  },
  {
    rating: "unproven",
    value: null,
    words: {
      en: { name: "Unproven", meaning: "The available evidence neither confirms nor refutes it." },
      fr: { name: "Invérifiable", meaning: "Les éléments disponibles ne permettent ni de la confirmer ni de la réfuter." },
    },
  },
];

/** The scale in English: label and meaning as the workbench and the API have always shown them. */
export const RATING_SCALE: readonly RatingInfo[] = SCALE.map(({ rating, value, words }) => ({ rating, value, label: words.en.name, meaning: words.en.meaning }));

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function ratingInfo(rating: Rating): RatingInfo {
  const info = RATING_SCALE.find((entry) => entry.rating === rating);
  if (!info) throw new Error(`unknown rating ${rating}`);
  return info;
}

/** A rating's name and meaning in one of the app's languages ("Plutôt faux"). */
export function ratingWords(rating: Rating, locale: Locale): RatingWords {
  const entry = SCALE.find((candidate) => candidate.rating === rating);
  if (!entry) throw new Error(`unknown rating ${rating}`);
  return entry.words[locale];
}
