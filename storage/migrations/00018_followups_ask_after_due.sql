-- A dossier's result may come any time on its due date, so the first
-- question ("Ông/bà đã nhận được kết quả chưa?") is asked on the first
-- working day after it, in the morning: asked at 08:00 on the due date, a
-- resident whose result came that afternoon answered "Chưa", then "Đã nhận"
-- at the next reminder, and the case was counted late ("trễ hẹn") because
-- that answer came after the due date. A result is now late only when the
-- resident said "Chưa" after the due date (the result had not come by its
-- end): not_yet_after_due records it (Tx.NotYet), and Tx.Received counts
-- "received_late" from it, not from the day the answer came.
--
-- Follow-ups made before: a first question still planned for the due date
-- moves to the day after (the sweep asks on working days only: a weekend or
-- holiday waits for the next working day, which is when new ones are
-- asked). A question already asked is not asked again, and its answer stays.
-- Where the stored state shows the resident said "Chưa" after the due date,
-- the flag is set: a "Chưa" to the second or a later reminder (sent three
-- working days or more after the due date), or a "Chưa" to the first whose
-- next reminder, planned three working days after it, falls more than 14
-- days after the due date (three working days span at most 12 calendar
-- days, Tết's nine days off included: that "Chưa" came after the due
-- date). Another "Chưa" to the first reminder only (sent on the due date
-- then) left no day: it counts as said on the due date, not late (no
-- evidence that the result was late); the resident's next answer decides,
-- as for every follow-up now. Results already recorded on cases are left
-- as they were recorded.

-- +goose Up
ALTER TABLE followups ADD COLUMN not_yet_after_due boolean NOT NULL DEFAULT false;
UPDATE followups SET next_reminder_on = due_on + 1
WHERE status = 'waiting' AND reminders_sent = 0 AND due_on IS NOT NULL AND next_reminder_on = due_on;
UPDATE followups SET not_yet_after_due = true
WHERE due_on IS NOT NULL AND status <> 'received'
    AND (reminders_sent >= 3 OR (reminders_sent = 2 AND next_reminder_on IS NOT NULL)
        OR (reminders_sent = 1 AND next_reminder_on > due_on + 14));

-- +goose Down
UPDATE followups SET next_reminder_on = due_on
WHERE status = 'waiting' AND reminders_sent = 0 AND due_on IS NOT NULL AND next_reminder_on = due_on + 1;
ALTER TABLE followups DROP COLUMN not_yet_after_due;
