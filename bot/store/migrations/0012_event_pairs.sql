-- "talks between X and Y" (issue 17): each pair of entities taking part in one event, with the
-- event's sort key (`coalesce(date, '')`, as event_participants.event_newest), the lower entity id
-- first. The events of two participants then come newest first from one index range that holds
-- only their common events, and a capped total reads at most the cap's rows, instead of reading
-- the rarer participant's events until enough of them turn out to include the other one.
-- Kept by triggers: on each participant row (its pairs with the event's other participants), on
-- a changed event date, and through ON DELETE CASCADE with its event (`reindex`).
CREATE TABLE event_pairs (
    entity_lo     INTEGER NOT NULL,
    entity_hi     INTEGER NOT NULL,
    event_newest  TEXT NOT NULL,
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_lo, entity_hi, event_newest, event_id)
) WITHOUT ROWID;
CREATE INDEX event_pairs_event ON event_pairs(event_id);
INSERT OR IGNORE INTO event_pairs (entity_lo, entity_hi, event_newest, event_id)
SELECT p.entity_id, q.entity_id, coalesce(ev.date, ''), p.event_id
FROM event_participants p
JOIN event_participants q ON q.event_id = p.event_id AND q.entity_id > p.entity_id
JOIN events ev ON ev.id = p.event_id;
CREATE TRIGGER event_participants_pairs AFTER INSERT ON event_participants
WHEN NEW.entity_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO event_pairs (entity_lo, entity_hi, event_newest, event_id)
    SELECT min(NEW.entity_id, q.entity_id), max(NEW.entity_id, q.entity_id),
           (SELECT coalesce(ev.date, '') FROM events ev WHERE ev.id = NEW.event_id), NEW.event_id
    FROM event_participants q
    WHERE q.event_id = NEW.event_id AND q.entity_id IS NOT NULL AND q.entity_id != NEW.entity_id;
END;
CREATE TRIGGER events_newest_pairs AFTER UPDATE OF date ON events
WHEN coalesce(OLD.date, '') != coalesce(NEW.date, '')
BEGIN
    UPDATE event_pairs SET event_newest = coalesce(NEW.date, '') WHERE event_id = NEW.id;
END;
