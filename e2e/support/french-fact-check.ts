import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { httpSession, type HttpSession } from "./actions";
import { createUser, db } from "./database";

// A French fact-check published through the actions, as a French newsroom would (issue 16): used by
// the French reader journey and by the axe walk over every page.

export const run = randomBytes(4).toString("hex");
export const ARTICLE = {
  text: `Chômage ${run}.\n\nLe ministre a affirmé que 51,2 % des jeunes diplômés trouvaient un emploi en six mois.\n\nL'Insee donne un autre chiffre.`,
  details: { title: `Le ministre et l'emploi des jeunes ${run}`, outlet: "Le Quotidien", url: `https://example.org/emploi-${run}`, language: "fr", publishedAt: "2024-07-03" },
  quote: "51,2 % des jeunes diplômés trouvaient un emploi en six mois",
};
export const STATEMENT = `51,2 % des jeunes diplômés trouvent un emploi en six mois (${run})`;
export const HEADLINE = `Emploi des jeunes : un chiffre exagéré ${run}`;

async function importArticle(editor: HttpSession): Promise<{ revisionId: string }> {
  const form = new FormData();
  form.set("file", new File([ARTICLE.text], `${run}.txt`, { type: "text/plain" }));
  for (const [key, value] of Object.entries(ARTICLE.details)) form.set(key, value);
  const response = await fetch(`${editor.baseUrl}/api/articles`, { method: "POST", headers: { cookie: editor.cookie, origin: editor.baseUrl }, body: form });
  expect(response.status).toBe(200);
  return (await response.json()) as { revisionId: string };
}

/**
 * Spec files that run in one worker share this module, and so `run` and the article's text: the
 * fact-check is published once per worker and server (a second import of the same text would be
 * refused as a duplicate), and every caller gets its slug.
 */
const published = new Map<string, Promise<string>>();

/** A French claim quoted from a French article, drafted, approved and published as "mostly false". */
export function publishFrenchFactCheck(baseURL: string): Promise<string> {
  let slug = published.get(baseURL);
  if (!slug) published.set(baseURL, (slug = publish(baseURL)));
  return slug;
}

async function publish(baseURL: string): Promise<string> {
  const [editorUser, reviewerUser] = await Promise.all([createUser("editor", "fr-editor"), createUser("reviewer", "fr-reviewer")]);
  const [editor, reviewer] = await Promise.all([httpSession(baseURL, editorUser.email, editorUser.password), httpSession(baseURL, reviewerUser.email, reviewerUser.password)]);
  const { revisionId } = await importArticle(editor);
  const { text } = (await db().query<{ text: string }>(`SELECT text FROM article_revisions WHERE id = $1`, [revisionId])).rows[0]!;
  const start = text.indexOf(ARTICLE.quote);
  const claim = await editor.must<{ id: string }>("createClaimAction", {
    statement: STATEMENT,
    claimant: "Le ministre du Travail",
    claimedAt: "2024-07-02",
    language: "fr",
    passage: { articleRevisionId: revisionId, start, end: start + ARTICLE.quote.length, exact: ARTICLE.quote },
  });
  const draft = await editor.must<{ verdictId: string; version: number }>("saveVerdictDraftAction", {
    claimId: claim.id,
    expectedVersion: null,
    rating: "mostly_false",
    headline: HEADLINE,
    summary: "Le chiffre de l'Insee est plus bas.",
    explanation: "Selon l'Insee, la part est nettement inférieure.",
  });
  const { revisionId: verdictRevisionId } = await editor.must<{ revisionId: string }>("submitVerdictAction", { verdictId: draft.verdictId, expectedVersion: draft.version });
  await reviewer.must("reviewVerdictAction", { verdictId: draft.verdictId, revisionId: verdictRevisionId, decision: "approve" });
  return (await reviewer.must<{ slug: string }>("publishVerdictAction", { verdictId: draft.verdictId, revisionId: verdictRevisionId })).slug;
}

