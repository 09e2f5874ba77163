-- Whether the volunteer replaced the follow-up's dossier code after the
-- slip was given (a mistyped one corrected): the link's page says the code
-- shown is the one to use, since the slip in the resident's hand may carry
-- the old one. Only that it happened: neither the old code (which may be
-- another person's dossier) nor when. Constant default: no rewrite.

-- +goose Up
ALTER TABLE followups ADD COLUMN code_corrected boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE followups DROP COLUMN code_corrected;
