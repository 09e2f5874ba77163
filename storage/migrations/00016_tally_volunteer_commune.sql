-- A volunteer's line in a tally is their cases in one commune: the commune
-- the cases were logged in, not the one the volunteer belongs to now. A
-- province's spreadsheet named each volunteer's current commune beside
-- cases of another (one moved), or none (one removed from the team), so
-- its volunteers sheet and its units sheet disagreed. The rollups' volunteer
-- lines get the case's commune as their second key (b), and are counted
-- again.
--
-- A bot may still be serving. A case's rollup upkeep runs at its commit
-- with the tally_rollup_apply it found when the call began: one begun
-- before this commits and blocked by it (on a rollup table) goes on with
-- the old keys afterwards, and a volunteer's line without a commune (-1)
-- stays beside one counted too high. So the cases table is locked (SHARE:
-- reads go on, case writes wait) before the function changes: the cases
-- written before are committed, rollups and all, and those after begin
-- their upkeep with the new function. Only the volunteer lines are counted
-- again (the other rollups keep their keys): 1.5 s at 200,000 closed
-- cases under load, 9.4 s at 1,000,000, where tally_rollups_rebuild()
-- took 4.3-6.7 s and 32.7 s (docs/benchmarks.md, "Upgrading a big
-- database").

-- +goose Up
SET LOCAL lock_timeout = '10s';
-- +goose StatementBegin
DO $$
BEGIN
    LOCK TABLE cases IN SHARE MODE;
    LOCK TABLE tally_counts IN EXCLUSIVE MODE;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00016 (up): a transaction kept writing to the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it runs, case writes wait for it (README.md, "Upgrading").';
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Adds (s = 1) or takes away (s = -1) one closed case. Its problem events
-- are those present now: the bot writes events only while a case is open.
-- A closed case without finished_at (none since 00003) is in no period.
-- readded: the case is added back to the same month and province next, no
-- older than it was (a rating, a result), so as_of needs no search.
CREATE OR REPLACE FUNCTION tally_rollup_apply(k cases, s integer, readded boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    m  date := tally_month(k.finished_at);
    p  text := coalesce((SELECT province_code FROM communes WHERE code = k.commune_code), '');
    ok integer := CASE WHEN coalesce(k.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) THEN s ELSE 0 END;
    latest timestamptz;
BEGIN
    IF k.finished_at IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO tally_months AS t (month, province, cases, helped, steps_done, steps_skipped, problems,
        consented, resolved, late, unresolved, rated, rating_sum, as_of)
    VALUES (m, p, s, ok, s * coalesce(k.steps_done, 0), s * coalesce(k.steps_skipped, 0), s * coalesce(k.problems, 0),
        CASE WHEN k.followup_consent THEN s ELSE 0 END,
        CASE WHEN k.followup_result IN ('received', 'received_late') THEN s ELSE 0 END,
        CASE WHEN k.followup_result = 'received_late' THEN s ELSE 0 END,
        CASE WHEN k.followup_result = 'problem' THEN s ELSE 0 END,
        CASE WHEN k.rating IS NOT NULL THEN s ELSE 0 END, s * coalesce(k.rating, 0),
        CASE WHEN s > 0 THEN k.updated_at END)
    ON CONFLICT (month, province) DO UPDATE SET cases = t.cases + excluded.cases, helped = t.helped + excluded.helped,
        steps_done = t.steps_done + excluded.steps_done, steps_skipped = t.steps_skipped + excluded.steps_skipped,
        problems = t.problems + excluded.problems, consented = t.consented + excluded.consented,
        resolved = t.resolved + excluded.resolved, late = t.late + excluded.late, unresolved = t.unresolved + excluded.unresolved,
        rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum,
        as_of = greatest(t.as_of, excluded.as_of)
    RETURNING t.as_of INTO latest;

    INSERT INTO tally_counts AS t (month, province, dim, a, b, c, d, n, ok)
    SELECT m, p, x.dim, x.a, x.b, x.c, x.d, x.n, x.ok FROM (VALUES
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), coalesce(k.reason, ''), s, ok),
            ('mode', coalesce(k.mode, ''), k.kind, '', '', s, ok),
            ('commune', coalesce(k.commune_code, ''), '', '', '', s, ok),
            ('volunteer', k.volunteer_id::text, coalesce(k.commune_code, ''), '', '', s, ok),
            ('minute', (coalesce(k.active_seconds, 0) / 60)::text, '', '', '', s, ok)) x(dim, a, b, c, d, n, ok)
        UNION ALL
        SELECT m, p, 'problem', k.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)::text,
            s * count(*)::integer, 0
        FROM case_events e WHERE e.case_id = k.id AND e.kind = 'problem' AND k.problems > 0
        GROUP BY coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)
    ON CONFLICT (month, province, dim, a, b, c, d) DO UPDATE SET n = t.n + excluded.n, ok = t.ok + excluded.ok;

    -- The case taken away may have been its month's latest change: find
    -- the latest among the others (its new version, if any, is added next).
    IF s < 0 AND NOT readded AND k.updated_at >= latest THEN
        IF p = '' THEN
            latest := (SELECT max(c.updated_at) FROM cases c WHERE c.status = 'closed' AND c.id <> k.id AND c.commune_code IS NULL
                AND c.finished_at >= (m::timestamp - interval '7 hours') AT TIME ZONE 'UTC'
                AND c.finished_at < ((m + interval '1 month')::timestamp - interval '7 hours') AT TIME ZONE 'UTC');
        ELSE
            latest := (SELECT max(c.updated_at) FROM cases c WHERE c.status = 'closed' AND c.id <> k.id
                AND c.commune_code IN (SELECT code FROM communes WHERE province_code = p)
                AND c.finished_at >= (m::timestamp - interval '7 hours') AT TIME ZONE 'UTC'
                AND c.finished_at < ((m + interval '1 month')::timestamp - interval '7 hours') AT TIME ZONE 'UTC');
        END IF;
        UPDATE tally_months SET as_of = latest WHERE month = m AND province = p;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Counts the rollups again from the closed cases (after a bulk load, or
-- here for the cases already closed).
CREATE OR REPLACE FUNCTION tally_rollups_rebuild() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    LOCK TABLE tally_months, tally_counts IN EXCLUSIVE MODE;
    DELETE FROM tally_months;
    DELETE FROM tally_counts;
    CREATE TEMPORARY TABLE tally_rebuild ON COMMIT DROP AS
    SELECT c.id, tally_month(c.finished_at) AS month, coalesce(cm.province_code, '') AS province,
        c.guide_id, c.kind, coalesce(c.outcome, '') AS outcome, coalesce(c.reason, '') AS reason,
        coalesce(c.mode, '') AS mode, coalesce(c.commune_code, '') AS commune_code, c.volunteer_id::text AS volunteer,
        (coalesce(c.active_seconds, 0) / 60)::text AS minute,
        coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) AS ok,
        coalesce(c.steps_done, 0) AS steps_done, coalesce(c.steps_skipped, 0) AS steps_skipped,
        coalesce(c.problems, 0) AS problems, c.updated_at, c.followup_consent, c.followup_result, c.rating
    FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
    WHERE c.status = 'closed' AND c.finished_at IS NOT NULL;

    INSERT INTO tally_months (month, province, cases, helped, steps_done, steps_skipped, problems,
        consented, resolved, late, unresolved, rated, rating_sum, as_of)
    SELECT month, province, count(*), count(*) FILTER (WHERE ok), sum(steps_done), sum(steps_skipped), sum(problems),
        count(*) FILTER (WHERE followup_consent), count(*) FILTER (WHERE followup_result IN ('received', 'received_late')),
        count(*) FILTER (WHERE followup_result = 'received_late'), count(*) FILTER (WHERE followup_result = 'problem'), count(rating), coalesce(sum(rating), 0), max(updated_at)
    FROM tally_rebuild GROUP BY month, province;

    INSERT INTO tally_counts (month, province, dim, a, b, c, d, n, ok)
    SELECT month, province, 'guide', guide_id, kind, outcome, reason, count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, guide_id, kind, outcome, reason
    UNION ALL
    SELECT month, province, 'mode', mode, kind, '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, mode, kind
    UNION ALL
    SELECT month, province, 'commune', commune_code, '', '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, commune_code
    UNION ALL
    SELECT month, province, 'volunteer', volunteer, commune_code, '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, volunteer, commune_code
    UNION ALL
    SELECT month, province, 'minute', minute, '', '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, minute
    UNION ALL
    SELECT r.month, r.province, 'problem', r.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''),
        coalesce(e.step, 0)::text, count(*), 0
    FROM tally_rebuild r JOIN case_events e ON e.case_id = r.id AND e.kind = 'problem'
    WHERE r.problems > 0
    GROUP BY r.month, r.province, r.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0);
    DROP TABLE tally_rebuild;
