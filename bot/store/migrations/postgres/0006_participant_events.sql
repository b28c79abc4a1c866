-- "talks between X and Y", timelines and profiles find events by participant: with the event id
-- in the index, that set comes from the index alone (no row lookup per participant).
CREATE INDEX event_participants_entity_event ON event_participants(entity_id, event_id);
