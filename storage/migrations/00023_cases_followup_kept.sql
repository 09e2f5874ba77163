-- A tally's follow-up line counts the dossiers actually followed up: a case
-- whose dossier code was kept for a follow-up (cases.followup_kept), not one
-- whose resident said yes at its start (followup_consent) — a yes whose
-- dossier was then not filed, or filed with "Không có mã hồ sơ", is followed
-- by nobody and never reminded. A dossier stays followed once its code was
-- kept, also after the resident withdrew (/forget, the page's erase) or
-- retention deleted the follow-up: it was followed.
--
-- The bot sets the mark with the update that closes the case keeping the
-- code (storage.SaveCase: no statement more); a code kept otherwise (typed
-- after the case closed; kept by a version before this one, still serving
-- while this one starts) marks it as its follow-up goes in (the trigger
-- followups_kept: on the bot's path it finds the mark set and writes
-- nothing).
--
-- Cases before: the database keeps what only a kept code can have left — a
-- follow-up row; followup_forgotten (set only as /forget or the page's
-- erase deletes one); a result (set only from a follow-up); a rating (given
-- only through a follow-up: its chat or its page). A code deleted by
-- retention before any answer or rating left nothing: that dossier is not
-- counted.
--
-- The rollups keep their consented column (a version before this one
-- reads it) and count followed beside it.
--
-- Two transactions, so that nobody waits on the big table longer than
-- needed (README.md, "Upgrading"; docs/benchmarks.md): the first adds the
-- columns (a constant default: no rewrite), the functions and the trigger —
-- it needs cases to itself, for milliseconds once it has it; the second,
-- with cases locked SHARE (reads go on, case writes wait), marks the cases
-- before and counts followed again from every marked case (also those
-- marked between the two). Each waits at most 10 s for its lock, then stops
-- saying so; run again, it picks up where it stopped.

-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    ALTER TABLE cases ADD COLUMN IF NOT EXISTS followup_kept boolean NOT NULL DEFAULT false;
    ALTER TABLE tally_months ADD COLUMN IF NOT EXISTS followed integer NOT NULL DEFAULT 0;
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

    -- A follow-up made marks its case: its code was kept.
    CREATE OR REPLACE FUNCTION followups_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET followup_kept = true WHERE id = NEW.case_id AND NOT followup_kept;
        RETURN NULL;
    END
    $$;
    DROP TRIGGER IF EXISTS followups_kept ON followups;
    CREATE TRIGGER followups_kept AFTER INSERT ON followups FOR EACH ROW EXECUTE FUNCTION followups_kept();
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00023 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    LOCK TABLE cases IN SHARE MODE;
    -- No rollup upkeep row by row: followed is counted next, in one pass
    -- (updated_at stays: nothing a tally's AsOf follows changed).
    PERFORM set_config('dvcbot.tally_rollups', 'off', true);
    PERFORM set_config('work_mem', '256MB', true);
    UPDATE cases c SET followup_kept = true
    WHERE NOT c.followup_kept AND (c.followup_forgotten OR c.followup_result IS NOT NULL OR c.rating IS NOT NULL
        OR EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id));
    UPDATE tally_months SET followed = 0 WHERE followed <> 0;
    UPDATE tally_months t SET followed = x.n
    FROM (SELECT tally_month(c.finished_at) AS month, coalesce(cm.province_code, '') AS province, count(*) AS n
        FROM cases c LEFT JOIN communes cm ON cm.code = c.commune_code
        WHERE c.status = 'closed' AND c.finished_at IS NOT NULL AND c.followup_kept
        GROUP BY 1, 2) x
    WHERE t.month = x.month AND t.province = x.province;
    PERFORM set_config('dvcbot.tally_rollups', 'on', true);
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00023 (up): a transaction kept writing to the cases table for 10 s; the cases before were not marked yet, run the migration again'
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
    DROP TRIGGER IF EXISTS followups_kept ON followups;
    DROP FUNCTION IF EXISTS followups_kept();
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

    ALTER TABLE tally_months DROP COLUMN IF EXISTS followed;
    ALTER TABLE cases DROP COLUMN IF EXISTS followup_kept;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00023 (down): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd
