-- Whether the card of the dossier on screen (on_screen, migration 00033)
-- asks the reminder question, or is the answer just given to it: a plain
-- "có" or "không" typed then answers that question as its button does
-- (handlers: typedConsent), and not a question another screen of the same
-- dossier asks (a hand-over's, a problem's). Nothing of the resident. Its
-- default is constant: no rewrite.

-- +goose Up
ALTER TABLE followups ADD COLUMN on_screen_consent boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE followups DROP COLUMN on_screen_consent;
