-- When a member was removed from the team kept in removed_from_commune /
-- removed_from_province (00026), apart from removed_at: removed_at says
-- that their last way out of a team was a removal (/start tells them so)
-- and goes when they join a team or leave one themselves (/leave); this
-- one, with the team, stays through another team and through leaving it,
-- so that the removed team's links made before it do not bring them back
-- by way of another team. A new removal replaces it; retention clears it
-- once no invite made before it can still be used. A removal stored
-- before 00026 kept no team: it counts for every team until they join
-- one, as it did.

-- +goose Up
ALTER TABLE users ADD COLUMN removed_from_at timestamptz;
UPDATE users SET removed_from_at = removed_at WHERE removed_at IS NOT NULL;

-- +goose Down
ALTER TABLE users DROP COLUMN removed_from_at;
