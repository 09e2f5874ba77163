-- How many working days a follow-up's due date was counted with: its
-- guide's count when the dossier code was kept, the date then told to the
-- resident (the slip, the page, the bot). An estimated date (counted over
-- days off not announced yet) is counted again with it when the calendar
-- changes (handlers.RedateEstimates), not with the guide's count of that
-- day: a guide updated since does not move a date told already. A small
-- number, nothing about the resident; NULL on rows kept before (counted
-- again with their guide's count, as before) and for a guide with no count.

-- +goose Up
ALTER TABLE followups ADD COLUMN due_days smallint;

-- +goose Down
ALTER TABLE followups DROP COLUMN due_days;