END
$$;
-- +goose StatementEnd

SET LOCAL work_mem = '256MB';
DELETE FROM tally_counts WHERE dim = 'volunteer';
INSERT INTO tally_counts (month, province, dim, a, b, c, d, n, ok)
SELECT tally_month(c.finished_at), coalesce(cm.province_code, ''), 'volunteer', c.volunteer_id::text,
    coalesce(c.commune_code, ''), '', '', count(*),
    count(*) FILTER (WHERE coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false))
FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
WHERE c.status = 'closed' AND c.finished_at IS NOT NULL
GROUP BY 1, 2, 4, 5;

-- +goose Down
SET LOCAL lock_timeout = '10s';
-- +goose StatementBegin
DO $$
BEGIN
    LOCK TABLE cases IN SHARE MODE;
    LOCK TABLE tally_counts IN EXCLUSIVE MODE;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00016 (down): a transaction kept writing to the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it runs, case writes wait for it (README.md, "Upgrading").';
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Adds (s = 1) or takes away (s = -1) one closed case. Its problem events
-- are those present now: the bot writes events only while a case is open.
-- A closed case without finished_at (none since 00003) is in no period.
-- readded: the case is added back to the same month and province next, no
-- older than it was (a rating, a result), so as_of needs no search.
CREATE OR REPLACE FUNCTION tally_rollup_apply(k cases, s integer, readded boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    m  date := tally_month(k.finished_at);
    p  text := coalesce((SELECT province_code FROM communes WHERE code = k.commune_code), '');
    ok integer := CASE WHEN coalesce(k.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) THEN s ELSE 0 END;
    latest timestamptz;
BEGIN
    IF k.finished_at IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO tally_months AS t (month, province, cases, helped, steps_done, steps_skipped, problems,
        consented, resolved, late, unresolved, rated, rating_sum, as_of)
    VALUES (m, p, s, ok, s * coalesce(k.steps_done, 0), s * coalesce(k.steps_skipped, 0), s * coalesce(k.problems, 0),
        CASE WHEN k.followup_consent THEN s ELSE 0 END,
        CASE WHEN k.followup_result IN ('received', 'received_late') THEN s ELSE 0 END,
        CASE WHEN k.followup_result = 'received_late' THEN s ELSE 0 END,
        CASE WHEN k.followup_result = 'problem' THEN s ELSE 0 END,
        CASE WHEN k.rating IS NOT NULL THEN s ELSE 0 END, s * coalesce(k.rating, 0),
        CASE WHEN s > 0 THEN k.updated_at END)
    ON CONFLICT (month, province) DO UPDATE SET cases = t.cases + excluded.cases, helped = t.helped + excluded.helped,
        steps_done = t.steps_done + excluded.steps_done, steps_skipped = t.steps_skipped + excluded.steps_skipped,
        problems = t.problems + excluded.problems, consented = t.consented + excluded.consented,
        resolved = t.resolved + excluded.resolved, late = t.late + excluded.late, unresolved = t.unresolved + excluded.unresolved,
        rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum,
        as_of = greatest(t.as_of, excluded.as_of)
    RETURNING t.as_of INTO latest;

    INSERT INTO tally_counts AS t (month, province, dim, a, b, c, d, n, ok)
    SELECT m, p, x.dim, x.a, x.b, x.c, x.d, x.n, x.ok FROM (VALUES
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), coalesce(k.reason, ''), s, ok),
            ('mode', coalesce(k.mode, ''), k.kind, '', '', s, ok),
            ('commune', coalesce(k.commune_code, ''), '', '', '', s, ok),
            ('volunteer', k.volunteer_id::text, '', '', '', s, ok),
            ('minute', (coalesce(k.active_seconds, 0) / 60)::text, '', '', '', s, ok)) x(dim, a, b, c, d, n, ok)
        UNION ALL
        SELECT m, p, 'problem', k.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)::text,
            s * count(*)::integer, 0
        FROM case_events e WHERE e.case_id = k.id AND e.kind = 'problem' AND k.problems > 0
        GROUP BY coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0)
    ON CONFLICT (month, province, dim, a, b, c, d) DO UPDATE SET n = t.n + excluded.n, ok = t.ok + excluded.ok;

    -- The case taken away may have been its month's latest change: find
    -- the latest among the others (its new version, if any, is added next).
    IF s < 0 AND NOT readded AND k.updated_at >= latest THEN
        IF p = '' THEN
            latest := (SELECT max(c.updated_at) FROM cases c WHERE c.status = 'closed' AND c.id <> k.id AND c.commune_code IS NULL
                AND c.finished_at >= (m::timestamp - interval '7 hours') AT TIME ZONE 'UTC'
                AND c.finished_at < ((m + interval '1 month')::timestamp - interval '7 hours') AT TIME ZONE 'UTC');
        ELSE
            latest := (SELECT max(c.updated_at) FROM cases c WHERE c.status = 'closed' AND c.id <> k.id
                AND c.commune_code IN (SELECT code FROM communes WHERE province_code = p)
                AND c.finished_at >= (m::timestamp - interval '7 hours') AT TIME ZONE 'UTC'
                AND c.finished_at < ((m + interval '1 month')::timestamp - interval '7 hours') AT TIME ZONE 'UTC');
        END IF;
        UPDATE tally_months SET as_of = latest WHERE month = m AND province = p;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose StatementBegin
