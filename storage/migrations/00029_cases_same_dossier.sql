-- A case that ended as "the same dossier as case #A" (the resident back for
-- a supplement, or to pay the fee: handlers' kept screen) counted in every
-- tally as one more dossier filed — in the outcomes, the modes and the
-- scheme's dossier_online and payment_online — where the resident filed one.
-- The case log says so now: cases.same_dossier, true while the case ended
-- so and keeps no code of its own. A tally counts such a case (the
-- volunteer's help: a case, a resident helped, its minutes) under the
-- outcome 'same_dossier', and as no dossier filed; paid online at that
-- visit, as a payment made (payment_online: docs/reports.md). Its rollup
-- outcome line keeps its outcome (c: submitted or paid) and is marked in
-- d ('same_dossier'; d is otherwise the reason of a case not done): a
-- version before this one, still serving, reads it as the dossier it
-- always counted.
--
-- The truth is the case's outcome event, marked 'same_dossier' (the bot
-- writes it as it closes the case): a trigger on case_events marks the case
-- as that event goes in, whichever version of the bot wrote it (one before
-- this, still serving while this one starts, too). A code kept for the case
-- afterwards (typed within its minutes: the button was pressed by mistake)
-- makes it a dossier of its own again: the trigger followups_kept, which
-- marks a case followed, clears it.
--
-- Two transactions, as 00023 (README.md, "Upgrading"): the first adds the
-- column (a constant default: no rewrite), the rollups' functions and the
-- triggers — it needs cases to itself, for milliseconds once it has it; the
-- second finds the cases an outcome event marks (one pass over case_events,
-- before any lock), then, with cases locked SHARE (reads go on, case writes
-- wait), marks those closed before and moves them in the rollups (their
-- outcome line and their mode's dossiers filed: nothing else of theirs
-- changes). Each waits at most 10 s for its lock, then stops saying so; run
-- again, it picks up where it stopped.

-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    ALTER TABLE cases ADD COLUMN IF NOT EXISTS same_dossier boolean NOT NULL DEFAULT false;
    -- Adds (s = 1) or takes away (s = -1) one closed case. Its problem events
    -- are those present now: the bot writes events only while a case is open.
    -- A case that was the same dossier as another (same_dossier) keeps its
    -- outcome on its outcome line, marked 'same_dossier' in d (where a case
    -- not done has its reason), and counts as no dossier filed (its mode's ok).
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
            consented, followed, resolved, late, unresolved, rated, rating_sum, as_of)
        VALUES (m, p, s, ok, s * coalesce(k.steps_done, 0), s * coalesce(k.steps_skipped, 0), s * coalesce(k.problems, 0),
            CASE WHEN k.followup_consent THEN s ELSE 0 END, CASE WHEN k.followup_kept THEN s ELSE 0 END,
            CASE WHEN k.followup_result IN ('received', 'received_late') THEN s ELSE 0 END,
            CASE WHEN k.followup_result = 'received_late' THEN s ELSE 0 END,
            CASE WHEN k.followup_result = 'problem' THEN s ELSE 0 END,
            CASE WHEN k.rating IS NOT NULL THEN s ELSE 0 END, s * coalesce(k.rating, 0),
            CASE WHEN s > 0 THEN k.updated_at END)
        ON CONFLICT (month, province) DO UPDATE SET cases = t.cases + excluded.cases, helped = t.helped + excluded.helped,
            steps_done = t.steps_done + excluded.steps_done, steps_skipped = t.steps_skipped + excluded.steps_skipped,
            problems = t.problems + excluded.problems, consented = t.consented + excluded.consented,
            followed = t.followed + excluded.followed,
            resolved = t.resolved + excluded.resolved, late = t.late + excluded.late, unresolved = t.unresolved + excluded.unresolved,
            rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum,
            as_of = greatest(t.as_of, excluded.as_of)
        RETURNING t.as_of INTO latest;

        INSERT INTO tally_counts AS t (month, province, dim, a, b, c, d, n, ok)
        SELECT m, p, x.dim, x.a, x.b, x.c, x.d, x.n, x.ok FROM (VALUES
                ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''),
                    CASE WHEN k.same_dossier THEN 'same_dossier' ELSE coalesce(k.reason, '') END, s, ok),
                ('mode', coalesce(k.mode, ''), k.kind, '', '', s, CASE WHEN k.same_dossier THEN 0 ELSE ok END),
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

    -- Counts the rollups again from the closed cases (after a bulk load, or
    -- here for the cases already closed).
    CREATE OR REPLACE FUNCTION tally_rollups_rebuild() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
    BEGIN
        LOCK TABLE tally_months, tally_counts IN EXCLUSIVE MODE;
        DELETE FROM tally_months;
        DELETE FROM tally_counts;
        CREATE TEMPORARY TABLE tally_rebuild ON COMMIT DROP AS
        SELECT c.id, tally_month(c.finished_at) AS month, coalesce(cm.province_code, '') AS province,
            c.guide_id, c.kind, coalesce(c.outcome, '') AS outcome,
            CASE WHEN c.same_dossier THEN 'same_dossier' ELSE coalesce(c.reason, '') END AS reason,
            coalesce(c.mode, '') AS mode, coalesce(c.commune_code, '') AS commune_code, c.volunteer_id::text AS volunteer,
            (coalesce(c.active_seconds, 0) / 60)::text AS minute,
            coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) AS ok,
            coalesce(c.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) AND NOT c.same_dossier AS filed,
            coalesce(c.steps_done, 0) AS steps_done, coalesce(c.steps_skipped, 0) AS steps_skipped,
            coalesce(c.problems, 0) AS problems, c.updated_at, c.followup_consent, c.followup_kept, c.followup_result, c.rating
        FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
        WHERE c.status = 'closed' AND c.finished_at IS NOT NULL;

        INSERT INTO tally_months (month, province, cases, helped, steps_done, steps_skipped, problems,
            consented, followed, resolved, late, unresolved, rated, rating_sum, as_of)
        SELECT month, province, count(*), count(*) FILTER (WHERE ok), sum(steps_done), sum(steps_skipped), sum(problems),
            count(*) FILTER (WHERE followup_consent), count(*) FILTER (WHERE followup_kept), count(*) FILTER (WHERE followup_result IN ('received', 'received_late')),
            count(*) FILTER (WHERE followup_result = 'received_late'), count(*) FILTER (WHERE followup_result = 'problem'), count(rating), coalesce(sum(rating), 0), max(updated_at)
        FROM tally_rebuild GROUP BY month, province;

        INSERT INTO tally_counts (month, province, dim, a, b, c, d, n, ok)
        SELECT month, province, 'guide', guide_id, kind, outcome, reason, count(*), count(*) FILTER (WHERE ok)
        FROM tally_rebuild GROUP BY month, province, guide_id, kind, outcome, reason
        UNION ALL
        SELECT month, province, 'mode', mode, kind, '', '', count(*), count(*) FILTER (WHERE filed)
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

    -- A follow-up made marks its case followed: its code was kept, so it
    -- is a dossier of its own (no longer the same dossier as another).
    CREATE OR REPLACE FUNCTION followups_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET followup_kept = true, same_dossier = false WHERE id = NEW.case_id AND (NOT followup_kept OR same_dossier);
        RETURN NULL;
    END
    $$;

    -- A case's outcome event marked 'same_dossier' marks the case (not one
    -- whose code was kept: it is a dossier of its own).
    CREATE OR REPLACE FUNCTION case_events_same_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET same_dossier = true WHERE id = NEW.case_id AND NOT same_dossier AND NOT followup_kept;
        RETURN NULL;
    END
    $$;
    DROP TRIGGER IF EXISTS case_events_same_dossier ON case_events;
    CREATE TRIGGER case_events_same_dossier AFTER INSERT ON case_events FOR EACH ROW
        WHEN (NEW.kind = 'outcome' AND NEW.problem = 'same_dossier') EXECUTE FUNCTION case_events_same_dossier();
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00029 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    PERFORM set_config('work_mem', '256MB', true);
    -- The cases an outcome event marks: one pass over the events, before the
    -- lock (a case closed so since the first transaction is marked by the
    -- trigger).
    CREATE TEMPORARY TABLE same_dossier_moved ON COMMIT DROP AS
    SELECT DISTINCT e.case_id AS id FROM case_events e WHERE e.kind = 'outcome' AND e.problem = 'same_dossier';
    LOCK TABLE cases IN SHARE MODE;
    -- No rollup upkeep row by row: the cases marked are moved next, in one
    -- statement (updated_at stays: nothing a tally's AsOf follows changed).
    PERFORM set_config('dvcbot.tally_rollups', 'off', true);
    -- Of them, those not marked yet whose last outcome event says so, with
    -- no code of their own kept since.
    DELETE FROM same_dossier_moved s USING cases c WHERE c.id = s.id AND (c.same_dossier OR c.followup_kept
        OR (SELECT e.problem FROM case_events e WHERE e.case_id = c.id AND e.kind = 'outcome' ORDER BY e.id DESC LIMIT 1)
            IS DISTINCT FROM 'same_dossier');
    UPDATE cases SET same_dossier = true WHERE id IN (SELECT id FROM same_dossier_moved);
    -- Each case moved: its outcome line from unmarked to marked (d), its
    -- mode's dossiers filed (ok) by one; its cases and helped stay.
    INSERT INTO tally_counts AS t (month, province, dim, a, b, c, d, n, ok)
    SELECT x.month, x.province, x.dim, x.a, x.b, x.c, x.d, sum(x.n), sum(x.ok)
    FROM (SELECT tally_month(k.finished_at) AS month, coalesce(cm.province_code, '') AS province, v.dim, v.a, v.b, v.c, v.d, v.n,
            v.ok * CASE WHEN coalesce(k.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) THEN 1 ELSE 0 END AS ok
        FROM cases k JOIN same_dossier_moved s ON s.id = k.id LEFT JOIN communes cm ON cm.code = k.commune_code
        CROSS JOIN LATERAL (VALUES
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), coalesce(k.reason, ''), -1, -1),
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), 'same_dossier', 1, 1),
            ('mode', coalesce(k.mode, ''), k.kind, '', '', 0, -1)) v(dim, a, b, c, d, n, ok)
        WHERE k.status = 'closed' AND k.finished_at IS NOT NULL) x
    GROUP BY x.month, x.province, x.dim, x.a, x.b, x.c, x.d
    ON CONFLICT (month, province, dim, a, b, c, d) DO UPDATE SET n = t.n + excluded.n, ok = t.ok + excluded.ok;
    PERFORM set_config('dvcbot.tally_rollups', 'on', true);
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00029 (up): a transaction kept writing to the cases table for 10 s; the cases before were not marked yet, run the migration again'
        USING HINT = 'While it runs, case writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    LOCK TABLE cases IN ACCESS EXCLUSIVE MODE;
    DROP TRIGGER IF EXISTS case_events_same_dossier ON case_events;
    DROP FUNCTION IF EXISTS case_events_same_dossier();
    -- The cases marked go back to their outcome's line and count as
    -- dossiers filed, as 00023's upkeep counts them.
    PERFORM set_config('dvcbot.tally_rollups', 'off', true);
    CREATE TEMPORARY TABLE same_dossier_moved ON COMMIT DROP AS SELECT id FROM cases WHERE same_dossier;
    UPDATE cases SET same_dossier = false WHERE id IN (SELECT id FROM same_dossier_moved);
    -- Each case moved: its outcome line from marked (d) to unmarked, its
    -- mode's dossiers filed (ok) by one; its cases and helped stay.
    INSERT INTO tally_counts AS t (month, province, dim, a, b, c, d, n, ok)
    SELECT x.month, x.province, x.dim, x.a, x.b, x.c, x.d, sum(x.n), sum(x.ok)
    FROM (SELECT tally_month(k.finished_at) AS month, coalesce(cm.province_code, '') AS province, v.dim, v.a, v.b, v.c, v.d, v.n,
            v.ok * CASE WHEN coalesce(k.outcome IN ('submitted', 'paid', 'on_the_spot', 'done'), false) THEN 1 ELSE 0 END AS ok
        FROM cases k JOIN same_dossier_moved s ON s.id = k.id LEFT JOIN communes cm ON cm.code = k.commune_code
        CROSS JOIN LATERAL (VALUES
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), coalesce(k.reason, ''), 1, 1),
            ('guide', k.guide_id, k.kind, coalesce(k.outcome, ''), 'same_dossier', -1, -1),
            ('mode', coalesce(k.mode, ''), k.kind, '', '', 0, 1)) v(dim, a, b, c, d, n, ok)
        WHERE k.status = 'closed' AND k.finished_at IS NOT NULL) x
    GROUP BY x.month, x.province, x.dim, x.a, x.b, x.c, x.d
    ON CONFLICT (month, province, dim, a, b, c, d) DO UPDATE SET n = t.n + excluded.n, ok = t.ok + excluded.ok;
    PERFORM set_config('dvcbot.tally_rollups', 'on', true);
    -- A follow-up made marks its case: its code was kept.
    CREATE OR REPLACE FUNCTION followups_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET followup_kept = true WHERE id = NEW.case_id AND NOT followup_kept;
        RETURN NULL;
    END
    $$;
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
            consented, followed, resolved, late, unresolved, rated, rating_sum, as_of)
        VALUES (m, p, s, ok, s * coalesce(k.steps_done, 0), s * coalesce(k.steps_skipped, 0), s * coalesce(k.problems, 0),
            CASE WHEN k.followup_consent THEN s ELSE 0 END, CASE WHEN k.followup_kept THEN s ELSE 0 END,
            CASE WHEN k.followup_result IN ('received', 'received_late') THEN s ELSE 0 END,
            CASE WHEN k.followup_result = 'received_late' THEN s ELSE 0 END,
            CASE WHEN k.followup_result = 'problem' THEN s ELSE 0 END,
            CASE WHEN k.rating IS NOT NULL THEN s ELSE 0 END, s * coalesce(k.rating, 0),
            CASE WHEN s > 0 THEN k.updated_at END)
        ON CONFLICT (month, province) DO UPDATE SET cases = t.cases + excluded.cases, helped = t.helped + excluded.helped,
            steps_done = t.steps_done + excluded.steps_done, steps_skipped = t.steps_skipped + excluded.steps_skipped,
            problems = t.problems + excluded.problems, consented = t.consented + excluded.consented,
            followed = t.followed + excluded.followed,
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
            coalesce(c.problems, 0) AS problems, c.updated_at, c.followup_consent, c.followup_kept, c.followup_result, c.rating
        FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
        WHERE c.status = 'closed' AND c.finished_at IS NOT NULL;

        INSERT INTO tally_months (month, province, cases, helped, steps_done, steps_skipped, problems,
            consented, followed, resolved, late, unresolved, rated, rating_sum, as_of)
        SELECT month, province, count(*), count(*) FILTER (WHERE ok), sum(steps_done), sum(steps_skipped), sum(problems),
            count(*) FILTER (WHERE followup_consent), count(*) FILTER (WHERE followup_kept), count(*) FILTER (WHERE followup_result IN ('received', 'received_late')),
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

    ALTER TABLE cases DROP COLUMN IF EXISTS same_dossier;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00029 (down): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd
