-- A member taken out of their team (removed, or left) has no name left and
-- is shown in reports as "Tình nguyện viên không còn trong đội (số N)".
-- N was their rank among all such members in the order each first closed
-- a case, read at each report: a removal anywhere in the country of one
-- who had closed a case earlier renumbered the rest, so a report passed
-- upward no longer matched the next month's. users.former_no is the
-- number itself, given once, when a member with a case is taken out
-- (storage.takeOut), from a sequence: the next removal takes the next
-- number and no one's changes. It stays if they join a team again (their
-- name is shown then) and is theirs again if they are taken out again.
--
-- Those taken out before this keep the number the reports gave them today
-- (the same order); those with open cases only come after them.
--
-- The column (nullable, no default: no rewrite) needs users to itself for
-- a moment, waiting at most 10 s for it.

-- +goose Up
-- +goose StatementBegin
DO $do$
BEGIN
    PERFORM set_config('lock_timeout', '10s', true);
    ALTER TABLE users ADD COLUMN former_no integer;
EXCEPTION WHEN lock_not_available THEN
    RAISE EXCEPTION 'migration 00039 (up): a transaction kept the users table for 10 s; nothing was changed, run the migration again'
        USING HINT = 'While it waits, the bot''s reads and writes of users wait for it (README.md, "Upgrading").';
END
$do$;
-- +goose StatementEnd
CREATE SEQUENCE users_former_no AS integer OWNED BY users.former_no;
UPDATE users u SET former_no = f.n
FROM (
    SELECT c.volunteer_id,
        row_number() OVER (ORDER BY min(c.finished_at) FILTER (WHERE c.status = 'closed') NULLS LAST, c.volunteer_id) AS n
    FROM cases c JOIN users g ON g.telegram_id = c.volunteer_id AND g.first_name = ''
    GROUP BY c.volunteer_id) f
WHERE u.telegram_id = f.volunteer_id;
SELECT setval('users_former_no', coalesce((SELECT max(former_no) FROM users), 0) + 1, false);

-- +goose Down
ALTER TABLE users DROP COLUMN former_no; -- and its sequence with it
