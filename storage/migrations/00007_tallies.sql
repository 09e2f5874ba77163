-- Tallies (docs/reports.md): what a closed case took, kept on its row when it
-- closes, so that a year of the whole country is counted from the cases
-- alone, never by walking their events; and the indexes the tally reads by.

-- +goose Up
-- Filled when a case closes (NULL before): the steps whose last event was
-- done or skip, the problems met, and the active time — finished minus
-- started, less every pause → resume span (as the case summary counts it).
ALTER TABLE cases ADD COLUMN steps_done integer,
    ADD COLUMN steps_skipped integer,
    ADD COLUMN problems integer,
    ADD COLUMN active_seconds integer;

-- +goose StatementBegin
CREATE FUNCTION case_stats(p_case bigint, OUT steps_done integer, OUT steps_skipped integer,
    OUT problems integer, OUT paused_seconds double precision) LANGUAGE sql STABLE AS $$
    SELECT
        (SELECT count(*) FILTER (WHERE kind = 'done') FROM (SELECT DISTINCT ON (step) kind FROM case_events
            WHERE case_id = p_case AND kind IN ('done', 'skip') ORDER BY step, id DESC) l)::integer,
        (SELECT count(*) FILTER (WHERE kind = 'skip') FROM (SELECT DISTINCT ON (step) kind FROM case_events
            WHERE case_id = p_case AND kind IN ('done', 'skip') ORDER BY step, id DESC) l)::integer,
        (SELECT count(*) FROM case_events WHERE case_id = p_case AND kind = 'problem')::integer,
        coalesce((SELECT sum(extract(epoch FROM at - prev_at)) FROM (
            SELECT kind, at, lag(kind) OVER w AS prev_kind, lag(at) OVER w AS prev_at
            FROM case_events WHERE case_id = p_case AND kind IN ('pause', 'resume') WINDOW w AS (ORDER BY id)) p
            WHERE kind = 'resume' AND prev_kind = 'pause'), 0)
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION cases_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    -- A row inserted already closed (a seed) may bring its own numbers.
    IF TG_OP = 'INSERT' AND NEW.active_seconds IS NOT NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO s FROM case_stats(NEW.id);
    NEW.steps_done := s.steps_done;
    NEW.steps_skipped := s.steps_skipped;
    NEW.problems := s.problems;
    NEW.active_seconds := greatest(0, round(extract(epoch FROM coalesce(NEW.finished_at, NEW.updated_at) - NEW.started_at) - s.paused_seconds))::integer;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER cases_closed BEFORE UPDATE ON cases FOR EACH ROW
    WHEN (NEW.status = 'closed' AND OLD.status <> 'closed') EXECUTE FUNCTION cases_closed();
CREATE TRIGGER cases_inserted_closed BEFORE INSERT ON cases FOR EACH ROW
    WHEN (NEW.status = 'closed') EXECUTE FUNCTION cases_closed();

UPDATE cases c SET steps_done = s.steps_done, steps_skipped = s.steps_skipped, problems = s.problems,
    active_seconds = greatest(0, round(extract(epoch FROM coalesce(c.finished_at, c.updated_at) - c.started_at) - s.paused_seconds))::integer
FROM cases k CROSS JOIN LATERAL case_stats(k.id) s
WHERE k.id = c.id AND c.status = 'closed';

-- A tally reads closed cases by the time they closed: the whole country,
-- a commune (a province is its communes), or a volunteer. The columns a
-- tally groups by ride in the index, so a month of a province is read from
-- it alone once the table is vacuumed (docs/reports.md has the plans).
CREATE INDEX cases_closed_at ON cases (finished_at)
    INCLUDE (commune_code, volunteer_id, guide_id, kind, mode, outcome, reason, active_seconds)
    WHERE status = 'closed';
CREATE INDEX cases_closed_commune ON cases (commune_code, finished_at)
    INCLUDE (volunteer_id, guide_id, kind, mode, outcome, reason, active_seconds)
    WHERE status = 'closed';
CREATE INDEX cases_closed_volunteer ON cases (volunteer_id, finished_at) WHERE status = 'closed';
-- Where residents get stuck: the problem events of the cases counted.
CREATE INDEX case_events_problems ON case_events (case_id) INCLUDE (step, step_id, problem) WHERE kind = 'problem';

-- +goose Down
DROP INDEX case_events_problems;
DROP INDEX cases_closed_volunteer;
DROP INDEX cases_closed_commune;
DROP INDEX cases_closed_at;
DROP TRIGGER cases_inserted_closed ON cases;
DROP TRIGGER cases_closed ON cases;
DROP FUNCTION cases_closed();
DROP FUNCTION case_stats(bigint);
ALTER TABLE cases DROP COLUMN active_seconds, DROP COLUMN problems, DROP COLUMN steps_skipped, DROP COLUMN steps_done;
