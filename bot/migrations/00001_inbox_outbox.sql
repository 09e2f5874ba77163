-- The runtime's own tables: the update inbox and the reply outbox. They
-- describe Telegram traffic, not volunteers or cases. The inbox used to be
-- made by storage's first migration, hence IF NOT EXISTS.

-- +goose Up
-- The inbox: an update is stored before Telegram is told it arrived and marked
-- done in the transaction of its effects. The payload is dropped once the
-- update is done: only the id stays, to recognise a re-delivery. It is kept
-- as the bytes received (bytea, not jsonb): jsonb refuses some valid JSON
-- (a \u0000 escape), and one such update must not block the inbox.
-- attempts counts the starts recorded before a try (all but the first try of
-- an update fresh from Telegram): an update that kills the process every
-- time is parked after a few.
CREATE TABLE IF NOT EXISTS updates (
    update_id   bigint PRIMARY KEY,
    chat_id     bigint      NOT NULL,
    payload     bytea,
    status      text        NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'done', 'failed')),
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    received_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS updates_pending ON updates (update_id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS updates_pending_chat ON updates (chat_id, update_id) WHERE status = 'pending';
-- Parked payloads are cleared after 14 days (docs/privacy.md).
CREATE INDEX IF NOT EXISTS updates_parked ON updates (finished_at) WHERE status = 'failed' AND payload IS NOT NULL;

-- The outbox: the replies of an update, written in the transaction that
-- handles it, sent after the commit and deleted once Telegram took them.
-- owner/lease_until say which process is sending a row and until when; a row
-- with no live lease is anyone's to send (the sweep, the next start). A row
-- Telegram refused, or that kept failing, stays as 'dropped' with its error
-- for 14 days (docs/privacy.md), then goes.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    chat_id     bigint      NOT NULL,
    update_id   bigint,
    kind        text        NOT NULL,
    body        bytea       NOT NULL,
    status      text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dropped')),
    owner       text,
    lease_until timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (chat_id, id) WHERE status = 'pending';
CREATE INDEX outbox_dropped ON outbox (finished_at) WHERE status = 'dropped';

-- +goose Down
DROP TABLE outbox;
