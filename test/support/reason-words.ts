import { createTranslator } from "next-intl";
import { readMessages } from "@/lib/i18n/load-messages";
import { matchReasonWords, type MatchReasonTranslator } from "@/app/workbench/_reasons/get-match-reasons";
import { triageReasonWords, type TriageReasonTranslator } from "@/app/workbench/_reasons/use-triage-reasons";

// The words the pages give the matcher's and the triage's reason codes, outside a request: the same
// functions, with a translator of the catalogue made by next-intl.
export const matchReasonsIn = (locale: "en" | "fr") =>
  matchReasonWords(createTranslator({ locale, messages: readMessages(locale), namespace: "matchReasons" }) as unknown as MatchReasonTranslator);
export const triageReasonsIn = (locale: "en" | "fr") =>
  triageReasonWords(createTranslator({ locale, messages: readMessages(locale), namespace: "triageReasons" }) as unknown as TriageReasonTranslator);
