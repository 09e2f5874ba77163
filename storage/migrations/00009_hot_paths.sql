-- What the busy paths cost the server (docs/benchmarks.md, "Contention and
-- HOT updates").
--
-- The rollups of migration 00008 were kept by AFTER triggers that ran with
-- the statement closing a case: from there to the commit, the transaction
-- held the row of its month and province in tally_months, so every other
-- case closing in that province waited behind the rest of the update's
-- work (its follow-up slip drawn, its replies written). As deferred
-- constraint triggers they run at the commit, and the row is held only for
-- the commit itself. They add and take away the same rows as before.
--
-- cases_open ordered a volunteer's open cases by updated_at inside the
-- index, so every step press changed an indexed column: no update of a case
-- was HOT, each wrote a new entry in four indexes. A volunteer has a handful
-- of open cases; they are sorted after the index finds them. fillfactor
-- leaves room on a page for the new versions of its rows.

-- +goose Up
DROP TRIGGER tally_rollup_inserted ON cases;
DROP TRIGGER tally_rollup_updated ON cases;
CREATE CONSTRAINT TRIGGER tally_rollup_inserted AFTER INSERT ON cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'closed' AND current_setting('dvcbot.tally_rollups', true) IS DISTINCT FROM 'off')
    EXECUTE FUNCTION tally_rollup();
CREATE CONSTRAINT TRIGGER tally_rollup_updated AFTER UPDATE ON cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.status = 'closed' OR NEW.status = 'closed') AND OLD.* IS DISTINCT FROM NEW.*
        AND current_setting('dvcbot.tally_rollups', true) IS DISTINCT FROM 'off')
    EXECUTE FUNCTION tally_rollup();

DROP INDEX cases_open;
CREATE INDEX cases_open ON cases (volunteer_id) WHERE status IN ('open', 'paused');
ALTER TABLE cases SET (fillfactor = 90);

-- +goose Down
ALTER TABLE cases RESET (fillfactor);
DROP INDEX cases_open;
CREATE INDEX cases_open ON cases (volunteer_id, updated_at DESC) WHERE status <> 'closed';

DROP TRIGGER tally_rollup_updated ON cases;
DROP TRIGGER tally_rollup_inserted ON cases;
CREATE TRIGGER tally_rollup_inserted AFTER INSERT ON cases FOR EACH ROW
    WHEN (NEW.status = 'closed' AND current_setting('dvcbot.tally_rollups', true) IS DISTINCT FROM 'off')
    EXECUTE FUNCTION tally_rollup();
CREATE TRIGGER tally_rollup_updated AFTER UPDATE ON cases FOR EACH ROW
    WHEN ((OLD.status = 'closed' OR NEW.status = 'closed') AND OLD.* IS DISTINCT FROM NEW.*
        AND current_setting('dvcbot.tally_rollups', true) IS DISTINCT FROM 'off')
    EXECUTE FUNCTION tally_rollup();
