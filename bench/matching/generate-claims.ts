// 100,000 claims (or --count) for the matching benchmark, the same for the same seed: short EN and FR
// statements about the pair set's subjects (the same countries, bodies, figures and claimants), so
// that every query has many lookalikes sharing a speaker, a number, a year or a subject.
import { createPrng } from "../anchoring/create-prng";

type Topic = { en: string; fr: string; unit: "percent" | "money" | "count" };
const TOPICS: Topic[] = [
  { en: "unemployment", fr: "le chômage", unit: "percent" },
  { en: "inflation", fr: "l'inflation", unit: "percent" },
  { en: "growth", fr: "la croissance", unit: "percent" },
  { en: "the public debt", fr: "la dette publique", unit: "money" },
  { en: "the deficit", fr: "le déficit", unit: "money" },
  { en: "military spending", fr: "les dépenses militaires", unit: "money" },
  { en: "health spending", fr: "les dépenses de santé", unit: "money" },
  { en: "oil exports", fr: "les exportations de pétrole", unit: "money" },
  { en: "gas imports", fr: "les importations de gaz", unit: "money" },
  { en: "the minimum wage", fr: "le salaire minimum", unit: "percent" },
  { en: "rents", fr: "les loyers", unit: "percent" },
  { en: "electricity prices", fr: "le prix de l'électricité", unit: "percent" },
  { en: "the number of refugees", fr: "le nombre de réfugiés", unit: "count" },
  { en: "the number of police officers", fr: "le nombre de policiers", unit: "count" },
  { en: "the number of teachers", fr: "le nombre d'enseignants", unit: "count" },
  { en: "the prison population", fr: "la population carcérale", unit: "count" },
  { en: "road deaths", fr: "les morts sur la route", unit: "count" },
  { en: "violent crime", fr: "les violences", unit: "percent" },
  { en: "greenhouse gas emissions", fr: "les émissions de gaz à effet de serre", unit: "percent" },
  { en: "forest cover", fr: "la surface forestière", unit: "percent" },
  { en: "child poverty", fr: "la pauvreté des enfants", unit: "percent" },
  { en: "hospital waiting lists", fr: "les listes d'attente à l'hôpital", unit: "count" },
  { en: "the number of migrants", fr: "le nombre de migrants", unit: "count" },
  { en: "tax revenue", fr: "les recettes fiscales", unit: "money" },
  { en: "social housing construction", fr: "la construction de logements sociaux", unit: "count" },
  { en: "nuclear power output", fr: "la production nucléaire", unit: "percent" },
  { en: "renewable electricity", fr: "l'électricité renouvelable", unit: "percent" },
  { en: "youth unemployment", fr: "le chômage des jeunes", unit: "percent" },
  { en: "pension spending", fr: "les dépenses de retraite", unit: "money" },
  { en: "aid to Ukraine", fr: "l'aide à l'Ukraine", unit: "money" },
];
const PLACES = [
  ["France", "la France"], ["Germany", "l'Allemagne"], ["Spain", "l'Espagne"], ["Italy", "l'Italie"], ["Venezuela", "le Venezuela"],
  ["Brazil", "le Brésil"], ["Canada", "le Canada"], ["the United States", "les États-Unis"], ["the United Kingdom", "le Royaume-Uni"],
  ["Belgium", "la Belgique"], ["Senegal", "le Sénégal"], ["Morocco", "le Maroc"], ["Algeria", "l'Algérie"], ["Mali", "le Mali"],
  ["Japan", "le Japon"], ["China", "la Chine"], ["Russia", "la Russie"], ["Ukraine", "l'Ukraine"], ["Poland", "la Pologne"],
  ["Greece", "la Grèce"], ["Argentina", "l'Argentine"], ["Mexico", "le Mexique"], ["Nigeria", "le Nigeria"], ["Tunisia", "la Tunisie"],
  ["Lebanon", "le Liban"], ["Haiti", "Haïti"], ["Ivory Coast", "la Côte d'Ivoire"], ["Norway", "la Norvège"], ["Hungary", "la Hongrie"],
  ["the European Union", "l'Union européenne"], ["Paris", "Paris"], ["Marseille", "Marseille"], ["Quebec", "le Québec"],
] as const;
const FIRST = ["Anne", "Bruno", "Marine", "Jean", "Olivier", "Sophie", "Pedro", "Maria", "Ahmed", "Fatou", "Luc", "Elena", "Pierre", "Nadia", "Karim", "Clara", "Marc", "Julia", "Hugo", "Amina"];
const LAST = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Garcia", "Diallo", "Haddad", "Rossi", "Novak", "Silva", "Kowalski", "Petit", "Roux", "Fournier", "Mercier", "Blanc", "Guerin", "Faure", "Andre"];

