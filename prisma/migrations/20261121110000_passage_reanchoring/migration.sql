-- Re-anchoring: a new article revision gets its own passage rows, each linked to the passage it
-- came from. An orphaned passage has no place in the new text, so no offsets.

ALTER TABLE "passages" ALTER COLUMN "start" DROP NOT NULL;
ALTER TABLE "passages" ALTER COLUMN "end" DROP NOT NULL;
ALTER TABLE "passages" DROP CONSTRAINT "passages_offsets_valid";
ALTER TABLE "passages" ADD CONSTRAINT "passages_offsets_valid" CHECK (
  ("status" = 'orphaned' AND "start" IS NULL AND "end" IS NULL)
  OR ("start" IS NOT NULL AND "end" IS NOT NULL AND "start" >= 0 AND "end" > "start")
);

ALTER TABLE "passages" ADD COLUMN "previous_passage_id" UUID;
ALTER TABLE "passages" ADD CONSTRAINT "passages_previous_passage_id_fkey" FOREIGN KEY ("previous_passage_id") REFERENCES "passages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "passages_previous_passage_id_key" ON "passages"("previous_passage_id");

-- A passage the editor drops stops justifying the relations it was cited for.
ALTER TABLE "relation_passages" DROP CONSTRAINT "relation_passages_passage_id_fkey";
ALTER TABLE "relation_passages" ADD CONSTRAINT "relation_passages_passage_id_fkey" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A passage must point into a revision of its own article.
CREATE UNIQUE INDEX "article_revisions_id_article_id_key" ON "article_revisions"("id", "article_id");
ALTER TABLE "passages" ADD CONSTRAINT "passages_revision_of_article_fkey" FOREIGN KEY ("article_revision_id", "article_id") REFERENCES "article_revisions"("id", "article_id") ON DELETE RESTRICT ON UPDATE CASCADE;
