-- A typo in a typed name (issue 17) reads the few aliases that contain pieces of what was typed,
-- not every alias of the archive: a trigram index (pg_trgm, one of PostgreSQL's contrib modules,
-- trusted since PostgreSQL 13, so a database owner may create it) answers
-- `norm LIKE '%piece%'` for a piece of three letters or more (bot.answer.entity_match).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS entity_aliases_norm_trigrams
ON entity_aliases USING gin (norm gin_trgm_ops);
