-- The entity matcher reloads only the entities changed since its last look (max and range on
-- updated_at), instead of every alias of every entity whenever an article arrives.
CREATE INDEX entities_updated_at ON entities(updated_at);
