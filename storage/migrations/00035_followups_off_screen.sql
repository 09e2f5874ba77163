-- The copy of a dossier's card, in its resident's chat, whose buttons a
-- press on another copy last took off (one live card: handlers'
-- followupPress): a press on it after is a tap that left the phone before
-- the buttons went, and the copy it draws is the live one — the other
-- loses its buttons in turn. A message id only, nothing of the resident;
-- it goes with the row, and with the chat (a hand-over, an account
-- deleted). Nullable, no default: no rewrite.

-- +goose Up
ALTER TABLE followups ADD COLUMN off_screen integer;

-- +goose Down
ALTER TABLE followups DROP COLUMN off_screen;
