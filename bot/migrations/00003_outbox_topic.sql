-- What a reply is about (bot.About: a follow-up, say), so that it can be
-- withdrawn — unsent, or kept after it was dropped — when that must be
-- forgotten (bot.Withdraw; docs/privacy.md). Most replies are about
-- nothing in particular: the index holds only the ones that are.

-- +goose Up
ALTER TABLE outbox ADD COLUMN topic text;
CREATE INDEX outbox_topic ON outbox (topic) WHERE topic IS NOT NULL;

-- +goose Down
DROP INDEX outbox_topic;
ALTER TABLE outbox DROP COLUMN topic;
