import { foldText } from "@/lib/matching/fold-text";
import type { MatchLanguage } from "@/lib/matching/match-language";
import { namesIn, quotations } from "./score-sentence";

/** What the annotator proposes when the editor makes a claim of a sentence; the editor edits both. */
export type ProposedClaim = { statement: string; claimant: string };

const NAME = String.raw`((?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:of the |of |de la |de |du |des |van |von |al-)?\p{Lu}[\p{L}'’.-]*)*)`;
/** Titles before a name, left out of the proposed claimant ("National Security Advisor John Bolton" -> "John Bolton"). */
const TITLES = /^(?:(?:President|Président|Présidente|Prime|Minister|Ministre|Premier|Secretary|Secrétaire|National|Security|Advisor|Adviser|Senator|Sénateur|General|Général|Mr|Mrs|Ms|Dr|M|Mme|Governor|Mayor|Maire|Chancellor|Chancelier)\.?\s+)+(?=\p{Lu})/u;

/** "X said", "said X", "according to X", "selon X", "a déclaré X", "X a affirmé": who is reported. */
const CLAIMANT_PATTERNS: Record<MatchLanguage, RegExp[]> = {
  en: [
    new RegExp(String.raw`[Aa]ccording to (?:the |a )?${NAME}`, "u"),
    new RegExp(String.raw`(?:said|says|told|adds|admitted|recognized|wrote|added|wrote|insisted|replied|answers|replies|confirmed|recognized|claimed)\s+${NAME}`, "u"),
    new RegExp(String.raw`${NAME},?\s+(?:[\p{Ll} ,-]{0,60}\s)?(?:said|says|told|added|adds|wrote|writes|insisted|insists|replied|confirmed|confirms|claimed|claims|announced|denied|denies|accused|argued|stated|tweeted)\b`, "u"),
  ],
  fr: [
    new RegExp(String.raw`(?:[Ss]elon|[Dd][’']après)\s+(?:le |la |l[’']|les |des )?${NAME}`, "u"),
    new RegExp(String.raw`a (?:\p{Ll}+ )?(?:affirmé|déclaré|dit|assuré|indiqué|annoncé|confirmé|écrit|ajouté|lancé|estimé|souligné|ajouté|expliqué|précisé)\s+${NAME}`, "u"),
    new RegExp(String.raw`${NAME},?\s+(?:[\p{Ll}’' ,-]{0,60}\s)?(?:a (?:affirmé|déclaré|dit|assuré|indiqué|annoncé|confirmé|écrit|ajouté|lancé|estimé|souligné)|affirme|affirment|déclare|déclarent|assure|assurent|indique|indiquent|confirme|confirment|souligne|soulignent|estime|estiment|accuse|accusent|dénonce)(?!\p{L})`, "u"),
  ],
};

const ATTRIBUTION_LEAD: Record<MatchLanguage, RegExp> = {
  en: /^(?:according to [^,]+,\s*)|^(?:[^,"“«]{0,80}?\b(?:said|says|insists|insisted|claims|claimed|confirmed|confirms|argued|told [^,]+?) that\s+)/iu,
  fr: /^(?:(?:selon|d[’']après) [^,]+,\s*)|^(?:[^,"“«]{0,80}?\b(?:affirme|affirment|assure|assurent|indique|indiquent|estime|estiment|soulignent|souligne|a (?:affirmé|déclaré|dit|assuré|indiqué|annoncé|confirmé|estimé)) (?:que |qu[’']))/iu,
};

/**
 * The claim a sentence proposes. The claimant is the one the attribution names ("said X", "selon X");
 * a pronoun ("he said") is read as the last name of the sentences before (`context`). The statement
 * is the quotation when there is one long enough to stand alone, else the sentence without its
 * attribution ("According to X, …", "X said that …").
 */
export function proposeClaim(sentence: string, language: MatchLanguage, context = ""): ProposedClaim {
  const named = namesIn(sentence);
  let claimant = "";
  for (const pattern of CLAIMANT_PATTERNS[language]) {
    const match = pattern.exec(sentence);
    // Only a name the sentence really holds (not its capitalised first word): the longest one inside the match.
    const inside = match?.[1] ? named.filter((name) => match[1]!.includes(name) || name.startsWith(match[1]!)).sort((a, b) => b.length - a.length)[0] : undefined;
    if (inside) {
      claimant = inside;
      break;
    }
  }
  // "he said", "added this close adviser": the last person named in the sentences before.
  if (!claimant && /\b(?:he|she|il|elle|added|adds|ajoute|a ajouté)\b/i.test(sentence)) {
    claimant = namesIn(context).filter((name) => name.includes(" ")).at(-1) ?? "";
  }
  claimant = claimant.replace(TITLES, "");

  const quoted = quotations(sentence).filter((quote) => quote.split(/\s+/).length >= 4);
  let statement: string;
  if (quoted.length) {
    statement = quoted.join(" ").replace(/\s+/g, " ");
  } else {
    statement = sentence.replace(ATTRIBUTION_LEAD[language], "");
    statement = statement.charAt(0).toUpperCase() + statement.slice(1);
  }
  statement = statement.replace(/^[,;:\s]+|[,;:\s]+$/g, "");
  if (foldText(statement) === foldText(claimant)) statement = sentence;
  return { statement: statement.slice(0, 500), claimant: claimant.slice(0, 200) };
}
