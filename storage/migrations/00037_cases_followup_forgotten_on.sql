-- The /forget question a follow-up was erased from by its "🗑" in Telegram:
-- that message's id in its resident's chat (handlers: forgetPress). A
-- second tap of the same button, left the phone before the question
-- became what the first tap erased, carries the question with its buttons
-- still; it finds the follow-up gone, and this tells it from a dossier
-- erased elsewhere (its web page) while the question was on screen: the
-- message keeps what the first tap said. A message id only, nothing of
-- the resident (no chat id: the follow-up's went with its row). NULL for
-- a follow-up erased on its web page, by retention, or never erased.
--
-- Nullable, no default: no rewrite, but the ALTER takes the ACCESS
-- EXCLUSIVE lock on `cases` for a moment. Waiting longer than 10 s for it
-- changes nothing and says so.

-- +goose Up
SET LOCAL lock_timeout = '10s';
-- +goose StatementBegin
DO $$
BEGIN
    ALTER TABLE cases ADD COLUMN followup_forgotten_on integer;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00037 (up): a transaction kept the cases table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, case reads and writes wait for it (README.md, "Upgrading").';
END
$$;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE cases DROP COLUMN followup_forgotten_on;
