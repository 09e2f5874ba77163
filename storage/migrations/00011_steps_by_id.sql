-- A closed case's steps done and skipped are counted by the step's id, not
-- its number, and never more than the case's steps: a guide that lost or
-- reordered steps while a case was paused renumbers them, and a step done
-- under its old number must not count twice (the summary counts the same
-- way: handlers' tally).

-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION case_stats(p_case bigint, OUT steps_done integer, OUT steps_skipped integer,
    OUT problems integer, OUT paused_seconds double precision) LANGUAGE sql STABLE AS $$
    SELECT
        (SELECT count(*) FILTER (WHERE kind = 'done') FROM (SELECT DISTINCT ON (coalesce(step_id, step::text)) kind
            FROM case_events WHERE case_id = p_case AND kind IN ('done', 'skip')
            ORDER BY coalesce(step_id, step::text), id DESC) l)::integer,
        (SELECT count(*) FILTER (WHERE kind = 'skip') FROM (SELECT DISTINCT ON (coalesce(step_id, step::text)) kind
            FROM case_events WHERE case_id = p_case AND kind IN ('done', 'skip')
            ORDER BY coalesce(step_id, step::text), id DESC) l)::integer,
        (SELECT count(*) FROM case_events WHERE case_id = p_case AND kind = 'problem')::integer,
        coalesce((SELECT sum(extract(epoch FROM at - prev_at)) FROM (
            SELECT kind, at, lag(kind) OVER w AS prev_kind, lag(at) OVER w AS prev_at
            FROM case_events WHERE case_id = p_case AND kind IN ('pause', 'resume') WINDOW w AS (ORDER BY id)) p
            WHERE kind = 'resume' AND prev_kind = 'pause'), 0)
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION cases_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    -- A row inserted already closed (a seed) may bring its own numbers.
    IF TG_OP = 'INSERT' AND NEW.active_seconds IS NOT NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO s FROM case_stats(NEW.id);
    NEW.steps_done := least(s.steps_done, NEW.steps_total);
    NEW.steps_skipped := least(s.steps_skipped, NEW.steps_total - NEW.steps_done);
    NEW.problems := s.problems;
    NEW.active_seconds := greatest(0, round(extract(epoch FROM coalesce(NEW.finished_at, NEW.updated_at) - NEW.started_at) - s.paused_seconds))::integer;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION case_stats(p_case bigint, OUT steps_done integer, OUT steps_skipped integer,
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
CREATE OR REPLACE FUNCTION cases_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
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
