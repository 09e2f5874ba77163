-- Assisted cases: one row per resident helped, one event per step. Privacy
-- (docs/privacy.md): nothing here names or identifies the resident; the
-- dossier code is kept apart, only with consent, in followups.

-- +goose Up
CREATE TABLE cases (
    id               bigserial PRIMARY KEY,
    volunteer_id     bigint      NOT NULL REFERENCES users (telegram_id),
    commune_code     text        REFERENCES communes (code), -- the volunteer's unit when the case began
    guide_id         text        NOT NULL,
    guide_checked    date        NOT NULL, -- the guide's checked_on: which text of it was followed
    mode             text        NOT NULL CHECK (mode IN ('toan-trinh', 'mot-phan')),
    steps_total      integer     NOT NULL,
    -- Where the case stands, so /resume continues exactly there.
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'closed')),
    phase            text        NOT NULL CHECK (phase IN ('checklist', 'steps', 'outcome', 'reason', 'dossier', 'done')),
    step             integer     NOT NULL DEFAULT 0, -- 0-based, while phase = 'steps'
    checked          text[]      NOT NULL DEFAULT '{}', -- prerequisites ticked
    followup_consent boolean     NOT NULL,
    consent_version  text        NOT NULL,
    outcome          text        CHECK (outcome IN ('submitted', 'paid', 'on_the_spot', 'not_submitted')),
    reason           text        CHECK (reason IN ('no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'other_reason')),
    started_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
CREATE INDEX cases_open ON cases (volunteer_id, updated_at DESC) WHERE status <> 'closed';
CREATE INDEX cases_volunteer_started ON cases (volunteer_id, started_at DESC);
CREATE INDEX cases_commune_started ON cases (commune_code, started_at DESC);

-- Every step event, with its time: where residents get stuck, how long
-- cases take. step is 1-based; problem is the guide's error id or 'other',
-- with the volunteer's short note (checked for personal data before it is
-- stored).
CREATE TABLE case_events (
    id      bigserial PRIMARY KEY,
    case_id bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at      timestamptz NOT NULL,
    kind    text        NOT NULL CHECK (kind IN ('start', 'checklist', 'done', 'problem', 'skip', 'back', 'pause', 'resume', 'outcome')),
    step    integer,
    step_id text,
    problem text,
    note    text
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Only with the resident's consent, apart from the case, and deleted when
-- the follow-up is over: the dossier code the resident tracks.
CREATE TABLE followups (
    case_id      bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    dossier_code text        NOT NULL,
    due_on       date,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE followups;
DROP TABLE case_events;
DROP TABLE cases;
