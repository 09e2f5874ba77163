-- A reply's body is JSON of a few hundred bytes, or a picture (a PNG,
-- compressed already, in base64). The server tried to compress every body
-- over 2 kB before storing it out of line, and for a picture found nothing
-- to save (a follow-up slip's 43 kB body stayed 43 kB): pglz_compress was
-- 0.8% of the machine's CPU under the bench. A body is written, read at
-- most once or twice and deleted: store it out of line as it is.

-- +goose Up
ALTER TABLE outbox ALTER COLUMN body SET STORAGE EXTERNAL;

-- +goose Down
ALTER TABLE outbox ALTER COLUMN body SET STORAGE EXTENDED;
