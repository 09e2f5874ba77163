-- When the answer to the comment question ("Không nhận xét", keep the
-- comment, clear it) last drew the dossier's card on that question's
-- message: another button of it pressed within the tap guard is the second
-- tap of a double tap, landed on the button the card put where the pressed
-- one was (handlers: secondTap). A time only, nothing of the resident; it
-- goes with the row, and with the chat (a hand-over, an account deleted).
-- Nullable, no default: no rewrite.

-- +goose Up
ALTER TABLE followups ADD COLUMN redrawn_at timestamptz;

-- +goose Down
ALTER TABLE followups DROP COLUMN redrawn_at;
