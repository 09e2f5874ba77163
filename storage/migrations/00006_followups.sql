-- Following a resident up (docs/privacy.md): a link (the token) the
-- volunteer hands over, the resident's own consent to reminders, where the
-- reminders stand, and the resident's answers. What identifies anyone — the
-- resident's chat id, the dossier code, the comment — lives only here and
-- goes with the row (/forget, or the retention job); the case keeps the
-- anonymous numbers reports count: the rating and the result.

-- +goose Up
ALTER TABLE followups
    -- The link: ≥ 96 random bits, base64url, Telegram's deep-link alphabet.
    ADD COLUMN token            text,
    ADD COLUMN due_known        boolean     NOT NULL DEFAULT false, -- false: due_on is an estimate ("dự kiến")
    -- The resident: their chat (NULL until someone opens the link; the first
    -- chat keeps it) and language, nothing else.
    ADD COLUMN resident_chat    bigint,
    ADD COLUMN resident_lang    text        CHECK (resident_lang IN ('vi', 'en')),
    ADD COLUMN opened_at        timestamptz,
    -- Their own consent to reminders (NULL: not asked yet), with the version
    -- of the text they read.
    ADD COLUMN consent          boolean,
    ADD COLUMN consent_version  text,
    ADD COLUMN consent_at       timestamptz,
    -- Where the follow-up stands.
    ADD COLUMN status           text        NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'received', 'problem', 'ended')),
    ADD COLUMN reminders_sent   smallint    NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
    ADD COLUMN next_reminder_on date, -- NULL: none planned (answer awaited, or over)
    ADD COLUMN comment          text        CHECK (char_length(comment) BETWEEN 1 AND 200),
    ADD COLUMN rated_at         timestamptz,
    ADD COLUMN ended_at         timestamptz,
    ADD CONSTRAINT followups_consent CHECK ((consent IS NULL) = (consent_at IS NULL)
        AND (consent IS NULL OR consent_version IS NOT NULL)),
    ADD CONSTRAINT followups_ended CHECK ((status = 'waiting') = (ended_at IS NULL));

-- Follow-ups kept before links existed get one now (two v4 UUIDs: 244
-- random bits).
UPDATE followups SET token = rtrim(translate(encode(
        decode(replace(gen_random_uuid()::text, '-', ''), 'hex') || decode(replace(gen_random_uuid()::text, '-', ''), 'hex'),
        'base64'), '+/', '-_'), '=')
    WHERE token IS NULL;
UPDATE followups SET next_reminder_on = due_on;
ALTER TABLE followups ALTER COLUMN token SET NOT NULL,
    ADD CONSTRAINT followups_token CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$');
CREATE UNIQUE INDEX followups_token_key ON followups (token);
CREATE INDEX followups_resident ON followups (resident_chat) WHERE resident_chat IS NOT NULL;
-- What a reminder job looks for: waiting follow-ups with a date.
CREATE INDEX followups_next ON followups (next_reminder_on) WHERE status = 'waiting' AND next_reminder_on IS NOT NULL;

-- The anonymous numbers that outlive the follow-up.
ALTER TABLE cases
    ADD COLUMN rating          smallint CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN followup_result text     CHECK (followup_result IN ('received', 'received_late', 'problem'));

-- +goose Down
ALTER TABLE cases DROP COLUMN followup_result, DROP COLUMN rating;
DROP INDEX followups_next;
DROP INDEX followups_resident;
DROP INDEX followups_token_key;
ALTER TABLE followups
    DROP CONSTRAINT followups_token,
    DROP CONSTRAINT followups_ended,
    DROP CONSTRAINT followups_consent,
    DROP COLUMN ended_at,
    DROP COLUMN rated_at,
    DROP COLUMN comment,
    DROP COLUMN next_reminder_on,
    DROP COLUMN reminders_sent,
    DROP COLUMN status,
    DROP COLUMN consent_at,
    DROP COLUMN consent_version,
    DROP COLUMN consent,
    DROP COLUMN opened_at,
    DROP COLUMN resident_lang,
    DROP COLUMN resident_chat,
    DROP COLUMN due_known,
    DROP COLUMN token;
