-- When the outlet last changed the article, as its page says (article:modified_time, schema.org
-- dateModified) or an editor enters it; unrelated to updated_at, which is when our row last changed.
ALTER TABLE "articles" ADD COLUMN "source_updated_at" TIMESTAMPTZ(3);
