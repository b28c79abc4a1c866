-- "talks between X and Y" (issue 17): each pair of entities taking part in one event, with the
-- event's sort key (`coalesce(date, '')`, as event_participants.event_newest), the lower entity id
-- first. The events of two participants then come newest first from one index range that holds
-- only their common events, and a capped total reads at most the cap's rows, instead of reading
-- the rarer participant's events until enough of them turn out to include the other one.
-- Kept by triggers: on each participant row (its pairs with the event's other participants), on
-- a changed event date, and through ON DELETE CASCADE with its event (`reindex`).
CREATE TABLE event_pairs (
    entity_lo     bigint NOT NULL,
    entity_hi     bigint NOT NULL,
    event_newest  text COLLATE "C" NOT NULL,
    event_id      bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_lo, entity_hi, event_newest, event_id)
);
CREATE INDEX event_pairs_event ON event_pairs(event_id);
INSERT INTO event_pairs (entity_lo, entity_hi, event_newest, event_id)
SELECT p.entity_id, q.entity_id, coalesce(ev.date, ''), p.event_id
FROM event_participants p
JOIN event_participants q ON q.event_id = p.event_id AND q.entity_id > p.entity_id
JOIN events ev ON ev.id = p.event_id
ON CONFLICT DO NOTHING;
CREATE FUNCTION briefbot_participant_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_pairs (entity_lo, entity_hi, event_newest, event_id)
    SELECT least(NEW.entity_id, q.entity_id), greatest(NEW.entity_id, q.entity_id),
           (SELECT coalesce(ev.date, '') FROM events ev WHERE ev.id = NEW.event_id), NEW.event_id
    FROM event_participants q
    WHERE q.event_id = NEW.event_id AND q.entity_id IS NOT NULL AND q.entity_id <> NEW.entity_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_participants_pairs AFTER INSERT ON event_participants
FOR EACH ROW WHEN (NEW.entity_id IS NOT NULL) EXECUTE FUNCTION briefbot_participant_pairs();
CREATE FUNCTION briefbot_event_pairs_newest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_pairs SET event_newest = coalesce(NEW.date, '') WHERE event_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_newest_pairs AFTER UPDATE OF date ON events
FOR EACH ROW WHEN (coalesce(OLD.date, '') IS DISTINCT FROM coalesce(NEW.date, ''))
EXECUTE FUNCTION briefbot_event_pairs_newest();
