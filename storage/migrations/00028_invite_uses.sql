-- Who joined by which invite link: someone who opens again a link they
-- joined by (back after /leave) spends no second use of it, and a
-- coordinator's link, for one person, takes its own person back.
-- Retention deletes a row once its link has expired; it goes with the
-- person's users row. Links used before this migration kept no names:
-- their uses stay counted as they were.

-- +goose Up
CREATE TABLE invite_uses (
	code text NOT NULL REFERENCES invites (code) ON DELETE CASCADE,
	telegram_id bigint NOT NULL REFERENCES users (telegram_id) ON DELETE CASCADE,
	PRIMARY KEY (code, telegram_id)
);
CREATE INDEX invite_uses_telegram_id ON invite_uses (telegram_id);

-- +goose Down
DROP TABLE invite_uses;