/** Claimants of the generated claims; `sharedClaimants` (the pair set's) speak in one claim out of ten. */
export function* generateClaims(count: number, sharedClaimants: readonly string[], seed = 20261204): Generator<{ statement: string; claimant: string; language: "en" | "fr" }> {
  const random = createPrng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const percent = () => (random() < 0.5 ? String(Math.floor(random() * 60) + 1) : (random() * 40).toFixed(1));
  const whole = () => [5, 10, 12, 25, 40, 100, 150, 700, 800, 900][Math.floor(random() * 10)]! * (random() < 0.5 ? 1 : 1000);
  for (let i = 0; i < count; i++) {
    const language = random() < 0.5 ? "en" : "fr";
    const topic = pick(TOPICS);
    const [placeEn, placeFr] = pick(PLACES);
    const year = 1995 + Math.floor(random() * 31);
    const rising = random() < 0.5;
    const negated = random() < 0.1;
    const claimant = random() < 0.1 ? pick(sharedClaimants) : `${pick(FIRST)} ${pick(LAST)}`;
    let statement: string;
    if (language === "en") {
      const figure =
        topic.unit === "percent" ? `${percent()}%` : topic.unit === "money" ? `${whole()} billion ${pick(["euros", "dollars"])}` : `${whole().toLocaleString("en")}`;
      const verb = negated ? (rising ? "did not rise" : "did not fall") : rising ? pick(["rose", "increased", "climbed"]) : pick(["fell", "dropped", "declined"]);
      statement = pick([
        `In ${placeEn}, ${topic.en} ${verb} to ${figure} in ${year}.`,
        `${cap(topic.en)} in ${placeEn} ${verb} by ${figure} since ${year}.`,
        `Since ${year}, ${topic.en} has ${rising ? "reached" : "fallen to"} ${figure} in ${placeEn}.`,
        `${cap(placeEn)} has the ${rising ? "highest" : "lowest"} ${topic.en} in Europe, at ${figure}.`,
      ]);
    } else {
      const figure =
        topic.unit === "percent" ? `${percent().replace(".", ",")} %` : topic.unit === "money" ? `${whole()} milliards ${pick(["d'euros", "de dollars"])}` : `${whole().toLocaleString("fr").replace(/\u202f/g, " ")}`;
      const verb = negated ? (rising ? "n'a pas augmenté" : "n'a pas baissé") : rising ? pick(["a augmenté", "a progressé", "a grimpé"]) : pick(["a baissé", "a reculé", "a chuté"]);
      statement = pick([
        `En ${year}, ${topic.fr} ${verb} à ${figure} pour ${placeFr}.`,
        `Depuis ${year}, ${topic.fr} ${verb} de ${figure} dans ${placeFr}.`,
        `${cap(topic.fr)} ${verb} jusqu'à ${figure} en ${year}, selon les chiffres de ${placeFr}.`,
        `${cap(placeFr)} affiche ${rising ? "le niveau le plus élevé" : "le niveau le plus bas"} d'Europe pour ${topic.fr} : ${figure}.`,
      ]);
    }
    yield { statement, claimant, language };
  }
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
