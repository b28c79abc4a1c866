-- The entity matcher answers a surname typed alone (`who is Lavrov`) from an index before it has
-- loaded every alias (issue 17: its first load grows with the archive): the last word of each
-- longer alias, as `EntityMatcher` keys persons by surname, with the entity id for the lowest.
CREATE INDEX entity_aliases_surname
ON entity_aliases ((regexp_replace(norm, '^.* ', '')), entity_id)
WHERE strpos(norm, ' ') > 0;
-- A typed name's normalised form, the lowest entity id first (replaces the index on norm alone).
CREATE INDEX entity_aliases_norm_entity ON entity_aliases(norm, entity_id);
DROP INDEX entity_aliases_norm;
