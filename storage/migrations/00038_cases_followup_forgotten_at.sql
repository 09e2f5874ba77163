-- cases.followup_forgotten_on (00037), the /forget question a follow-up was
-- erased from, matters only while a second tap of its button may still
-- come: seconds after the first, or, the bot down, when Telegram delivers
-- it (a day at most). It stayed on the case for ever, a number that means
-- nothing without the chat, which is not kept. followup_forgotten_at is
-- when it was noted: retention clears both two days later
-- (storage.ForgottenPressDays). A time, nothing of the resident.
--
-- Two steps, neither holding cases for longer than a moment. The column
-- (nullable, no default: no rewrite) needs cases to itself for a moment,
-- waiting at most 10 s for it. The partial index retention reads (empty
-- at first) is built CONCURRENTLY: it scans cases without blocking case
-- writes. A message id noted before this (or by the version before, still
-- serving) has no time: retention clears it at its next run.

-- +goose NO TRANSACTION
-- +goose Up
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    ALTER TABLE cases ADD COLUMN IF NOT EXISTS followup_forgotten_at timestamptz;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00038 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd

-- An index left invalid by a build that stopped is built again.
-- +goose StatementBegin
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname = 'cases_followup_forgotten_on' AND NOT i.indisvalid) THEN
        DROP INDEX cases_followup_forgotten_on;
    END IF;
END
$do$;
-- +goose StatementEnd
CREATE INDEX CONCURRENTLY IF NOT EXISTS cases_followup_forgotten_on ON cases (followup_forgotten_at)
    WHERE followup_forgotten_on IS NOT NULL;

-- +goose Down
DROP INDEX IF EXISTS cases_followup_forgotten_on;
ALTER TABLE cases DROP COLUMN IF EXISTS followup_forgotten_at;
