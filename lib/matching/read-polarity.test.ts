import { describe, expect, it } from "vitest";
import { readPolarity } from "./read-polarity";

describe("readPolarity", () => {
  it("finds negations in English", () => {
    expect(readPolarity("The operation took place without my knowledge.", "en")).toEqual({ negated: true, cues: ["without"] });
    expect(readPolarity("We did not raise taxes.", "en")).toEqual({ negated: true, cues: ["not"] });
    expect(readPolarity("We didn't raise taxes.", "en")).toMatchObject({ negated: true });
    expect(readPolarity("I have never received money from Libya.", "en")).toEqual({ negated: true, cues: ["never"] });
    expect(readPolarity("Our party received no funding.", "en")).toEqual({ negated: true, cues: ["no"] });
    expect(readPolarity("The operation took place with my express authorization.", "en")).toEqual({ negated: false, cues: [] });
  });

  it("finds negations in French, ne … pas and the others", () => {
    expect(readPolarity("Nous n'avons pas augmenté les impôts.", "fr")).toEqual({ negated: true, cues: ["ne … pas"] });
    expect(readPolarity("Je n'ai jamais touché un centime.", "fr")).toEqual({ negated: true, cues: ["ne … jamais"] });
    expect(readPolarity("Caracas et Washington n'ont plus de relations.", "fr")).toEqual({ negated: true, cues: ["ne … plus"] });
    expect(readPolarity("Nous n'avons reçu aucun financement.", "fr")).toEqual({ negated: true, cues: ["ne … aucun"] });
    expect(readPolarity("L'opération s'est déroulée sans mon autorisation.", "fr")).toEqual({ negated: true, cues: ["sans"] });
    expect(readPolarity("Pas un seul hélicoptère n'a été livré.", "fr")).toMatchObject({ negated: true });
  });

  it("does not read restrictions, records, superlatives or nouns made with sans as negations", () => {
    expect(readPolarity("Je ne parlerai que de son départ.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Le chômage est au plus bas, du jamais vu depuis quinze ans.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("La banquise a atteint son plus bas niveau jamais mesuré.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Aucun pays africain n'est plus peuplé que le Nigeria.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("No country has as many doctors per inhabitant as Cuba.", "en")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Le nombre de sans-abri a doublé.", "fr")).toEqual({ negated: false, cues: [] });
    // "pas" with a superlative stays a negation.
    expect(readPolarity("La France n'est pas le pays où les impôts sont les plus élevés.", "fr")).toMatchObject({ negated: true });
  });

  it("reads a break said by a word as negative, and a negated break as positive", () => {
    expect(readPolarity("L'Algérie a rompu ses relations diplomatiques avec le Maroc.", "fr")).toEqual({ negated: true, cues: ["rompu"] });
    expect(readPolarity("Algeria has cut diplomatic ties with Morocco.", "en")).toMatchObject({ negated: true });
    expect(readPolarity("L'Algérie n'a jamais rompu ses relations avec le Maroc.", "fr")).toEqual({ negated: false, cues: ["ne … jamais", "rompu"] });
    // Negations in concord stay one negation.
    expect(readPolarity("L'État n'a jamais construit aucun logement.", "fr")).toMatchObject({ negated: true });
  });
});

describe("readPolarity, the harder cases", () => {
  it("reads every negation word of both languages", () => {
    for (const statement of ["None of the money reached the schools.", "Neither France nor Germany signed.", "The mayor won't resign.", "Nobody was hurt.", "Exports cannot grow.", "Nothing was spent on roads."]) {
      expect(readPolarity(statement, "en"), statement).toMatchObject({ negated: true });
    }
    for (const statement of ["Le maire ne démissionnera pas.", "Rien n'a été dépensé pour les routes.", "Il n'y a plus de trains de nuit.", "Aucune école n'a fermé.", "Le texte a été adopté sans le vote du Parlement.", "Les électeurs ont dit non à la réforme.", "Ni la France ni l'Allemagne n'ont signé."]) {
      expect(readPolarity(statement, "fr"), statement).toMatchObject({ negated: true });
    }
  });

  it("does not read set phrases that affirm, or manners said with sans or without, as negations", () => {
    expect(readPolarity("La Tunisie a accueilli sans contrepartie des migrants renvoyés par l'Europe.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("The ministry paid the farmers without delay.", "en")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Not only did exports rise, they doubled.", "en")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("The fund holds no less than 1.5 trillion dollars.", "en")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Le fonds détient pas moins de 1 500 milliards de dollars.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("La mesure profite non seulement aux retraités mais aussi aux étudiants.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Un accord de non-agression a été signé.", "fr")).toEqual({ negated: false, cues: [] });
    // "ne … plus que": only, now; a restriction.
    expect(readPolarity("Il ne reste plus que trois usines de paracétamol en Europe.", "fr")).toEqual({ negated: false, cues: [] });
    expect(readPolarity("Unemployment has never been this low.", "en")).toEqual({ negated: false, cues: [] });
  });
});
