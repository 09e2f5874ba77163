-- A resident who asked to be forgotten (/forget) stays forgotten: the case
-- keeps that its follow-up was deleted at the resident's word (nothing
-- about the resident: a yes), so that no dossier code is kept for it again
-- — a volunteer who, not knowing, types the code a minute later is told so
-- instead of making the resident a new link.

-- +goose Up
ALTER TABLE cases ADD COLUMN followup_forgotten boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE cases DROP COLUMN followup_forgotten;
