-- The first schema: administrative units, people, invites and conversations.
-- The update inbox was created here too; it now belongs to the runtime
-- (bot/migrations), which creates it where it is missing.
-- Privacy (docs/privacy.md): nothing here describes a resident.

-- +goose Up
-- sort_name is the folded name: lists sort as a Vietnamese reader expects
-- (Đ with D), which byte order does not.
CREATE TABLE provinces (
    code      text PRIMARY KEY,
    name      text NOT NULL,
    kind      text NOT NULL,
    sort_name text NOT NULL
);

CREATE TABLE communes (
    code          text PRIMARY KEY,
    province_code text NOT NULL REFERENCES provinces (code),
    name          text NOT NULL,
    kind          text NOT NULL,
    sort_name     text NOT NULL
);
CREATE INDEX communes_province ON communes (province_code, sort_name);

-- Every name a commune can be found by: its current name and the pre-2025
-- communes merged into it. search is the folded text padded with spaces, so
-- that a word matches with LIKE '% word %'.
CREATE TABLE commune_names (
    id           bigserial PRIMARY KEY,
    commune_code text    NOT NULL REFERENCES communes (code),
    label        text    NOT NULL,
    is_current   boolean NOT NULL,
    search       text    NOT NULL
);
CREATE INDEX commune_names_commune ON commune_names (commune_code);

CREATE TABLE users (
    telegram_id  bigint PRIMARY KEY,
    first_name   text        NOT NULL DEFAULT '',
    language     text        NOT NULL DEFAULT '',
    role         text        NOT NULL DEFAULT 'guest'
                 CHECK (role IN ('guest', 'volunteer', 'coordinator', 'admin')),
    commune_code text        REFERENCES communes (code),
    joined_at    timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_commune ON users (commune_code);

CREATE TABLE invites (
    code         text PRIMARY KEY,
    commune_code text        NOT NULL REFERENCES communes (code),
    role         text        NOT NULL CHECK (role IN ('volunteer', 'coordinator')),
    created_by   bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    max_uses     integer     NOT NULL CHECK (max_uses > 0),
    uses         integer     NOT NULL DEFAULT 0
);

-- One row of conversation state per chat: the flow and step it is in, small
-- data, and a version that outdated buttons are checked against.
CREATE TABLE conversations (
    chat_id    bigint PRIMARY KEY,
    flow       text        NOT NULL,
    step       text        NOT NULL,
    data       jsonb       NOT NULL DEFAULT '{}',
    message_id integer     NOT NULL DEFAULT 0,
    version    integer     NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE conversations;
DROP TABLE invites;
DROP TABLE users;
DROP TABLE commune_names;
DROP TABLE communes;
DROP TABLE provinces;
