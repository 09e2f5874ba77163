-- Province coordinators (Tỉnh đoàn) see every commune of their province; a
-- coordinator may turn the weekly digest off.

-- +goose Up
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role CHECK (role IN ('guest', 'volunteer', 'coordinator', 'province_coordinator', 'admin'));
-- A province coordinator's unit is a province (commune_code NULL); everyone
-- else's is a commune, whose province the communes table gives.
ALTER TABLE users ADD COLUMN province_code text REFERENCES provinces (code);
ALTER TABLE users ADD CONSTRAINT users_unit CHECK (
    CASE WHEN role = 'province_coordinator' THEN province_code IS NOT NULL AND commune_code IS NULL
    ELSE province_code IS NULL END);
ALTER TABLE users ADD COLUMN digest boolean NOT NULL DEFAULT true;

ALTER TABLE invites DROP CONSTRAINT invites_role_check;
ALTER TABLE invites ALTER COLUMN commune_code DROP NOT NULL;
ALTER TABLE invites ADD COLUMN province_code text REFERENCES provinces (code);
ALTER TABLE invites ADD COLUMN revoked_at timestamptz;
ALTER TABLE invites ADD CONSTRAINT invites_unit CHECK (
    CASE WHEN role = 'province_coordinator' THEN province_code IS NOT NULL AND commune_code IS NULL
    ELSE role IN ('volunteer', 'coordinator') AND commune_code IS NOT NULL AND province_code IS NULL END);
CREATE INDEX invites_commune ON invites (commune_code, created_at DESC);
CREATE INDEX invites_province ON invites (province_code, created_at DESC);
CREATE INDEX users_province ON users (province_code) WHERE province_code IS NOT NULL;

-- +goose Down
DROP INDEX users_province;
DROP INDEX invites_province;
DROP INDEX invites_commune;
DELETE FROM invites WHERE role = 'province_coordinator';
ALTER TABLE invites DROP CONSTRAINT invites_unit, DROP COLUMN revoked_at, DROP COLUMN province_code;
ALTER TABLE invites ALTER COLUMN commune_code SET NOT NULL;
ALTER TABLE invites ADD CONSTRAINT invites_role_check CHECK (role IN ('volunteer', 'coordinator'));
UPDATE users SET role = 'guest', province_code = NULL WHERE role = 'province_coordinator';
ALTER TABLE users DROP COLUMN digest;
ALTER TABLE users DROP CONSTRAINT users_unit, DROP COLUMN province_code;
ALTER TABLE users DROP CONSTRAINT users_role;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('guest', 'volunteer', 'coordinator', 'admin'));
