import type { MatchLanguage } from "./match-language";

/**
 * Whether a statement speaks of what will happen or of what happened: "will no longer receive jets"
 * and "has not received a single jet" are two claims, even from one speaker. Null when neither is
 * said plainly (the present, a conditional, a noun phrase): such a statement conflicts with neither.
 */
export type Tense = "future" | "past" | null;

const EN_FUTURE = /\b(?:will|won't|shall|going to)\b|'ll\b/i;
/** Auxiliaries of the past and the -ed forms of verbs (capitalised words are names: "United"). */
const EN_PAST = /\b(?:has|have|had|was|were|did|hasn't|haven't|hadn't|wasn't|weren't|didn't)\b|\b[a-z]{3,}ed\b/;
/** French futures ("sera", "recevra", "produiront") and the near future ("va produire"); a few nouns end alike. */
const FR_FUTURE = /(?:^|[\s'’])(?:[a-zàâçéèêëîïôûù]{2,}(?:ra|ront)|va [a-zàâçéèêëîïôûù]+(?:er|ir|re)|vont [a-zàâçéèêëîïôûù]+(?:er|ir|re))(?=[\s,.;:!?»"”)]|$)/;
const FR_FUTURE_LOOKALIKES = /(?:^|[\s'’])(?:camera|caméra|opera|opéra|choléra|extra|ultra|contra|tiara|mantra|cobra|zèbre|algèbre|agora|mascara|flora|terra|tantra|sierra|angora)(?=[\s,.;:!?]|$)/g;
/** The passé composé and the past auxiliaries ("a reçu", "n'ont pas", "avait"); "à" is a preposition. */
const FR_PAST = /(?:^|[\s'’])(?:a|ont|avait|avaient|avons|ai|eut|fut|furent|était|étaient)\s/;

export function readTense(statement: string, language: MatchLanguage): Tense {
  if (language === "fr") {
    const text = statement.replace(FR_FUTURE_LOOKALIKES, " ");
    if (FR_FUTURE.test(text)) return "future";
    return FR_PAST.test(text) ? "past" : null;
  }
  if (EN_FUTURE.test(statement)) return "future";
  return EN_PAST.test(statement) ? "past" : null;
}
