-- The teams a member was removed from, one row per removal: the team (its
-- commune, or a province coordinator's province) and when. A link that
-- team made before the removal does not bring them back to it, through
-- other teams they join, leave or are removed from since (RemovedSince);
-- another team's link takes them. Retention deletes a row once no invite
-- made before it can still be used. users.removed_at stays: /start tells
-- them they were removed, until they join a team or leave one.
-- A removal stored before this migration kept no team: it moves in as a
-- row without one, which counts for every team until the member joins one
-- (every link made before it stayed refused, as it was).

-- +goose Up
CREATE TABLE removals (
	telegram_id bigint NOT NULL REFERENCES users (telegram_id) ON DELETE CASCADE,
	commune_code text,
	province_code text,
	removed_at timestamptz NOT NULL
);
CREATE INDEX removals_telegram_id ON removals (telegram_id);
INSERT INTO removals (telegram_id, removed_at)
	SELECT telegram_id, removed_at FROM users WHERE removed_at IS NOT NULL;

-- +goose Down
DROP TABLE removals;
