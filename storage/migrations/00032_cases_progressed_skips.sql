-- Before 2026-12-02 a skipped step marked a case progressed, as a step done
-- does. A skip is only reading ahead, and a case not progressed can still be
-- thrown away (a guide picked by mistake): clear the mark of the open and
-- paused cases whose events hold no step done and no problem (the two that
-- set it now). Closed cases keep theirs: nothing reads it once a case ended.
-- The open and paused cases are few (cases_open); each row is locked for
-- the moment the statement takes (a step press on one of them waits).

-- +goose Up
UPDATE cases c SET progressed = false
WHERE c.status IN ('open', 'paused') AND c.progressed
    AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind IN ('done', 'problem'));

-- +goose Down
-- Nothing to undo: the mark says whether a case may still be thrown away,
-- and these could.
SELECT 1;
