-- A case's active time counts its idle stretches only up to 30 minutes
-- (docs/wizard.md, "Time"). It was finished − started less the pauses, so
-- a case left open over lunch or a night without ⏸ counted every minute of
-- it (16 hours open showed "960 phút" and went into the median). Now the
-- case's moments — its start, each event in order, its close — are walked,
-- and each stretch between two of them counts up to storage.ActiveGap (30
-- minutes: no step of a guide keeps a volunteer that long without a tap;
-- longer, they were away), and not at all after a pause.
--
-- case_stats takes the case's start and end (the trigger runs before its
-- row is written, and before the close's own event is visible) and gives
-- the active seconds itself.
--
-- Cases closed before: only one that counted over 30 minutes can hold a
-- stretch longer than that (the bot records a resume before anything
-- follows a pause), so those alone are counted again here; the tally
-- rollups follow by their own triggers (a closed case changed takes its old
-- row away and adds its new one).

-- +goose Up
DROP FUNCTION case_stats(bigint);

-- +goose StatementBegin
CREATE FUNCTION case_stats(p_case bigint, p_start timestamptz, p_end timestamptz, OUT steps_done integer,
    OUT steps_skipped integer, OUT problems integer, OUT active_seconds integer) LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT count(*) FILTER (WHERE l.kind = 'done'), count(*) FILTER (WHERE l.kind = 'skip')
    INTO steps_done, steps_skipped
    FROM (SELECT DISTINCT ON (coalesce(step_id, step::text)) kind FROM case_events
        WHERE case_id = p_case AND kind IN ('done', 'skip')
        ORDER BY coalesce(step_id, step::text), id DESC) l;
    SELECT count(*) INTO problems FROM case_events WHERE case_id = p_case AND kind = 'problem';
    SELECT coalesce(round(sum(least(greatest(extract(epoch FROM m.next_at - m.at), 0), 1800))
        FILTER (WHERE m.kind <> 'pause')), 0)::integer
    INTO active_seconds
    FROM (SELECT e.kind, e.at, lead(e.at, 1, p_end) OVER (ORDER BY e.n, e.id) AS next_at
        FROM (SELECT 0 AS n, 0::bigint AS id, 'start'::text AS kind, p_start AS at
            UNION ALL
            SELECT 1, id, kind, at FROM case_events WHERE case_id = p_case) e) m;
END
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
    SELECT * INTO s FROM case_stats(NEW.id, NEW.started_at, coalesce(NEW.finished_at, NEW.updated_at));
    NEW.steps_done := least(s.steps_done, NEW.steps_total);
    NEW.steps_skipped := least(s.steps_skipped, NEW.steps_total - NEW.steps_done);
    NEW.problems := s.problems;
    NEW.active_seconds := s.active_seconds;
    RETURN NEW;
END
$$;
-- +goose StatementEnd

-- Counted in one pass over their events (case_stats called per case took
-- 22.5 s on a seed of 200,000 cases, 115,000 of them over 30 minutes; this
-- 4.6 s, and the 9,688 that changed updated the rollups in 4 s at the
-- commit: 11 s for the migration; the same numbers as case_stats).
UPDATE cases c SET active_seconds = s.active
FROM (SELECT m.case_id, coalesce(round(sum(least(greatest(extract(epoch FROM m.next_at - m.at), 0), 1800))
            FILTER (WHERE m.kind <> 'pause')), 0)::integer AS active
    FROM (SELECT p.case_id, p.kind, p.at, lead(p.at, 1, p.fin) OVER (PARTITION BY p.case_id ORDER BY p.n, p.id) AS next_at
        FROM (SELECT k.id AS case_id, 0 AS n, 0::bigint AS id, 'start'::text AS kind, k.started_at AS at,
                coalesce(k.finished_at, k.updated_at) AS fin
                FROM cases k WHERE k.status = 'closed' AND k.active_seconds > 1800
            UNION ALL
            SELECT e.case_id, 1, e.id, e.kind, e.at, coalesce(k.finished_at, k.updated_at)
                FROM cases k JOIN case_events e ON e.case_id = k.id
                WHERE k.status = 'closed' AND k.active_seconds > 1800) p) m
    GROUP BY m.case_id) s
WHERE c.id = s.case_id AND c.active_seconds IS DISTINCT FROM s.active;

-- +goose Down
DROP FUNCTION case_stats(bigint, timestamptz, timestamptz);

-- +goose StatementBegin
CREATE FUNCTION case_stats(p_case bigint, OUT steps_done integer, OUT steps_skipped integer,
    OUT problems integer, OUT paused_seconds double precision) LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT count(*) FILTER (WHERE l.kind = 'done'), count(*) FILTER (WHERE l.kind = 'skip')
    INTO steps_done, steps_skipped
    FROM (SELECT DISTINCT ON (coalesce(step_id, step::text)) kind FROM case_events
        WHERE case_id = p_case AND kind IN ('done', 'skip')
        ORDER BY coalesce(step_id, step::text), id DESC) l;
    SELECT count(*) INTO problems FROM case_events WHERE case_id = p_case AND kind = 'problem';
    SELECT coalesce(sum(extract(epoch FROM at - prev_at)), 0) INTO paused_seconds FROM (
        SELECT kind, at, lag(kind) OVER w AS prev_kind, lag(at) OVER w AS prev_at
        FROM case_events WHERE case_id = p_case AND kind IN ('pause', 'resume') WINDOW w AS (ORDER BY id)) p
    WHERE kind = 'resume' AND prev_kind = 'pause';
END
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
    NEW.steps_done := least(s.steps_done, NEW.steps_total);
    NEW.steps_skipped := least(s.steps_skipped, NEW.steps_total - NEW.steps_done);
    NEW.problems := s.problems;
    NEW.active_seconds := greatest(0, round(extract(epoch FROM coalesce(NEW.finished_at, NEW.updated_at) - NEW.started_at) - s.paused_seconds))::integer;
    RETURN NEW;
END
$$;
-- +goose StatementEnd
