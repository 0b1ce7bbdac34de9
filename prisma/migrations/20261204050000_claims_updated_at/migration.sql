-- The claim matcher's in-memory index reads the claims changed since its last look (lib/relations/load-claim-index.ts).
CREATE INDEX "claims_updated_at_idx" ON "claims" ("updated_at");
