import { foldText } from "./fold-text";
import type { MatchLanguage } from "./match-language";

export type Polarity = { negated: boolean; cues: string[] };

const EN_NEGATORS = /\b(not|no|never|without|none|nobody|nothing|neither|nor|cannot)\b|n't\b/g;
/** Standalone French negators ("sans", "aucun", "pas un seul", "jamais" or "ni" alone, "non"); "ne/n'" is read with its partner. */
const FR_NEGATORS = /\b(sans|aucun|aucune|jamais|rien|nullement|ni)\b|(?:^|\s)pas\b|(?:^|\s)non\b(?!-)/g;
/**
 * Words that say an absence or a break themselves ("relations broken", "a rompu", "cut ties"): a
 * statement with one is negative, and one of these negated ("n'a jamais rompu", "have not broken")
 * is positive again.
 */
const LEXICAL_NEGATORS = /\b(lack|lacks|lacking|absence|broken|severed|cut (?:off )?(?:\S+ ){0,2}(?:ties|relations)|manque|rompu|rompue|rompus|rompues)\b/g;
const FR_NE_PARTNERS = new Set(["pas", "jamais", "plus", "rien", "aucun", "aucune", "personne", "guere", "point", "nullement", "ni"]);
/** "No country spends as much as France", "jamais les inegalites n'ont ete aussi fortes": a superlative, not a negation. */
const QUANTIFIER_NEGATORS = new Set(["no", "none", "never", "nobody", "nothing", "aucun", "aucune", "jamais", "rien", "plus"]);
/**
 * Not negations: a record ("du jamais vu", "never seen before", "le plus bas niveau jamais mesure"),
 * nouns made with "sans" ("les sans-abri", "sans emploi"), manners said with "sans" or "without"
 * ("sans contrepartie", "without delay") and set phrases that affirm ("not only", "no fewer than",
 * "non seulement", "pas moins de").
 */
const NOT_NEGATIONS =
  /\b(?:du jamais vu|never seen before|sans precedent|without precedent|plus (?:\S+ ){0,3}jamais (?:mesure|enregistre|observe|atteint|connu|vu)e?s?|sans-abri|sans abri|sans domicile|sans-papiers|sans papiers|sans emploi|sans (?:aucune? )?(?:contreparties?|delai|conditions?|attendre|doute|cesse|relache|exception|surprise|frais|heurts?|encombre)|without (?:any )?(?:delay|exception|doubt|fail|question|conditions?|incident)|no doubt|not only|not least|no (?:more|less|fewer) than|nothing (?:less than|short of|but)|none other than|non seulement|non loin|pas seulement|pas moins (?:de|d'|que|qu'))\b/g;
const COMPARATIVE = /\b(as much|as many|as high|as low|as large|as big|more than|so high|this high|so low|this low|so many|this many|autant|aussi|davantage)\b|\bplus \S+ que\b|\bplus \S+ qu'/;

/**
 * Whether a statement is negated, with the words that say so. French "ne … que" (only) is not a
 * negation; a negated comparison ("no country has more doctors than Cuba") reads as a superlative;
 * a negated break ("n'a jamais rompu") is no negation.
 */
export function readPolarity(statement: string, language: MatchLanguage): Polarity {
  const folded = ` ${foldText(statement).replace(/[^a-z0-9'%\s-]/g, " ")} `.replace(NOT_NEGATIONS, " ");
  const cues: string[] = [];
  if (language === "fr") {
    const words = folded.replace(/\bn'/g, "ne ").split(/\s+/).filter(Boolean);
    for (const [index, word] of words.entries()) {
      if (word !== "ne") continue;
      for (let at = index + 1; at < Math.min(words.length, index + 7); at++) {
        const next = words[at]!;
        if (next === "que" || next.startsWith("qu'")) break;
        // "il ne reste plus que trois usines": only three now, a restriction.
        if (next === "plus" && (words[at + 1] === "que" || words[at + 1]?.startsWith("qu'"))) break;
        if (FR_NE_PARTNERS.has(next)) {
          cues.push(`ne … ${next}`);
          break;
        }
      }
    }
    for (const match of folded.matchAll(FR_NEGATORS)) {
      const cue = match[0].trim();
      if (!cues.some((found) => found.endsWith(cue))) cues.push(cue);
    }
  } else {
    for (const match of folded.matchAll(EN_NEGATORS)) cues.push(match[0]);
  }
  const superlative = cues.length > 0 && cues.every((cue) => QUANTIFIER_NEGATORS.has(cue.replace("ne … ", ""))) && COMPARATIVE.test(folded);
  const syntactic = superlative ? [] : cues;
  const lexical = [...folded.matchAll(LEXICAL_NEGATORS)].map((match) => match[0]);
  return { negated: (syntactic.length > 0) !== (lexical.length > 0), cues: [...syntactic, ...lexical] };
}
