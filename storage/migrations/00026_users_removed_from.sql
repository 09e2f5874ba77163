-- The team a removed member was taken out of (its commune, or a province
-- coordinator's province), kept beside removed_at: a link made before the
-- removal keeps them out of that team and takes them into any other (a
-- volunteer who moved to another ward joins it with the link its
-- coordinator sent). When it is forgotten: 00027 (removed_from_at). A
-- removal stored before this kept no team: every link made before it
-- stays refused, as it was.

-- +goose Up
ALTER TABLE users ADD COLUMN removed_from_commune text, ADD COLUMN removed_from_province text;

-- +goose Down
ALTER TABLE users DROP COLUMN removed_from_commune, DROP COLUMN removed_from_province;
