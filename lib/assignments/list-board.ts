import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { decodeTimeCursor, encodeTimeCursor } from "@/lib/time-cursor";
import { languageCode, parseInput } from "@/lib/validation";

/** The board's columns, in the order work moves: no verdict yet, then each verdict status. */
export const BOARD_COLUMNS = ["none", "draft", "in_review", "changes_requested", "approved", "published"] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export const listBoardSchema = z.object({
  /** A person's id: claims they edit or verdicts they review. */
  assigneeId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  language: languageCode.optional(),
  articleId: z.uuid().optional(),
  /** One column only, paged: "<activity ISO>_<claim id>" of the last card seen. */
  column: z.enum(BOARD_COLUMNS).optional(),
  cursor: z.string().max(100).optional(),
});

export type BoardCard = {
  claimId: string;
  statement: string;
  language: string;
  tags: string[];
  editorName: string | null;
  reviewerName: string | null;
  activityAt: Date;
};
export type Board = { columns: { column: BoardColumn; total: number; cards: BoardCard[] }[]; nextCursor: string | null };

const CARDS_PER_COLUMN = 20;
const CARDS_PER_PAGE = 50;

type Row = { claim_id: string; statement: string; language: string; tags: string[]; editor_name: string | null; reviewer_name: string | null; activity_at: Date; column: BoardColumn; total: bigint };

/**
 * Claims by verdict status, most recently active first: the first cards of every column with each
 * column's total, or one column page by page. Filters: assignee, tag, language, article.
 */
export async function listBoard(actor: Actor, rawInput: z.input<typeof listBoardSchema>): Promise<Board> {
  requirePermission(actor, "claims.read");
  const input = parseInput(listBoardSchema, rawInput);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const filters = [
    input.assigneeId ? Prisma.sql`AND (ca.assignee_id = ${input.assigneeId}::uuid OR va.assignee_id = ${input.assigneeId}::uuid)` : Prisma.empty,
    input.tag ? Prisma.sql`AND ${input.tag} = ANY(c.tags)` : Prisma.empty,
    input.language ? Prisma.sql`AND c.language = ${input.language}` : Prisma.empty,
    input.articleId ? Prisma.sql`AND EXISTS (SELECT 1 FROM passages p WHERE p.claim_id = c.id AND p.article_id = ${input.articleId}::uuid)` : Prisma.empty,
  ];
  const limit = input.column ? CARDS_PER_PAGE + 1 : CARDS_PER_COLUMN;
  const rows = await getDb().$queryRaw<Row[]>`
    WITH card AS (
      SELECT c.id AS claim_id, c.statement, c.language, c.tags,
             COALESCE(v.status::text, 'none') AS "column",
             GREATEST(c.updated_at, COALESCE(v.updated_at, c.updated_at)) AS activity_at,
             editor.name AS editor_name, reviewer.name AS reviewer_name
        FROM claims c
        LEFT JOIN verdicts v ON v.claim_id = c.id
        LEFT JOIN claim_assignments ca ON ca.claim_id = c.id
        LEFT JOIN users editor ON editor.id = ca.assignee_id
        LEFT JOIN verdict_assignments va ON va.verdict_id = v.id
        LEFT JOIN users reviewer ON reviewer.id = va.assignee_id
       WHERE TRUE ${Prisma.join(filters, " ")}
    ), ranked AS (
      SELECT card.*, count(*) OVER (PARTITION BY "column") AS total,
             row_number() OVER (PARTITION BY "column" ORDER BY activity_at DESC, claim_id DESC) AS position
        FROM card
       WHERE ${input.column ? Prisma.sql`"column" = ${input.column}` : Prisma.sql`TRUE`}
    )
    SELECT * FROM ranked
     WHERE ${after ? Prisma.sql`(activity_at, claim_id) < (${after.at}::timestamptz, ${after.id}::uuid)` : Prisma.sql`TRUE`}
       AND ${input.column ? Prisma.sql`TRUE` : Prisma.sql`position <= ${limit}`}
     ORDER BY "column", activity_at DESC, claim_id DESC
     ${input.column ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`;
  const shown = input.column ? rows.slice(0, CARDS_PER_PAGE) : rows;
  const last = shown.at(-1);
  return {
    columns: (input.column ? [input.column] : BOARD_COLUMNS).map((column) => {
      const cards = shown.filter((row) => row.column === column);
      return {
        column,
        total: Number(cards[0]?.total ?? 0),
        cards: cards.map((row) => ({
          claimId: row.claim_id,
          statement: row.statement,
          language: row.language,
          tags: row.tags,
          editorName: row.editor_name,
          reviewerName: row.reviewer_name,
          activityAt: row.activity_at,
        })),
      };
    }),
    nextCursor: input.column && rows.length > CARDS_PER_PAGE && last ? encodeTimeCursor(last.activity_at, last.claim_id) : null,
  };
}
