-- A follow-up whose guide gives no working-day count has no due date; its
-- resident, who agreed to be asked about the result, was never asked. New
-- ones are asked 5 working days after the case (handlers' checkInDays,
-- Tx.AskWithoutDate). Those made before are planned a week after they were
-- made, in Vietnam time (a date already past: the next working day's sweep
-- asks; reminders go on working days only).

-- +goose Up
UPDATE followups SET next_reminder_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 7
WHERE due_on IS NULL AND reminders_sent = 0 AND next_reminder_on IS NULL AND status = 'waiting';

-- +goose Down
-- Nothing to undo that can be told apart from a date planned since.
SELECT 1;
