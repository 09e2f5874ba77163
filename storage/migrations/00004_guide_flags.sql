-- Volunteers flag a step whose portal screen differs from its guide: the loop
-- that keeps the catalog true after the people who wrote it are gone. Nothing
-- here names anyone: the guide, its version, the step, the commune, what
-- differed, and a short note checked for personal data.

-- +goose Up
CREATE TABLE guide_flags (
    id            bigserial PRIMARY KEY,
    guide_id      text        NOT NULL,
    guide_checked date        NOT NULL, -- the guide's checked_on when flagged: which text differed
    step_id       text        NOT NULL,
    step          integer     NOT NULL, -- 1-based, as the volunteer saw it
    commune_code  text        REFERENCES communes (code),
    what          text        NOT NULL CHECK (what IN ('button', 'missing', 'order', 'error', 'other')),
    note          text,
    created_at    timestamptz NOT NULL,
    resolved_at   timestamptz
);
CREATE INDEX guide_flags_open ON guide_flags (guide_id, step_id) WHERE resolved_at IS NULL;
CREATE INDEX guide_flags_notes ON guide_flags (created_at) WHERE note IS NOT NULL;

-- +goose Down
DROP TABLE guide_flags;
