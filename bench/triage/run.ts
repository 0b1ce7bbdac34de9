// npm run bench:triage [-- --json]
//
// Check-worthiness triage (issue 14, item 5): the labelled set of data/triage/ (written English and
// French articles, each sentence marked worth checking or not, and the five seed articles) is scored
// by the rules of lib/triage/. Printed per article: precision@10 (of the ten best-scored sentences,
// how many are worth checking). Overall and per language: precision and recall of the candidates the
// annotator shows (score >= CANDIDATE_SCORE) and mean precision@10. Two baselines in the same run:
// "has a figure" (a sentence with a digit is a candidate; ranked by figure first, then length) and
// "longest" (ranked by length; the longer half of each article are candidates). Then where the seed
// articles' known claims rank.
import { CANDIDATE_SCORE } from "@/lib/triage/find-check-worthy-sentences";
import { labelledArticles, rankBy, scoreLabelled, type LabelledArticle, type LabelledSentence } from "./labelled-set";

const json = process.argv.includes("--json");
const TOP = 10;

type Method = { name: string; rank: (article: LabelledArticle) => LabelledSentence[]; picks: (article: LabelledArticle) => Set<LabelledSentence> };

const words = (sentence: LabelledSentence) => sentence.text.split(/\s+/).length;
const hasFigure = (sentence: LabelledSentence) => /\d/.test(sentence.text);

const methods: Method[] = [
  {
    name: "triage rules",
    rank: (article) => rankBy(scoreLabelled(article), (entry) => entry.score).map((entry) => entry.sentence),
    picks: (article) => new Set(scoreLabelled(article).filter((entry) => entry.score >= CANDIDATE_SCORE).map((entry) => entry.sentence)),
  },
  {
    name: "baseline: has a figure",
    rank: (article) => rankBy(article.sentences, (sentence) => (hasFigure(sentence) ? 1000 : 0) + words(sentence)),
    picks: (article) => new Set(article.sentences.filter(hasFigure)),
  },
  {
    name: "baseline: longest",
    rank: (article) => rankBy(article.sentences, words),
    picks: (article) => new Set(rankBy(article.sentences, words).slice(0, Math.ceil(article.sentences.length / 2))),
  },
];

type Counts = { truePositives: number; picked: number; worth: number; precisionsAt10: number[] };
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
const mean = (values: number[]) => ratio(values.reduce((sum, value) => sum + value, 0), values.length);

const articles = labelledArticles();
const perArticle: { id: string; language: string; sentences: number; worth: number; ceiling: number; precisionAt10: Record<string, number> }[] = [];
const totals = new Map<string, Map<string, Counts>>();

for (const article of articles) {
  const worthCount = article.sentences.filter((s) => s.worth).length;
  // The best p@10 any ranking could reach: fewer than ten sentences of an article may be worth checking.
  const ceiling = ratio(Math.min(TOP, worthCount), Math.min(TOP, article.sentences.length));
  const row = { id: article.id, language: article.language, sentences: article.sentences.length, worth: worthCount, ceiling, precisionAt10: {} as Record<string, number> };
  for (const method of methods) {
    const top = method.rank(article).slice(0, TOP);
    const precisionAt10 = ratio(top.filter((sentence) => sentence.worth).length, Math.min(TOP, article.sentences.length));
    row.precisionAt10[method.name] = precisionAt10;
    const picks = method.picks(article);
    for (const scope of ["all", article.language]) {
      const byMethod = totals.get(scope) ?? new Map<string, Counts>();
      totals.set(scope, byMethod);
      const counts = byMethod.get(method.name) ?? { truePositives: 0, picked: 0, worth: 0, precisionsAt10: [] };
      byMethod.set(method.name, counts);
      counts.picked += picks.size;
      counts.truePositives += [...picks].filter((sentence) => sentence.worth).length;
      counts.worth += article.sentences.filter((sentence) => sentence.worth).length;
      counts.precisionsAt10.push(precisionAt10);
    }
  }
  perArticle.push(row);
}

const overall = [...totals].map(([scope, byMethod]) => ({
  scope,
  bestMeanPrecisionAt10: mean(perArticle.filter((row) => scope === "all" || row.language === scope).map((row) => row.ceiling)),
  methods: [...byMethod].map(([name, counts]) => ({
    name,
    precision: ratio(counts.truePositives, counts.picked),
    recall: ratio(counts.truePositives, counts.worth),
    meanPrecisionAt10: mean(counts.precisionsAt10),
    candidates: counts.picked,
    worth: counts.worth,
  })),
}));

const known = articles.flatMap((article) => {
  const ranked = rankBy(scoreLabelled(article), (entry) => entry.score);
  return article.known.map((quote) => {
    const rank = ranked.findIndex((entry) => entry.sentence.text.includes(quote)) + 1;
    return { article: article.id, quote, rank, score: ranked[rank - 1]?.score ?? null };
  });
});

const sentenceCount = (language: string) => articles.filter((a) => a.language === language).reduce((sum, a) => sum + a.sentences.length, 0);
const result = { candidateScore: CANDIDATE_SCORE, sentences: { en: sentenceCount("en"), fr: sentenceCount("fr") }, perArticle, overall, known };

if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`Check-worthiness triage: ${result.sentences.en} English and ${result.sentences.fr} French labelled sentences, ${articles.length} articles; candidates score >= ${CANDIDATE_SCORE}\n`);
  const names = methods.map((method) => method.name);
  console.log(["article".padEnd(26), "lang", "sent", "worth", "best p@10", ...names.map((name) => `p@10 ${name}`.padEnd(name.length + 5))].join("  "));
  for (const row of perArticle) {
    console.log([row.id.padEnd(26), row.language.padEnd(4), String(row.sentences).padStart(4), String(row.worth).padStart(5), row.ceiling.toFixed(2).padStart(9), ...names.map((name) => row.precisionAt10[name]!.toFixed(2).padEnd(name.length + 5))].join("  "));
  }
  console.log("");
  console.log(["scope".padEnd(6), "method".padEnd(24), "precision", "recall", "mean p@10", "candidates", "worth"].join("  "));
  for (const { scope, methods: rows, bestMeanPrecisionAt10 } of overall) {
    console.log(`${scope.padEnd(6)}  ${"(best possible)".padEnd(24)}  ${"".padStart(9)}  ${"".padStart(6)}  ${bestMeanPrecisionAt10.toFixed(3).padStart(9)}`);
    for (const row of rows) {
      console.log([scope.padEnd(6), row.name.padEnd(24), row.precision.toFixed(3).padStart(9), row.recall.toFixed(3).padStart(6), row.meanPrecisionAt10.toFixed(3).padStart(9), String(row.candidates).padStart(10), String(row.worth).padStart(5)].join("  "));
    }
  }
  console.log("\nSeed claims (rank among their article's sentences, best first):");
  for (const entry of known) console.log(`  ${entry.article}  #${entry.rank}  score ${entry.score}  ${entry.quote}`);
}
