-- The question of a reminder that a resident coming back (unblocking the
-- bot) was asked at once, because it had been recorded asked while they
-- had blocked the bot: when. Telegram's "Restart" sends the unblock and a
-- /start together: the /start right behind the unblock (nothing else from
-- the chat between them) does not ask it again. Only a time, on a row kept
-- already; cleared by the chat's next update, as the block's mark is.

-- +goose Up
ALTER TABLE followups ADD COLUMN asked_back_at timestamptz;
-- Every update asks whether its chat is marked (to clear it): one index of
-- the marked follow-ups, empty but for chats that blocked the bot or just
-- came back.
DROP INDEX followups_blocked;
CREATE INDEX followups_marked ON followups (resident_chat) WHERE blocked_at IS NOT NULL OR asked_back_at IS NOT NULL;

-- +goose Down
DROP INDEX followups_marked;
CREATE INDEX followups_blocked ON followups (resident_chat) WHERE blocked_at IS NOT NULL;
ALTER TABLE followups DROP COLUMN asked_back_at;
