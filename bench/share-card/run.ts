// npm run bench:share-card [-- --json] [-- --renders 30]
// The time to draw a fact-check's share card (lib/publishing/render-share-card.tsx) in this process:
// the first card (fonts read, Satori's and resvg's WebAssembly started) and then median and p95 over
// `renders` cards of three claim lengths. Baseline, same run: pngjs writing a blank 1200×630 PNG, the
// cost of the PNG encoding alone.
import { PNG } from "pngjs";
import { renderShareCard, SHARE_CARD_SIZE } from "@/lib/publishing/render-share-card";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { percentile } from "../lib/percentile";

const json = process.argv.includes("--json");
const rendersAt = process.argv.indexOf("--renders");
const renders = rendersAt >= 0 ? Number(process.argv[rendersAt + 1]) : 30;
if (!Number.isInteger(renders) || renders < 1) throw new Error("--renders takes a whole number of at least 1");

const STATEMENTS = [
  "The new bridge opened to traffic in April",
  "Le gouvernement a réduit de moitié le chômage des jeunes en deux ans, selon les chiffres officiels de l'été",
  "The minister said that unemployment among young people had fallen by half in only two years, that the new apprenticeship scheme created 400,000 places, and that the region now leads the country on every measure",
];

async function drawCard(index: number): Promise<number> {
  const started = performance.now();
  const response = await renderShareCard(
    {
      statement: STATEMENTS[index % STATEMENTS.length]!,
      rating: "mostly_false",
      newsroom: "Claimwork Fact Check",
      words: { kicker: "FACT-CHECK", claimedBy: "Claimed by Jean-Éric Dupont", ourRating: "Our rating", ratingName: ratingInfo("mostly_false").label },
    },
    {},
  );
  await response.arrayBuffer();
  return performance.now() - started;
}

function encodeBlank(): number {
  const started = performance.now();
  const png = new PNG(SHARE_CARD_SIZE);
  png.data.fill(250);
  PNG.sync.write(png);
  return performance.now() - started;
}

const first = await drawCard(0);
const times: number[] = [];
for (let index = 0; index < renders; index++) times.push(await drawCard(index));
const baseline: number[] = [];
for (let index = 0; index < renders; index++) baseline.push(encodeBlank());
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: Math.round(percentile(sorted, 0.5)), p95Ms: Math.round(percentile(sorted, 0.95)) };
};
const result = { renders, firstCardMs: Math.round(first), card: summary(times), baselineBlankPng: summary(baseline) };
if (json) console.log(JSON.stringify(result));
else {
  console.log(`share card, first (cold): ${result.firstCardMs} ms`);
  console.log(`share card, ${renders} renders: median ${result.card.medianMs} ms, p95 ${result.card.p95Ms} ms`);
  console.log(`baseline, a blank 1200x630 PNG written by pngjs: median ${result.baselineBlankPng.medianMs} ms, p95 ${result.baselineBlankPng.p95Ms} ms`);
}
