-- A follow-up link typed off the printed slip: its font draws l and I, O
-- and 0 alike, and a phone types capitals of its own. A token is found by
-- its loose form too (storage.looseToken: lower case, i and l as 1, o as
-- 0), which keeps some 123 of its 144 random bits. The exact token is
-- tried first; this index serves the loose lookup.

-- +goose Up
CREATE INDEX followups_token_loose ON followups (translate(lower(token), 'ilo', '110'));

-- +goose Down
DROP INDEX followups_token_loose;
