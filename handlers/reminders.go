package handlers

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/dvcbot/dvcbot/bot"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/workdays"
)

// Reminders to residents (docs/privacy.md: only to someone who opened the
// follow-up link and agreed). A periodic River job, the sweep, looks every
// few minutes, on working days between reminderFrom and reminderUntil
// Vietnam time, for follow-ups whose next reminder is due today or earlier,
// and sends each in a transaction of its own that locks the follow-up,
// writes the message into the outbox and records it sent
// (storage.Tx.ReminderSent): a sweep run twice, by two replicas, or retried
// after a crash, sends each reminder once. The resident's answer (Đã nhận / Chưa / Có vướng mắc) is a button
// press handled like any other (followup.go); "Chưa" plans the next
// reminder, which the sweep then finds on its day.
const (
	reminderFrom  = 8  // no message to a resident before 08:00…
	reminderUntil = 20 // …nor from 20:00
	// ReminderSweepEvery is how often the sweep looks.
	ReminderSweepEvery = 5 * time.Minute
	reminderBatch      = 500
)

// ReminderSweepArgs is one look for due reminders.
type ReminderSweepArgs struct{}

// Kind implements river.JobArgs.
func (ReminderSweepArgs) Kind() string { return "reminder_sweep" }

// InsertOpts: one sweep per period, whichever replica leads.
func (ReminderSweepArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: ReminderSweepEvery}}
}

// ReminderSweep is the periodic sweep; it also runs at start.
func ReminderSweep() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(ReminderSweepEvery),
		func() (river.JobArgs, *river.InsertOpts) { return ReminderSweepArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true, ID: "reminder_sweep"})
}

type reminderSweepWorker struct {
	river.WorkerDefaults[ReminderSweepArgs]
	h *Handlers
}

// Work sends the reminders due now.
func (w *reminderSweepWorker) Work(ctx context.Context, _ *river.Job[ReminderSweepArgs]) error {
	_, err := w.h.SendDueReminders(ctx)
	return err
}

// SendDueReminders sends every reminder due as of the handlers' clock and
// says how many were asked (a resident who blocked the bot is asked
// without a message: sendReminder). Outside the day's hours, or on a day that is not a
// working day in Vietnam (a weekend, a holiday, a day off in a swap), it
// sends nothing. The first question is planned for the day after the due
// date (the result may come any time on the due date itself): it goes on
// the first working day from then, in the morning. Later ones are planned
// for working days ("again in 3 working days"), and one whose day passed
// unsent — the bot was down, or the sweep ran late — is due on every day
// after: it waits, still due, for the next working day's sweep.
func (h *Handlers) SendDueReminders(ctx context.Context) (int, error) {
	now := h.now()
	if hour := now.In(vietnam).Hour(); hour < reminderFrom || hour >= reminderUntil {
		return 0, nil
	}
	if working, _ := workdays.Default().IsWorkingDay(now); !working {
		return 0, nil
	}
	today := dayOf(now)
	sent := 0
	for {
		due, err := h.store.DueReminders(ctx, today, reminderBatch)
		if err != nil {
			return sent, err
		}
		n := 0
		for _, rm := range due {
			ok, err := h.sendReminder(ctx, rm.CaseID, today, now)
			if err != nil {
				return sent, err
			}
			if ok {
				n++
			}
		}
		sent += n
		if len(due) < reminderBatch || n == 0 {
			return sent, nil
		}
	}
}

// sendReminder sends one case's due reminder, if it is still due once its
// follow-up is locked, and reports whether it recorded it asked; to a
// resident who blocked the bot, nothing is sent.
func (h *Handlers) sendReminder(ctx context.Context, caseID int64, today, now time.Time) (bool, error) {
	sent := false
	err := h.store.InTx(ctx, func(tx *storage.Tx) error {
		rm, err := tx.DueReminder(ctx, caseID, today)
		if errors.Is(err, storage.ErrNotFound) {
			return nil // answered, forgotten or sent meanwhile
		}
		if err != nil {
			return err
		}
		if sent, err = tx.ReminderSent(ctx, caseID, rm.N, now); err != nil || !sent {
			return err
		}
		// A comment question left open is over: what the resident types
		// after the reminder is not taken as their comment on the help.
		// Nor is a "received?" question open: the reminder asks its own.
		conv, err := tx.Conversation(ctx, rm.Chat)
		var asked []int
		if err == nil {
			asked, err = receivedMessages(conv)
		}
		var comment int
		if err == nil && atComment(conv) {
			comment = conv.MessageID
		}
		if err == nil {
			err = leaveFollowupFlows(ctx, tx, rm.Chat, conv)
		}
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		if rm.Blocked {
			// The resident blocked the bot: nothing goes to their chat.
			// The reminder counts as asked, as one Telegram refused would:
			// when they come back, /start shows its question.
			return nil
		}
		// The "received?" questions it closed lose their buttons, as at
		// /cancel: the reminder below asks its own.
		replies := make([]bot.Reply, 0, len(asked)+2)
		for _, id := range asked {
			replies = append(replies, bot.EditButtons{ChatID: rm.Chat, MessageID: id})
		}
		// The reminder is the dossier's card on screen: a star count typed
		// under it is this dossier's (typedRating).
		if err := tx.SetOnScreen(ctx, rm.Chat, rm.CaseID, 0, false); err != nil {
			return err
		}
		m := h.ReminderMessage(rm)
		m.Track = screenTrack + strconv.FormatInt(rm.CaseID, 10)
		replies = append(replies, bot.About{Topic: followupTopic(rm.CaseID), Reply: m})
		if comment != 0 {
			// So does the comment question's copy: its buttons would act
			// on a question the reminder closed.
			replies = append(replies, bot.EditButtons{ChatID: rm.Chat, MessageID: comment})
		}
		return bot.Enqueue(ctx, tx.SQL(), replies...)
	})
	return sent, err
}
