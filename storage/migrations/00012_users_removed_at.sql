-- When a member was removed from their team (/team's ✕): an invite link
-- made before that does not bring them back (a volunteer link shared in a
-- group stays valid for days); a link made since does. Only the time is
-- kept, not the unit they left; it goes when they join again.

-- +goose Up
ALTER TABLE users ADD COLUMN removed_at timestamptz;

-- +goose Down
ALTER TABLE users DROP COLUMN removed_at;
