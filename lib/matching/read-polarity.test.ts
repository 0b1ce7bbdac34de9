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
