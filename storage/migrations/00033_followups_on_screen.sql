-- The dossier on screen in its resident's chat: the follow-up whose card
-- (its link's screen, a reminder, its "received?" question, a screen drawn
-- after a press on it) is the last follow-up message the chat received, so
-- that a star count typed in a chat following several is that dossier's
-- (handlers: typedRating) and /lang draws that card again below. At most
-- one follow-up of a chat holds it; a list of several clears it. A message
-- id only, nothing of the resident; it goes with the row (/forget, the web
-- page's erase, retention). NULL: not on screen; > 0: the message the card
-- is on; 0: a card sent as a new message whose id Telegram has not told yet;
-- -n: as 0, with n older copies still to come that /lang replaced (each
-- loses its buttons when its id comes). Nullable, no default: no rewrite.

-- +goose Up
ALTER TABLE followups ADD COLUMN on_screen integer;

-- +goose Down
ALTER TABLE followups DROP COLUMN on_screen;