-- Counts the rollups again from the closed cases (after a bulk load, or
-- here for the cases already closed).
CREATE OR REPLACE FUNCTION tally_rollups_rebuild() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    LOCK TABLE tally_months, tally_counts IN EXCLUSIVE MODE;
    DELETE FROM tally_months;
    DELETE FROM tally_counts;
    CREATE TEMPORARY TABLE tally_rebuild ON COMMIT DROP AS
    SELECT c.id, tally_month(c.finished_at) AS month, coalesce(cm.province_code, '') AS province,
        c.guide_id, c.kind, coalesce(c.outcome, '') AS outcome, coalesce(c.reason, '') AS reason,
        coalesce(c.mode, '') AS mode, coalesce(c.commune_code, '') AS commune_code, c.volunteer_id::text AS volunteer,
        (coalesce(c.active_seconds, 0) / 60)::text AS minute,
        coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) AS ok,
        coalesce(c.steps_done, 0) AS steps_done, coalesce(c.steps_skipped, 0) AS steps_skipped,
        coalesce(c.problems, 0) AS problems, c.updated_at, c.followup_consent, c.followup_result, c.rating
    FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
    WHERE c.status = 'closed' AND c.finished_at IS NOT NULL;

    INSERT INTO tally_months (month, province, cases, helped, steps_done, steps_skipped, problems,
        consented, resolved, late, unresolved, rated, rating_sum, as_of)
    SELECT month, province, count(*), count(*) FILTER (WHERE ok), sum(steps_done), sum(steps_skipped), sum(problems),
        count(*) FILTER (WHERE followup_consent), count(*) FILTER (WHERE followup_result IN ('received', 'received_late')),
        count(*) FILTER (WHERE followup_result = 'received_late'), count(*) FILTER (WHERE followup_result = 'problem'), count(rating), coalesce(sum(rating), 0), max(updated_at)
    FROM tally_rebuild GROUP BY month, province;

    INSERT INTO tally_counts (month, province, dim, a, b, c, d, n, ok)
    SELECT month, province, 'guide', guide_id, kind, outcome, reason, count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, guide_id, kind, outcome, reason
    UNION ALL
    SELECT month, province, 'mode', mode, kind, '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, mode, kind
    UNION ALL
    SELECT month, province, 'commune', commune_code, '', '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, commune_code
    UNION ALL
    SELECT month, province, 'volunteer', volunteer, '', '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, volunteer
    UNION ALL
    SELECT month, province, 'minute', minute, '', '', '', count(*), count(*) FILTER (WHERE ok)
    FROM tally_rebuild GROUP BY month, province, minute
    UNION ALL
    SELECT r.month, r.province, 'problem', r.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''),
        coalesce(e.step, 0)::text, count(*), 0
    FROM tally_rebuild r JOIN case_events e ON e.case_id = r.id AND e.kind = 'problem'
    WHERE r.problems > 0
    GROUP BY r.month, r.province, r.guide_id, coalesce(e.step_id, ''), coalesce(e.problem, ''), coalesce(e.step, 0);
    DROP TABLE tally_rebuild;
END
$$;
-- +goose StatementEnd

SET LOCAL work_mem = '256MB';
DELETE FROM tally_counts WHERE dim = 'volunteer';
INSERT INTO tally_counts (month, province, dim, a, b, c, d, n, ok)
SELECT tally_month(c.finished_at), coalesce(cm.province_code, ''), 'volunteer', c.volunteer_id::text,
    '', '', '', count(*),
    count(*) FILTER (WHERE coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false))
FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
WHERE c.status = 'closed' AND c.finished_at IS NOT NULL
GROUP BY 1, 2, 4, 5;
