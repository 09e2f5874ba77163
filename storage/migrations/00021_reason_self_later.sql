-- A case can end "explained; the resident will finish it later": the
-- volunteer showed the way and the resident chose to submit, sign up or pay
-- at home. It is still not done here, so it is a reason of the kind's "could
-- not be done" outcome (reports count it there, by name), not an outcome
-- that would count as done.
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
            'no_otp', 'in_person', 'app_error', 'no_account', 'self_later')) NOT VALID;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00021 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again';
END
$$;
-- +goose StatementEnd

-- +goose Down
UPDATE cases SET reason = 'other_reason' WHERE reason = 'self_later';
-- The rollups' deferred triggers run now: ALTER TABLE refuses a table with
-- trigger events pending.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE cases DROP CONSTRAINT cases_reason,
    ADD CONSTRAINT cases_reason CHECK (reason IN (
        'no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'not_eligible', 'other_reason',
        'no_otp', 'in_person', 'app_error', 'no_account'));
