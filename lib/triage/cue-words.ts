import type { MatchLanguage } from "@/lib/matching/match-language";
import type { TriageCode } from "./score-sentence";

/**
 * The words the triage rules look for, per language, as patterns over the sentence folded to lower
 * case without accents (lib/matching/fold-text.ts): "a declare" matches "a déclaré". Each entry is
 * [pattern, the reason's code]; the editor reads the reason in the catalogue's words (triageReasons).
 */
export type Cue = [RegExp, TriageCode];
export type CueTable = Record<MatchLanguage, Cue[]>;

const w = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, "u");

/** Someone is reported as saying it: the sentence carries a claim someone can be held to. */
export const ATTRIBUTION: CueTable = {
  en: [
    [w("said|says|told|tells|stated|claimed|insisted|insists|confirmed|confirms|announced|announces|added|wrote|writes|tweeted|declared|argued|asserted|denied|denies|accused|acknowledged|admitted|recognized|recognised|replied|replies|answered|explained|maintained|reported|testified|alleged"), "attributed"],
    [w("according to|as reported by|in a statement|in a tweet|in an interview|on twitter"), "attributed"],
  ],
  fr: [
    [w("selon|d'apres|aux dires de|de source"), "attributed"],
    [w("a (?:\\p{L}+ )?(?:affirme|declare|dit|assure|indique|annonce|confirme|ecrit|ajoute|reconnu|souligne|explique|precise|repondu|denonce|accuse|admis|nie|martele|rappele|estime|lance|insiste|qualifie|fait savoir)"), "attributed"],
    [w("affirme|affirment|declare|declarent|assure|assurent|indique|indiquent|annonce|confirme|confirment|souligne|soulignent|explique|precise|ajoutant|ajoute|estime|nie|accuse|denonce|rapporte|rapportent|rapportee|rapporte par|cite|cites|citee|citees|a-t-il (?:dit|ajoute|affirme|declare|assure)|a-t-elle (?:dit|ajoute|affirme|declare|assure)|dit-il|dit-elle"), "attributed"],
  ],
};

/** "X insists that …", "affirme que …": a proposition reported as someone's assertion. */
export const REPORTED_CLAIM: CueTable = {
  en: [[w("(?:said|says|insists|insisted|claims|claimed|confirms|confirmed|argues|argued|maintains|maintained|denies|denied|admits|admitted|told [^,.]{1,40}?|stated|wrote|added|acknowledged|alleges|alleged) that"), "reportedClaim"]],
  fr: [[w("(?:affirme|affirment|assure|assurent|indique|indiquent|estime|soutient|confirme|nie|reconnait|a (?:affirme|declare|dit|assure|indique|annonce|confirme|estime|reconnu|ecrit|ajoute|soutenu|nie)) (?:que|qu')"), "reportedClaim"]],
};

/** More, less, the most, a record: a comparison can be measured. */
export const COMPARISON: CueTable = {
  en: [
    [w("more than|less than|fewer than|at least|at most|nearly|almost|up to|as many as|as much as|compared (?:with|to)|than"), "comparison"],
    [w("most|least|biggest|largest|smallest|highest|lowest|fastest|slowest|best|worst|record|all-time|first|only|never before|unprecedented|longest|shortest|richest|poorest|oldest|youngest"), "superlative"],
    [w("doubled|tripled|halved|rose|risen|rising|fell|fallen|dropped|increased|decreased|declined|grew|grown|shrank|surged|soared|plunged|jumped|cut by|up by|down by"), "change"],
  ],
  fr: [
    [w("plus de|moins de|au moins|au plus|pres de|presque|jusqu'a|davantage|par rapport a|compare a|que jamais|plus (?:\\p{L}+) que|moins (?:\\p{L}+) que"), "comparison"],
    [w("le plus|la plus|les plus|plus (?:bas|basse|haut|haute|eleve|elevee|faible|fort|forte|grand|grande|petit|petite|important|importante)|le moins|la moins|record|premier|premiere|seul|seule|seuls|sans precedent|jamais vu|inedit|inedite|meilleur|pire"), "superlative"],
    [w("double|triple|hausse|baisse|augmente|augmentation|diminue|diminution|recul|recule|progresse|progression|chute|bondi|grimpe|plonge|s'est envole"), "change"],
  ],
};

/** This caused that: a causal claim can be checked against evidence. */
export const CAUSAL: CueTable = {
  en: [[w("because(?: of)?|due to|caused|causes|led to|leads to|resulted in|as a result|result of|thanks to|blamed on|responsible for|linked to|drove|driven by|triggered"), "causal"]],
  fr: [[w("parce que|a cause de|en raison de|en raison du|en raison des|grace a|a provoque|provoque|a entraine|entraine|a conduit a|conduit a|cause|causee|du fait de|responsable de|lie a|liee a|a declenche|consequence de"), "causal"]],
};

/** Said in the first person singular: the writer's own story or view. */
export const FIRST_PERSON: CueTable = {
  en: [[w("i|i'm|i've|i'd|me|my|mine|myself"), "personal"]],
  fr: [
    [w("je|moi|mon|ma|mes|me"), "personal"],
    [/(?<!\p{L})[jm]'\p{L}/u, "personal"],
  ],
};

/** A view, a wish or advice rather than a fact. */
export const OPINION: CueTable = {
  en: [
    [w("i think|i believe|i feel|in my view|in my opinion|we should|should|ought to|must|needs to|need to|it is time|let us|let's|hopefully|sadly|fortunately|unfortunately|shameful|disgraceful|wonderful|terrible|absurd|ridiculous|outrageous|beautiful|deserve|deserves"), "opinion"],
  ],
  fr: [
    [w("je pense|je crois|a mon avis|selon moi|il faut|il faudrait|doit|doivent|nous devons|il est temps|esperons|malheureusement|heureusement|honteux|honteuse|scandaleux|scandaleuse|formidable|absurde|ridicule|magnifique|merite|meritent"), "opinion"],
  ],
};

/** What will or may happen: not checkable today. */
export const PREDICTION: CueTable = {
  en: [
    [w("will|won't|would|could|may|might|shall|going to|is expected to|are expected to|expects|forecast|forecasts|predict|predicts|predicted|expect|expected|likely to|plans to|aims to|is set to|are set to|next year|next week|next month|in the coming|soon"), "prediction"],
  ],
  fr: [
    [w("sera|seront|serait|seraient|aura|auront|aurait|auraient|fera|feront|ira|iront|pourra|pourront|pourrait|pourraient|devra|devront|va|vont|prevoit|prevoient|s'attend|s'attendent|devrait|devraient|l'an prochain|l'annee prochaine|la semaine prochaine|bientot|a l'avenir|\\p{L}{3,}(?:era|eront|erait|eraient|ira|iront|irait|iraient|dra|dront|drait|draient)"), "prediction"],
  ],
};

/** Doubt in the writer's own words. */
export const HEDGE: CueTable = {
  en: [[w("maybe|perhaps|possibly|probably|it seems|apparently|allegedly|rumour|rumor"), "hedged"]],
  fr: [[w("peut-etre|sans doute|probablement|il semble|semble-t-il|apparemment|rumeur|aurait ete|auraient ete"), "hedged"]],
};
