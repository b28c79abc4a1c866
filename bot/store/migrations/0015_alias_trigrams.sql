-- A typo in a typed name (issue 17) reads the few aliases that contain pieces of what was typed,
-- not every alias of the archive: FTS5's trigram tokenizer indexes each alias's normalised form,
-- so a phrase of three letters or more finds the aliases that contain it (bot.answer.entity_match).
-- External content: the index's rows are entity_aliases' own, rowid for rowid (as the matcher's
-- change mark already reads them); the triggers keep it in step with every insert, delete (an
-- entity's cascade too) and update; 'rebuild' fills it from the aliases already stored, and
-- 'optimize' merges what that wrote into one segment (a typo's reads took 2-4x longer without).
CREATE VIRTUAL TABLE entity_aliases_trigrams USING fts5(
    norm, content='entity_aliases', content_rowid='rowid', tokenize='trigram'
);
INSERT INTO entity_aliases_trigrams(entity_aliases_trigrams) VALUES ('rebuild');
INSERT INTO entity_aliases_trigrams(entity_aliases_trigrams) VALUES ('optimize');
CREATE TRIGGER entity_aliases_trigrams_insert AFTER INSERT ON entity_aliases BEGIN
    INSERT INTO entity_aliases_trigrams(rowid, norm) VALUES (new.rowid, new.norm);
END;
CREATE TRIGGER entity_aliases_trigrams_delete AFTER DELETE ON entity_aliases BEGIN
    INSERT INTO entity_aliases_trigrams(entity_aliases_trigrams, rowid, norm)
    VALUES ('delete', old.rowid, old.norm);
END;
CREATE TRIGGER entity_aliases_trigrams_update AFTER UPDATE ON entity_aliases BEGIN
    INSERT INTO entity_aliases_trigrams(entity_aliases_trigrams, rowid, norm)
    VALUES ('delete', old.rowid, old.norm);
    INSERT INTO entity_aliases_trigrams(rowid, norm) VALUES (new.rowid, new.norm);
END;
