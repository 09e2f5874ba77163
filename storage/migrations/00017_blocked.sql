-- A chat that blocked the bot (Telegram's my_chat_member "kicked" in a
-- private chat, or a reply refused "bot was blocked by the user"): when,
-- on the user row (a coordinator gets no weekly digest meanwhile) and on the
-- follow-ups whose resident is that chat (no reminder is sent meanwhile).
-- Only the time, beside rows kept already: nothing is stored for a chat the
-- bot keeps no row of. It is cleared when they come back (unblocking, or any
-- message or press), and goes with its row.

-- +goose Up
ALTER TABLE users ADD COLUMN blocked_at timestamptz;
ALTER TABLE followups ADD COLUMN blocked_at timestamptz;
-- Every update asks whether its chat is marked (to clear it): an index of
-- the marked follow-ups only, empty but for chats that blocked the bot.
CREATE INDEX followups_blocked ON followups (resident_chat) WHERE blocked_at IS NOT NULL;

-- +goose Down
DROP INDEX followups_blocked;
ALTER TABLE followups DROP COLUMN blocked_at;
ALTER TABLE users DROP COLUMN blocked_at;
