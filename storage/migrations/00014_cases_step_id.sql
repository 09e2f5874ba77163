-- Where a case in its steps stands, by the step's id as well as its number:
-- a deploy may bring a guide that gained, lost or reordered steps while a
-- volunteer is on one, and a press on the step they see must count for
-- that step, not for whatever step now has its number (handlers'
-- caseAndGuide). NULL outside the steps, and for cases saved before this.

-- +goose Up
ALTER TABLE cases ADD COLUMN step_id text;

-- +goose Down
ALTER TABLE cases DROP COLUMN step_id;
