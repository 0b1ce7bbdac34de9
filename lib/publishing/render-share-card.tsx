import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { Rating } from "@/lib/generated/prisma/enums";
/**
 * What a fact-check's share card shows: all of it read from the published snapshot and revision,
 * its words (labels and the rating's name) in the fact-check's language.
 */
export type ShareCard = {
  statement: string;
  rating: Rating;
  newsroom: string;
  /** claimedBy names the claimant (shortened with shorten(claimant, 60)). */
  words: { kicker: string; claimedBy: string; ourRating: string; ratingName: string };
};

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

// The badge colours of the reader pages (app/globals.css, --rating-*), which CSS cannot share with this.
const RATING_COLOURS: Record<Rating, string> = {
  false: "#b3261e",
  mostly_false: "#b54a14",
  mixed: "#8a6500",
  mostly_true: "#3f7a1f",
  true: "#1b6e3a",
  unproven: "#5f6368",
};

// Fonts shipped in npm packages (@fontsource), read from disk: nothing is fetched while rendering.
// Latin and Latin Extended cover the newsroom's English, French and Spanish claims.
const FONT_FILES = [
  { name: "Noto Serif", weight: 700, file: "@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff" },
  { name: "Noto Serif", weight: 700, file: "@fontsource/noto-serif/files/noto-serif-latin-ext-700-normal.woff" },
  { name: "Noto Sans", weight: 400, file: "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff" },
  { name: "Noto Sans", weight: 700, file: "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff" },
  { name: "Noto Sans", weight: 700, file: "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff" },
] as const;

let fonts: Promise<{ name: string; weight: 400 | 700; style: "normal"; data: Buffer }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    FONT_FILES.map(async ({ name, weight, file }) => ({
      name,
      weight,
      style: "normal" as const,
      data: await readFile(path.join(process.cwd(), "node_modules", file)),
    })),
  );
  return fonts;
}

/** A long claim is cut at a word, so the card never overflows; the page has the whole of it. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}

/** The 1200×630 PNG that link previews show for a fact-check: newsroom, claim, claimant, verdict. */
export async function renderShareCard(card: ShareCard, headers: Record<string, string>): Promise<Response> {
  const statement = shorten(card.statement, 220);
  const claimSize = statement.length > 140 ? 44 : statement.length > 70 ? 54 : 64;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fbfaf7", color: "#1a1a1a", fontFamily: "Noto Sans" }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", padding: "36px 64px", borderBottom: "6px solid #1a1a1a", background: "#ffffff" }}>
          <div style={{ fontFamily: "Noto Serif", fontSize: 40, fontWeight: 700 }}>{shorten(card.newsroom, 40)}</div>
          <div style={{ fontSize: 24, fontWeight: 700, letterSpacing: 4, color: "#0b4f8a" }}>{card.words.kicker}</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center", padding: "0 64px" }}>
          <div style={{ fontFamily: "Noto Serif", fontSize: claimSize, fontWeight: 700, lineHeight: 1.25 }}>{`“${statement}”`}</div>
          <div style={{ fontSize: 30, color: "#4a4a4a", marginTop: 24 }}>{card.words.claimedBy}</div>
        </div>
        <div style={{ display: "flex", alignItems: "center", padding: "0 64px 48px" }}>
          <div style={{ fontSize: 28, color: "#4a4a4a", marginRight: 24 }}>{card.words.ourRating}</div>
          <div style={{ display: "flex", padding: "12px 32px", borderRadius: 999, background: RATING_COLOURS[card.rating], color: "#ffffff", fontSize: 40, fontWeight: 700 }}>
            {card.words.ratingName}
          </div>
        </div>
      </div>
    ),
    { ...SHARE_CARD_SIZE, fonts: await loadFonts(), headers },
  );
}
