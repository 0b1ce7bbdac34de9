import { readFileSync } from "node:fs";
import path from "node:path";
import { scoreArticleSentences } from "@/lib/triage/find-check-worthy-sentences";

/** One labelled sentence of the set, with the score the triage rules gave it in its article. */
export type LabelledSentence = { text: string; worth: boolean; reason: string; start: number; end: number };
export type LabelledArticle = { id: string; language: "en" | "fr"; kind: string; text: string; sentences: LabelledSentence[]; known: string[] };

const root = path.resolve(import.meta.dirname, "../..");

type SetFile = { language: "en" | "fr"; articles: { id: string; kind: string; sentences: [string, string, string][] }[] };
type SeedFile = { articles: { file: string; language: "en" | "fr"; known: string[]; worth: string[] }[] };

/** The written articles of data/triage/{en,fr}.json: sentences joined with spaces, offsets kept. */
function writtenArticles(language: "en" | "fr"): LabelledArticle[] {
  const file = JSON.parse(readFileSync(path.join(root, "data/triage", `${language}.json`), "utf8")) as SetFile;
  return file.articles.map((article) => {
    let text = "";
    const sentences = article.sentences.map(([label, sentence, reason]) => {
      if (text) text += " ";
      const start = text.length;
      text += sentence;
      return { text: sentence, worth: label === "Y", reason, start, end: text.length };
    });
    return { id: article.id, language, kind: article.kind, text, sentences, known: [] };
  });
}

/** The seed articles, split by the triage's own splitter; a sentence is worth checking when it holds a `worth` quote. */
export function seedArticles(): LabelledArticle[] {
  const file = JSON.parse(readFileSync(path.join(root, "data/triage/seeds.json"), "utf8")) as SeedFile;
  return file.articles.map((seed) => {
    const text = readFileSync(path.join(root, "seeds/articles", seed.file), "utf8");
    const sentences = scoreArticleSentences(text, seed.language).map((sentence) => {
      const quote = seed.worth.find((worth) => sentence.text.includes(worth));
      return { text: sentence.text, worth: Boolean(quote), reason: quote ? "seed label" : "not labelled worth checking", start: sentence.start, end: sentence.end };
    });
    return { id: `seed-${seed.file.slice(0, 3)}`, language: seed.language, kind: "seed article", text, sentences, known: seed.known };
  });
}

export function labelledArticles(): LabelledArticle[] {
  return [...writtenArticles("en"), ...writtenArticles("fr"), ...seedArticles()];
}

/** Each labelled sentence with the best score of the triage sentences that overlap it. */
export function scoreLabelled(article: LabelledArticle): { sentence: LabelledSentence; score: number }[] {
  const scored = scoreArticleSentences(article.text, article.language);
  return article.sentences.map((sentence) => {
    const overlapping = scored.filter((candidate) => candidate.start < sentence.end && candidate.end > sentence.start);
    return { sentence, score: Math.max(-Infinity, ...overlapping.map((candidate) => candidate.score)) };
  });
}

/** Ranks of items by score, best first; ties keep text order. */
export function rankBy<T>(items: T[], score: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
