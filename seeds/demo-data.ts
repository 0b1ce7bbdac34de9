// The demo corpus built on the five seed articles: who is who, which claims appear where, how they
// relate, and one verdict that goes through review to publication. Quotes are copied from the
// articles exactly; the seed refuses to run if one is missing or appears twice.

export const DEMO_USERS = [
  { key: "editor", email: "editor@claimwork.example", name: "Elena Ortiz", role: "editor" },
  { key: "reviewer", email: "reviewer@claimwork.example", name: "Rafael Moreau", role: "reviewer" },
  { key: "admin", email: "admin@claimwork.example", name: "Amira Haddad", role: "admin" },
] as const;

export type SeedArticleFile = "000_c033d92b353168c1.txt" | "001_9e078828507d5f2d.txt" | "002_9e7363cd7f7dbcf0.txt" | "003_e03130a15d5924a5.txt" | "004_ba259b4d1716a856.txt";

export const SEED_ARTICLE_FILES: readonly SeedArticleFile[] = [
  "000_c033d92b353168c1.txt",
  "001_9e078828507d5f2d.txt",
  "002_9e7363cd7f7dbcf0.txt",
  "003_e03130a15d5924a5.txt",
  "004_ba259b4d1716a856.txt",
];

export type DemoClaim = {
  key: string;
  statement: string;
  claimant: string;
  claimantSameAs?: string;
  claimedAt?: string;
  language: string;
  tags: string[];
  passages: { file: SeedArticleFile; quote: string }[];
};

export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    key: "maduro-authorisation",
    statement: "The contacts with US officials had his express authorisation",
    claimant: "Nicolás Maduro",
    claimantSameAs: "https://www.wikidata.org/wiki/Q57413",
    language: "en",
    tags: ["venezuela", "us-relations", "2019"],
    passages: [
      { file: "000_c033d92b353168c1.txt", quote: 'he insists that they received his "express authorization"' },
      { file: "001_9e078828507d5f2d.txt", quote: "these meetings are held expressly with his presidential authorization" },
    ],
  },
  {
    key: "bolton-departure",
    statement: "Those who contact the US behind Maduro's back only talk about his departure",
    claimant: "John Bolton",
    claimantSameAs: "https://www.wikidata.org/wiki/Q311440",
    language: "en",
    tags: ["venezuela", "us-relations", "2019"],
    passages: [
      { file: "000_c033d92b353168c1.txt", quote: '"Those who contact us on the back of Maduro are only talking about his departure and free elections,"' },
      { file: "001_9e078828507d5f2d.txt", quote: "only talk about the departure of Nicolas Maduro and free elections" },
    ],
  },
  {
    key: "trump-high-level",
    statement: "The United States is talking to Venezuelan representatives at a very high level",
    claimant: "Donald Trump",
    claimantSameAs: "https://www.wikidata.org/wiki/Q22686",
    language: "en",
    tags: ["venezuela", "us-relations", "2019"],
    passages: [{ file: "000_c033d92b353168c1.txt", quote: '"I do not mean who, but we speak at a very high level,"' }],
  },
  {
    key: "no-diplomatic-relations",
    statement: "Venezuela and the United States have had no diplomatic relations since 2019",
    claimant: "AFP and French-language press",
    language: "en",
    tags: ["venezuela", "diplomacy"],
    passages: [
      {
        file: "000_c033d92b353168c1.txt",
        quote: "Nicolas Maduro's Venezuela broke off diplomatic relations with the United States",
      },
      {
        file: "002_9e7363cd7f7dbcf0.txt",
        quote: "Le Venezuela et les États-Unis n’entretiennent plus de relations diplomatiques depuis 2019",
      },
    ],
  },
  {
    key: "trump-direct-dialogue",
    statement: "Donald Trump souhaite engager un dialogue direct avec Nicolás Maduro",
    claimant: "Axios",
    language: "fr",
    tags: ["venezuela", "2025"],
    passages: [
      {
        file: "003_e03130a15d5924a5.txt",
        quote: "Le président Donald Trump a indiqué à ses conseillers qu’il souhaitait engager un dialogue direct avec le dirigeant vénézuélien Nicolás Maduro",
      },
    ],
  },
  {
    key: "pompeo-russians-leave",
    statement: "Les Russes doivent partir du Venezuela",
    claimant: "Mike Pompeo",
    language: "fr",
    tags: ["venezuela", "russie", "2019"],
    passages: [{ file: "004_ba259b4d1716a856.txt", quote: "Les Russes doivent partir" }],
  },
];

export const DEMO_RELATIONS = [
  {
    type: "contradicts",
    from: "maduro-authorisation",
    to: "bolton-departure",
    rationale:
      "Maduro says the contacts happen with his authorisation; Bolton says the people talking to Washington do so behind his back, about his departure.",
  },
  {
    type: "supports",
    from: "trump-high-level",
    to: "maduro-authorisation",
    rationale: "Trump confirms that contacts at a high level took place, which Maduro's statement presupposes.",
  },
] as const;

/** The demo verdict: drafted by the editor, sent back once by the reviewer, then approved and published. */
export const DEMO_VERDICT = {
  claim: "maduro-authorisation",
  firstDraft: {
    rating: "mixed",
    headline: "Contacts took place; Maduro's claim of authorisation is disputed",
    summary: "Both governments confirm contacts in May 2019. Washington says they were about Maduro's exit.",
    explanation: "Donald Trump and Nicolás Maduro both confirmed contacts between officials.",
  },
  changesRequested:
    "Cite both articles and Bolton's tweet, and say plainly which part of the claim is supported and which is not.",
  revised: {
    rating: "mixed",
    headline: "Contacts took place; Maduro's claim of authorisation is disputed",
    summary:
      "Both governments confirmed contacts between their officials in May 2019, but Washington says the people it talks to act behind Maduro's back and discuss only his departure. No public evidence shows the contacts had Maduro's authorisation.",
    explanation:
      "Supported: Donald Trump said the United States was talking to Venezuelan representatives \"at a very high level\" (AFP, 2019), and Maduro confirmed months of contacts on state radio and television.\n\nNot supported: Maduro's statement that the contacts had his \"express authorization\" is contradicted by National Security Adviser John Bolton, who wrote that \"those who contact us on the back of Maduro are only talking about his departure and free elections\". Neither side published evidence of who authorised the talks.\n\nSources: AFP dispatch from Washington (2019); English-language report on the secret talks (2019); John Bolton's statement on Twitter as quoted in both.",
  },
} as const;
