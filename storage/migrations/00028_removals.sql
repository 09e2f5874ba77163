-- The teams a member was removed from, one row per removal: the team (its
-- commune, or a province coordinator's province) and when. A link that
-- team made before the removal does not bring them back to it, through
-- other teams they join and leave since (RemovedSince). Kept before in
-- users.removed_from_commune, removed_from_province and removed_from_at
-- (00026, 00027), one team only: a removal from a second team replaced the
-- first, whose older links took the member back again. Retention deletes
-- a row once no invite made before it can still be used. A row with no
-- team (a removal stored before 00026) counts for every team until the
-- member joins one. users.removed_at stays: /start tells them they were
-- removed, until they join a team or leave one.

-- +goose Up
CREATE TABLE removals (
	telegram_id bigint NOT NULL REFERENCES users (telegram_id) ON DELETE CASCADE,
	commune_code text,
	province_code text,
	removed_at timestamptz NOT NULL
);
CREATE INDEX removals_telegram_id ON removals (telegram_id);
INSERT INTO removals (telegram_id, commune_code, province_code, removed_at)
	SELECT telegram_id, removed_from_commune, removed_from_province, removed_from_at
	FROM users WHERE removed_from_at IS NOT NULL;
ALTER TABLE users DROP COLUMN removed_from_commune, DROP COLUMN removed_from_province, DROP COLUMN removed_from_at;

-- +goose Down
ALTER TABLE users ADD COLUMN removed_from_commune text, ADD COLUMN removed_from_province text,
	ADD COLUMN removed_from_at timestamptz;
UPDATE users u SET removed_from_commune = r.commune_code, removed_from_province = r.province_code,
	removed_from_at = r.removed_at
	FROM (SELECT DISTINCT ON (telegram_id) * FROM removals ORDER BY telegram_id, removed_at DESC) r
	WHERE r.telegram_id = u.telegram_id;
DROP TABLE removals;
