-- The case log tells the truth (issue: outcomes that cannot be overwritten,
-- account tasks that are not dossiers, a wrong pick thrown away) and keeps
-- less about people.

-- +goose Up
-- What kind of help a case was, as its guide declares it (guides/README.md):
-- a dossier, an account task or a payment. Cases logged before guides
-- declared their kind are classified by the guides shipped then.
ALTER TABLE cases ADD COLUMN kind text NOT NULL DEFAULT 'dossier';
UPDATE cases SET kind = 'account' WHERE guide_id IN ('vneid-mat-khau', 'vneid-muc-2');
UPDATE cases SET kind = 'payment' WHERE guide_id IN ('thanh-toan', 'nop-phat');
ALTER TABLE cases ALTER COLUMN kind DROP DEFAULT,
    ADD CONSTRAINT cases_kind CHECK (kind IN ('dossier', 'account', 'payment'));

-- Each kind has its outcomes: an account task or a payment is done or not
-- done, never "submitted".
ALTER TABLE cases DROP CONSTRAINT cases_outcome_check;
UPDATE cases SET outcome = CASE WHEN outcome = 'not_submitted' THEN 'not_done' ELSE 'done' END
WHERE kind <> 'dossier' AND outcome IS NOT NULL;
ALTER TABLE cases ADD CONSTRAINT cases_outcome CHECK (outcome IS NULL
    OR (kind = 'dossier' AND outcome IN ('submitted', 'paid', 'on_the_spot', 'not_submitted'))
    OR (kind <> 'dossier' AND outcome IN ('done', 'not_done')));

-- Only a dossier has a mode (toàn trình, một phần).
ALTER TABLE cases DROP CONSTRAINT cases_mode_check, ALTER COLUMN mode DROP NOT NULL;
UPDATE cases SET mode = NULL WHERE kind <> 'dossier';
ALTER TABLE cases ADD CONSTRAINT cases_mode CHECK (
    CASE WHEN kind = 'dossier' THEN mode IN ('toan-trinh', 'mot-phan') ELSE mode IS NULL END);

ALTER TABLE cases DROP CONSTRAINT cases_reason_check;
ALTER TABLE cases ADD CONSTRAINT cases_reason CHECK (reason IN (
    'no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'not_eligible', 'other_reason',
    'no_otp', 'in_person', 'app_error', 'no_account'));

-- A wrong pick thrown away is 'discarded': never counted, its events gone.
ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status CHECK (status IN ('open', 'paused', 'closed', 'discarded'));

-- The phase a case was ended from (End on its pause message, or "could not
-- submit" on the outcome question): Back on the reason question returns
-- exactly there. Cases waiting for a reason today get the best guess the
-- earlier code made.
ALTER TABLE cases ADD COLUMN ended_from text CHECK (ended_from IN ('checklist', 'steps', 'outcome'));
UPDATE cases SET ended_from = CASE WHEN step < steps_total - 1 THEN 'steps' ELSE 'outcome' END
WHERE phase = 'reason' AND status <> 'closed';

-- Whether a step was done, skipped or had a problem: until then the pick
-- can be thrown away.
ALTER TABLE cases ADD COLUMN progressed boolean NOT NULL DEFAULT false;
UPDATE cases SET progressed = EXISTS (
    SELECT 1 FROM case_events e WHERE e.case_id = cases.id AND e.kind IN ('done', 'skip', 'problem'));

-- Retention (docs/privacy.md): notes are cleared after 180 days (parked
-- updates' payloads after 14: the index was made here, bot/migrations keeps it).
CREATE INDEX case_events_notes ON case_events (at) WHERE note IS NOT NULL;

-- People are kept only when they join a team: a guest keeps at most a
-- chosen language, no name. (A guest row a case refers to is an admin's:
-- admins come from the configuration, and are staff.)
DELETE FROM users u WHERE role = 'guest' AND language = ''
    AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id);
UPDATE users u SET first_name = '' WHERE role = 'guest'
    AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.volunteer_id = u.telegram_id);

-- +goose Down
ALTER TABLE cases DROP COLUMN progressed, DROP COLUMN ended_from;
DROP INDEX case_events_notes;
DELETE FROM cases WHERE status = 'discarded';
ALTER TABLE cases DROP CONSTRAINT cases_status, ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'paused', 'closed'));
UPDATE cases SET reason = 'other_reason' WHERE reason IN ('not_eligible', 'no_otp', 'in_person', 'app_error', 'no_account');
ALTER TABLE cases DROP CONSTRAINT cases_reason, ADD CONSTRAINT cases_reason_check CHECK (reason IN ('no_vneid', 'missing_doc', 'portal_error', 'changed_mind', 'other_reason'));
UPDATE cases SET mode = 'toan-trinh' WHERE mode IS NULL;
ALTER TABLE cases DROP CONSTRAINT cases_mode, ALTER COLUMN mode SET NOT NULL, ADD CONSTRAINT cases_mode_check CHECK (mode IN ('toan-trinh', 'mot-phan'));
ALTER TABLE cases DROP CONSTRAINT cases_outcome;
UPDATE cases SET outcome = CASE WHEN outcome = 'not_done' THEN 'not_submitted' ELSE 'submitted' END WHERE outcome IN ('done', 'not_done');
ALTER TABLE cases ADD CONSTRAINT cases_outcome_check CHECK (outcome IN ('submitted', 'paid', 'on_the_spot', 'not_submitted'));
ALTER TABLE cases DROP COLUMN kind;
