// `npm run bench:annotator-page [-- --characters N --passages N --runs N --json]`: the annotator page
// in Chromium with a large article (default 200,000 characters and 2,000 passages). Targets: every
// passage highlighted within 1 s of navigation, and a mouse selection's actions shown within 100 ms
// of the button's release (medians). Baseline, same run: the same text without passages.
import { findChromium } from "../../scripts/lib/find-chromium";
import { measureAnnotatorPage } from "./measure-annotator-page";

const json = process.argv.includes("--json");
const log = (line: string) => (json ? console.error(line) : console.log(line));
const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
};

// The whole benchmark is the page in a browser: without one it says so and measures nothing.
if (!findChromium()) {
  const reason = "skipped: no Chromium on this machine (install Debian's chromium, or set CHROMIUM_PATH)";
  console.log(json ? JSON.stringify({ skipped: reason }) : `bench:annotator-page ${reason}`);
  process.exit(0);
}

const size = { characters: flag("characters", 200_000), passages: flag("passages", 2_000), runs: flag("runs", 5) };
const figures = await measureAnnotatorPage(size, log, json);
const targets = [
  { description: "every passage highlighted within 1 s of navigation (median)", met: figures.medianMs < 1000 },
  { description: "a mouse selection's actions shown within 100 ms of the release (median)", met: figures.selectionMedianMs < 100 },
];
if (json) {
  console.log(JSON.stringify({ ...figures, targets }, null, 2));
} else {
  console.log(`Annotator page, ${figures.characters} characters, ${figures.passages} passages (${figures.build})`);
  console.log(`navigation -> all passages highlighted: median ${figures.medianMs} ms, max ${figures.maxMs} ms over ${figures.runsMs.length} loads (${figures.runsMs.join(", ")})`);
  console.log(`baseline, the same text without passages: navigation -> text shown, median ${figures.baselineMedianMs} ms (${figures.baselineRunsMs.join(", ")}); ratio ${(figures.medianMs / Math.max(1, figures.baselineMedianMs)).toFixed(2)}`);
  const describe = (breakdown: typeof figures.breakdown) =>
    `first byte ${breakdown.firstByteMs} ms, last byte ${breakdown.lastByteMs} ms, DOMContentLoaded ${breakdown.domContentLoadedMs} ms, HTML ${Math.round(breakdown.htmlBytes / 1024)} KiB`;
  console.log(`  where the time goes, with passages: ${describe(figures.breakdown)}`);
  console.log(`  where the time goes, baseline:      ${describe(figures.baselineBreakdown)}`);
  console.log(`mouse selection released -> "Create claim from selection" shown: median ${figures.selectionMedianMs} ms, max ${figures.selectionMaxMs} ms (${figures.selectionMs.join(", ")})`);
  for (const target of targets) console.log(`${target.met ? "MET    " : "NOT MET"}  ${target.description}`);
}
process.exit(0);
