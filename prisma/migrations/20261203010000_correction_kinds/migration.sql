-- A republished fact-check tells readers whether it corrects an error or updates the page with new
-- information, and, when a changed source led to it, the date the source was updated.
CREATE TYPE "CorrectionKind" AS ENUM ('correction', 'update');
ALTER TABLE "corrections" ADD COLUMN "kind" "CorrectionKind" NOT NULL DEFAULT 'correction';
ALTER TABLE "corrections" ADD COLUMN "source_updated_at" TIMESTAMPTZ(3);
