import { franc } from "franc-min";

// franc-min answers with ISO 639-3 codes for the 82 languages it knows; we store ISO 639-1 (the
// codes used by HTML lang and most newsroom tools). Only languages with an unambiguous two-letter
// code are mapped; anything else (and franc's own "und") becomes "und" rather than a guess.
// franc-min reports some macrolanguages by an individual language (arb for Arabic, cmn for
// Chinese, zlm for Malay, pes for Persian, ...); those map to the macrolanguage's 639-1 code.
const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  eng: "en",
  fra: "fr",
  spa: "es",
  por: "pt",
  deu: "de",
  ita: "it",
  nld: "nl",
  rus: "ru",
  arb: "ar",
  ara: "ar",
  cmn: "zh",
  jpn: "ja",
  kor: "ko",
  pol: "pl",
  ron: "ro",
  tur: "tr",
  ukr: "uk",
  bel: "be",
  bul: "bg",
  kaz: "kk",
  ces: "cs",
  hun: "hu",
  swe: "sv",
  hrv: "hr",
  bos: "bs",
  srp: "sr",
  ell: "el",
  ind: "id",
  zlm: "ms",
  vie: "vi",
  tgl: "tl",
  jav: "jv",
  sun: "su",
  swh: "sw",
  hau: "ha",
  yor: "yo",
  ibo: "ig",
  amh: "am",
  som: "so",
  zul: "zu",
  kin: "rw",
  run: "rn",
  nya: "ny",
  lin: "ln",
  plt: "mg",
  hin: "hi",
  mar: "mr",
  npi: "ne",
  ben: "bn",
  pan: "pa",
  guj: "gu",
  tam: "ta",
  tel: "te",
  kan: "kn",
  mal: "ml",
  sin: "si",
  urd: "ur",
  pes: "fa",
  pbu: "ps",
  uzn: "uz",
  azj: "az",
  mya: "my",
  tha: "th",
};

// franc needs enough text for its trigram statistics to mean anything: below ~50 characters it
// often picks a neighbouring language (Spanish for Portuguese, Indonesian for English names),
// so shorter samples are reported as undetermined.
const MIN_SAMPLE_LENGTH = 50;

export function detectLanguage(text: string): string {
  const code = franc(text, { minLength: MIN_SAMPLE_LENGTH });
  // hasOwn, not a plain lookup, so that no inherited Object property could ever be returned.
  return Object.hasOwn(ISO_639_3_TO_1, code) ? (ISO_639_3_TO_1[code] ?? "und") : "und";
}
