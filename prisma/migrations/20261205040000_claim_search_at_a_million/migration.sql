-- Claim search at a million claims (ADR 0017). The near matches shown when no claim holds every word
-- of a search are now the claims holding any of its words, found through the full-text GIN index
-- (lib/search/search-claims.ts), no longer pg_trgm's word similarity of the whole query to every
-- statement and claimant: those two trigram indexes served nothing else, cost a GIN scan over most
-- of the table for a long query, and made every claim insert update two more GIN indexes. Typo
-- correction keeps its trigram index over the vocabulary (claimwork_search.words), a table of
-- distinct words rather than of statements.
DROP INDEX IF EXISTS "claims_statement_trgm_idx";
DROP INDEX IF EXISTS "claims_claimant_trgm_idx";
