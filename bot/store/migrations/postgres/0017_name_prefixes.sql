-- Chat autocomplete (issue 17) reads the names that start with what was typed as a range of this
-- index, in byte order as SQLite compares (its index on norm, migration 0013, serves there):
-- the database's own collation may order "o'" and "o " otherwise, and cannot bound a prefix.
CREATE INDEX entity_aliases_norm_bytes ON entity_aliases (norm COLLATE "C", entity_id);
