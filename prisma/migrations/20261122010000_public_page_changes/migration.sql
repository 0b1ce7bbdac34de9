-- Reader pages changed by committed writes, for the reader cache in front of Next (scripts/serve/).
-- A row is written in the transaction of the change, so it exists exactly when the change commits;
-- the cache polls recent rows (LISTEN/NOTIFY does not cross connections of the embedded PGlite) and
-- prunes old ones. Derived data: losing it only costs a cache flush.
CREATE TABLE public_page_changes (
  id bigserial PRIMARY KEY,
  paths text[] NOT NULL CHECK (cardinality(paths) > 0),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX public_page_changes_created_at_idx ON public_page_changes (created_at);
