-- A case can end "no procedure needed": the volunteer found that the
-- resident needs none (the health-insurance card in VNeID suffices, no
-- certified copy is needed, the licence need not be exchanged yet…) and
-- advised them so. It was ended "not eligible", and counted as not done.
-- It is stored as a reason of the kind's "could not be done" outcome, so a
-- version before this one, still serving, reads it as not done; this one's
-- tallies count it on a line of its own (storage.TallyNotNeeded, read from
-- the reason as TallySameDossier is read from its mark): the rollups need
-- nothing new.
--
-- The new list holds every value of the old one, so the rows already stored
-- satisfy it: the constraint is added NOT VALID, which checks new writes
-- without scanning `cases` under the ACCESS EXCLUSIVE lock the ALTER takes
-- (held to goose's commit). Waiting longer than 10 s for that lock changes
-- nothing and says so.

-- +goose Up
SET LOCAL lock_timeout = '10s';
-- +goose StatementBegin
DO $$
BEGIN
    ALTER TABLE cases DROP CONSTRAINT cases_reason,
        ADD CONSTRAINT cases_reason CHECK (reason IN (
            'no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'not_eligible', 'other_reason',
            'no_otp', 'in_person', 'app_error', 'no_account', 'self_later', 'not_needed')) NOT VALID;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00031 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$$;
-- +goose StatementEnd

-- +goose Down
-- A case "no procedure needed" becomes "other reason": not done, as the
-- version before this one counts it.
UPDATE cases SET reason = 'other_reason' WHERE reason = 'not_needed';
-- The rollups' deferred triggers run now: ALTER TABLE refuses a table with
-- trigger events pending.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE cases DROP CONSTRAINT cases_reason,
    ADD CONSTRAINT cases_reason CHECK (reason IN (
        'no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'not_eligible', 'other_reason',
        'no_otp', 'in_person', 'app_error', 'no_account', 'self_later')) NOT VALID;
