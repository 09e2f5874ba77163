-- A dossier code the volunteer corrected after the resident opened the
-- link, while their chat had blocked the bot: the code they were shown
-- before (a dossier code, as dossier_code is), kept until they are told of
-- the correction — when they unblock the bot, or on their next /start —
-- then cleared. On a row kept already; NULL otherwise.

-- +goose Up
ALTER TABLE followups ADD COLUMN code_untold_from text;

-- +goose Down
ALTER TABLE followups DROP COLUMN code_untold_from;
