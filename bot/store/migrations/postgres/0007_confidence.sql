-- The engine's confidence in each fact (bot.facts: Event.confidence, Statement.confidence), so
-- answers can leave out facts below BRIEFBOT_MIN_CONFIDENCE while the store keeps them.
-- Facts stored before this migration were all shown: they keep being shown (1.0).
ALTER TABLE events ADD COLUMN confidence double precision NOT NULL DEFAULT 1.0;
ALTER TABLE statements ADD COLUMN confidence double precision NOT NULL DEFAULT 1.0;
