-- A case that ended as the same dossier as case #A (00029: cases.same_dossier)
-- read in a coordinator's case list "the same dossier as another case": which
-- one was said only in the volunteer's closing message, so a coordinator
-- passing the spreadsheet upward could not match the two rows. The case log
-- keeps it now: cases.same_dossier_of, the id of the case that keeps the
-- code (a case id, nothing of the resident), set while same_dossier is.
--
-- The bot writes it as it closes the case (storage.SaveCase, with the
-- outcome event that marks same_dossier); a code of the case's own kept
-- afterwards clears it with the mark (followups_kept, below; SaveCase too,
-- as it keeps one). A version before this one, still serving, closes such a
-- case without it: its row says "another case", as before. Case #A is never
-- deleted by the bot (ON DELETE SET NULL: were it, the row would say
-- "another case" again). No tally counts it: the rollups need nothing.
--
-- The cases marked before: the kept case was one of the volunteer's, of the
-- same procedure, whose code was kept, closed at most a day before
-- (handlers' keptBy and sameDossier at the press). Where exactly one case is
-- so, it is that one and is filled in; where none or several are, the case
-- names none.
--
-- Two transactions. The first adds the column (no default, no rewrite: a
-- new column's foreign key is not checked against the rows) and the
-- trigger's function; it needs cases to itself for milliseconds once it has
-- it. The second fills in the cases marked before, row by row (no table
-- lock; updated_at and the rollups stay). Each waits at most 10 s for a
-- lock, then stops saying so; run again, it picks up where it stopped.

-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    ALTER TABLE cases ADD COLUMN IF NOT EXISTS same_dossier_of bigint REFERENCES cases (id) ON DELETE SET NULL;
    -- A follow-up made marks its case followed: its code was kept, so it
    -- is a dossier of its own (no longer the same dossier as another).
    CREATE OR REPLACE FUNCTION followups_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET followup_kept = true, same_dossier = false, same_dossier_of = NULL
        WHERE id = NEW.case_id AND (NOT followup_kept OR same_dossier OR same_dossier_of IS NOT NULL);
        RETURN NULL;
    END
    $$;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00030 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd

-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    -- No rollup upkeep: nothing a tally counts changes (nor updated_at).
    PERFORM set_config('dvcbot.tally_rollups', 'off', true);
    UPDATE cases c SET same_dossier_of = f.kept
    FROM (SELECT s.id, min(k.id) AS kept
        FROM cases s JOIN cases k ON k.volunteer_id = s.volunteer_id AND k.guide_id = s.guide_id AND k.id <> s.id
            AND k.status = 'closed' AND k.followup_kept
            AND k.finished_at >= s.finished_at - interval '1 day' AND k.finished_at <= s.finished_at
        WHERE s.same_dossier AND s.same_dossier_of IS NULL AND s.status = 'closed'
        GROUP BY s.id HAVING count(*) = 1) f
    WHERE c.id = f.id AND c.same_dossier AND c.same_dossier_of IS NULL;
    PERFORM set_config('dvcbot.tally_rollups', 'on', true);
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00030 (up): a case write held a case it fills in for 10 s; none was filled in, run the migration again'
        USING HINT = 'README.md, "Upgrading".';
END
$do$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    CREATE OR REPLACE FUNCTION followups_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE cases SET followup_kept = true, same_dossier = false WHERE id = NEW.case_id AND (NOT followup_kept OR same_dossier);
        RETURN NULL;
    END
    $$;
    ALTER TABLE cases DROP COLUMN IF EXISTS same_dossier_of;
EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
    RAISE EXCEPTION 'migration 00030 (down): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd
