package handlers_test

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/workdays"
)

// queue runs the handlers' River jobs against the world's database with a
// stopped clock, as the bot does (serve.go), but for the periodic sweep,
// which the tests insert by hand once they have moved the clock (River's
// own periodic scheduling is tested in jobs/); stop ends it like a process
// that stops, and a new queue is the next start.
type queue struct {
	t      *testing.T
	w      *world
	clock  *jobs.Clock
	client *jobs.Client
	events <-chan *river.Event
	cancel func()
}

func startQueue(t *testing.T, w *world, clock *jobs.Clock) *queue {
	t.Helper()
	workers := river.NewWorkers()
	w.h.AddWorkers(workers)
	client, err := jobs.New(w.store.DB().DB, jobs.Config{Workers: workers, Clock: clock, Poll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	events, cancel := client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
	if err := client.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	q := &queue{t: t, w: w, clock: clock, client: client, events: events, cancel: cancel}
	w.queue = q
	t.Cleanup(q.stop)
	return q
}

func (q *queue) stop() {
	if q.client == nil {
		return
	}
	q.cancel()
	if err := q.client.Stop(context.Background()); err != nil {
		q.t.Error(err)
	}
	q.client = nil
	if q.w.queue == q {
		q.w.queue = nil
	}
}

// schedule does at once what River's scheduler does every 5 s: it makes
// the scheduled and retryable jobs whose time has come by the queue's clock (the next
// digest, once a test moved the clock past Monday 07:30) available to the
// workers. The tests move the clock in jumps, and each jump waited out
// River's interval. (None of these jobs shares its unique key with
// another, River's only other concern there.)
func (q *queue) schedule() {
	q.t.Helper()
	if _, err := q.w.store.DB().Exec(`UPDATE river_job SET state = 'available'
		WHERE state IN ('scheduled', 'retryable') AND scheduled_at <= $1`, q.clock.Now()); err != nil {
		q.t.Fatal(err)
	}
}

// waitFor waits until n jobs of kind (or the job id) complete; a failed
// job fails the test.
func (q *queue) waitFor(kind string, n int, id ...int64) {
	q.t.Helper()
	deadline := time.After(20 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	q.schedule()
	for n > 0 {
		select {
		case <-tick.C:
			q.schedule()
		case ev := <-q.events:
			if ev.Kind == river.EventKindJobFailed {
				q.t.Fatalf("job %s %d failed: %v (attempted %v, scheduled %v, created %v)", ev.Job.Kind, ev.Job.ID, ev.Job.Errors, ev.Job.AttemptedAt, ev.Job.ScheduledAt, ev.Job.CreatedAt)
			}
			if ev.Job.Kind == kind && (len(id) == 0 || ev.Job.ID == id[0]) {
				n--
			}
		case <-deadline:
			q.t.Fatalf("waiting for %d more %s jobs", n, kind)
		}
	}
}

// sweep looks for due reminders now, as the periodic job does.
func (q *queue) sweep() {
	q.t.Helper()
	res, err := q.client.Insert(context.Background(), handlers.ReminderSweepArgs{}, nil)
	if err != nil {
		q.t.Fatal(err)
	}
	if res.UniqueSkippedAsDuplicate {
		q.t.Fatal("a sweep in the same period as the last: move the clock further")
	}
	q.waitFor("reminder_sweep", 1, res.Job.ID)
}

// settle returns what reached u once the bot has nothing left to say (quiet).
func (w *world) settle(u *telegramtest.User) []*telegramtest.Message {
	w.t.Helper()
	w.quiet()
	return drain(u)
}

// quiet waits until nothing the bot does can still send a message: no
// update waiting at Telegram or in the inbox, no reply waiting in the
// outbox (a reply
// leaves it once Telegram took it; one refused for good stays as
// 'dropped') and, while a queue runs, no job running or due by its clock.
// A job's messages and its completion commit together, as an update's
// replies and its being done do, and one statement reads the three: a
// message still to come always shows in one of them (an update Telegram
// no longer holds was stored before the bot confirmed it, so the fake
// server is asked first). What the runtime tells the handlers after a send
// (a screen's id, a chat that blocked the bot) commits with the reply's
// leaving the outbox (bot.SentHandler, bot.UnreachableHandler), so it is
// recorded once quiet returns. It fails the test after 30 s, saying what
// still waits.
func (w *world) quiet() {
	w.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		running, now := false, time.Now()
		if w.queue != nil {
			w.queue.schedule()
			running, now = true, w.queue.clock.Now()
		}
		polled := w.srv.PendingUpdates()
		var updates, replies, jobs int
		err := w.store.DB().QueryRow(`SELECT
			(SELECT count(*) FROM updates WHERE status = 'pending'),
			(SELECT count(*) FROM outbox WHERE status = 'pending'),
			(SELECT count(*) FROM river_job WHERE $1 AND (state = 'running'
				OR state IN ('available', 'scheduled', 'retryable') AND scheduled_at <= $2))`,
			running, now).Scan(&updates, &replies, &jobs)
		if err != nil {
			w.t.Fatal(err)
		}
		if polled+updates+replies+jobs == 0 {
			return
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("the bot still has work after 30s: %d updates at Telegram, %d in the inbox, %d replies, %d jobs", polled, updates, replies, jobs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func vn(y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, ict)
}

// The weekly digest: Monday 07:30, once per coordinator per week, through a
// restart between its scheduling and its sending, not to whoever turned it
// off, and again the next week.
func TestWeeklyDigest(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 11, 29, 20, 0)) // a Sunday evening
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	quiet := w.member("Quang", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error { return tx.SetDigest(ctx, quiet.ID, false) }); err != nil {
		t.Fatal(err)
	}
	// Last week (23–29/11): two cases; the week before: one, not counted.
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 24, 9, 0), vn(2026, 11, 24, 9, 20))
	w.closedCase(vol.ID, anHoiTayCode, "tam-tru", "dossier", "mot-phan", "not_submitted", "missing_doc", vn(2026, 11, 27, 14, 0), vn(2026, 11, 27, 14, 30))
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", vn(2026, 11, 17, 9, 0), vn(2026, 11, 17, 9, 20))

	// The first start schedules the digest; the process stops before it is
	// due, and the next start schedules it again: one digest still.
	q := startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	q.stop()
	q = startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	if got := w.settle(coord); len(got) != 0 {
		t.Fatalf("a digest before Monday 07:30: %v", got[0].Text)
	}

	clock.Set(vn(2026, 11, 30, 7, 31))
	q.waitFor("digest", 1)
	q.waitFor("digest_to", 1) // the coordinator who turned it off has none
	got := w.settle(coord)
	if len(got) != 3 {
		t.Fatalf("the coordinator got %d messages, want the text, the chart and the spreadsheet", len(got))
	}
	if got[1].Photo == nil || got[2].Document == nil {
		t.Fatalf("want text, photo, document; got %+v", got)
	}
	if !strings.Contains(got[0].Text, "23/11 – 29/11/2026") || !strings.Contains(got[2].Document.Name, "2026") {
		t.Errorf("the digest is not last week's:\n%s\n%s", got[0].Text, got[2].Document.Name)
	}
	if want := w.vi("tally.cases", locales.Data{"Cases": 2, "Helped": 1}); !strings.Contains(got[0].Text, want) {
		t.Errorf("last week's digest does not say %q:\n%s", want, got[0].Text)
	}
	// It comes unasked, on a Monday: it says what it is and how to stop it.
	if !strings.HasPrefix(got[0].Text, "🗓 Bản tin hằng tuần") || !strings.Contains(got[0].Text, "/digest off") {
		t.Errorf("the digest does not say it is the weekly digest, nor how to stop it:\n%s", got[0].Text)
	}
	if m := w.settle(quiet); len(m) != 0 {
		t.Errorf("a coordinator who turned the digest off got %q", m[0].Text)
	}
	if m := w.settle(vol); len(m) != 0 {
		t.Errorf("a volunteer got a digest: %q", m[0].Text)
	}

	// A restart on Monday changes nothing; next Monday brings next week's.
	q.stop()
	q = startQueue(t, w, clock)
	if err := w.h.EnsureDigest(ctx, q.client); err != nil {
		t.Fatal(err)
	}
	if m := w.settle(coord); len(m) != 0 {
		t.Fatalf("a restart sent the digest again: %q", m[0].Text)
	}
	clock.Set(vn(2026, 12, 7, 7, 45))
	q.waitFor("digest_to", 1)
	got = w.settle(coord)
	if len(got) == 0 || !strings.Contains(got[0].Text, "30/11 – 06/12/2026") {
		t.Fatalf("next week's digest: %+v", got)
	}
	var digests int
	if err := w.store.DB().Get(&digests, `SELECT count(*) FROM river_job WHERE kind = 'digest_to' AND args->>'user' = $1::text`, coord.ID); err != nil {
		t.Fatal(err)
	}
	if digests != 2 {
		t.Errorf("digest jobs for the coordinator = %d, want 2 (one per week)", digests)
	}
}

// residentWithReminders is a world on a clock stopped at 23/11/2026 10:00
// Vietnam time, where Bà Sáu agreed to reminders of a birth registration
// that An, a volunteer of An Hội Tây, submitted then under code, due the
// next day; it returns the world, the two and the case.
func residentWithReminders(t *testing.T, code string) (w *world, vol, resident *telegramtest.User, id int64) {
	t.Helper()
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w = newWorld(t, handlers.WithClock(clock.Now))
	vol = w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident = w.srv.NewUser("Bà Sáu", "vi")
	id = w.remindedCase(vol, resident, code, received, vn(2026, 11, 24, 0, 0), true)
	return w, vol, resident, id
}

// remindedCase closes a case of vol's, submitted at received with its
// result due on due, whose resident opened the link and agreed to
// reminders; it returns the case's id.
func (w *world) remindedCase(vol, resident *telegramtest.User, code string, received, due time.Time, known bool) int64 {
	w.t.Helper()
	w.closedCase(vol.ID, anHoiTayCode, "khai-sinh", "dossier", "toan-trinh", "submitted", "", received.Add(-30*time.Minute), received)
	ctx := context.Background()
	var id int64
	err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		if err := tx.SQL().QueryRowContext(ctx, `SELECT max(id) FROM cases`).Scan(&id); err != nil {
			return err
		}
		if _, err := tx.SaveFollowup(ctx, id, code, due, known); err != nil {
			return err
		}
		if _, err := tx.ClaimFollowup(ctx, id, resident.ID, "vi", received); err != nil {
			return err
		}
		return tx.SetResidentConsent(ctx, id, resident.ID, true, "vi-test", received)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	return id
}

// A resident's reminders, on a clock: the result due on the date the
// working days give (a holiday between skipped), the first question on the
// first working day after it, at 08:00, once through a restart; "Chưa"
// asks again three working days later; "Có vướng mắc" tells the volunteer
// and the coordinator; "Đã nhận" resolves.
func TestRemindersOnTheClock(t *testing.T) {
	received := vn(2026, 8, 28, 10, 0) // Friday; 31/8 (swapped day off), 1/9 and 2/9 are holidays
	due, known := workdays.Default().Due(received, 2)
	if want := vn(2026, 9, 4, 0, 0); !due.Equal(want) || !known {
		t.Fatalf("due %v %v, want 04/09/2026 (3/9 and 4/9 are the two working days)", due, known)
	}
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Cụ Tư", "vi")
	other := w.srv.NewUser("Bà Năm", "vi")
	first := w.remindedCase(vol, resident, "000.00.12.H26-260828-0001", received, due, known)
	second := w.remindedCase(vol, other, "000.00.12.H26-260828-0002", received, due, known)

	q := startQueue(t, w, clock)
	q.sweep()
	clock.Set(vn(2026, 9, 3, 15, 0))
	q.sweep()
	clock.Set(vn(2026, 9, 4, 7, 0)) // the due date, before 08:00
	q.sweep()
	clock.Set(vn(2026, 9, 4, 8, 5)) // the due date: its result may still come today
	q.sweep()
	if m := w.settle(resident); len(m) != 0 {
		t.Fatalf("a reminder before its time: %q", m[0].Text)
	}
	clock.Set(vn(2026, 9, 7, 8, 5)) // Monday, the first working day after Friday's due date
	q.sweep()
	got := w.settle(resident)
	if len(got) != 1 || !strings.Contains(got[0].Text, "000.00.12.H26-260828-0001") || !hasButton(got[0], w.vi("followup.reminder_not")) {
		t.Fatalf("the first question, the working day after the due date: %+v", got)
	}
	if m := w.settle(other); len(m) != 1 {
		t.Fatalf("the second resident got %d reminders, want 1", len(m))
	}
	// "Đã nhận" resolves it, on time.
	w.pressReceived(other)
	// A restart, and another sweep the same morning: nothing again.
	q.stop()
	clock.Set(vn(2026, 9, 7, 8, 20))
	q = startQueue(t, w, clock)
	q.sweep()
	if m := w.settle(resident); len(m) != 0 {
		t.Fatalf("a reminder sent twice: %q", m[0].Text)
	}

	// "Chưa": asked again three working days later (Tue 8, Wed 9, Thu 10).
	w.press(resident, w.vi("followup.reminder_not"))
	clock.Set(vn(2026, 9, 9, 9, 0))
	q.sweep()
	if m := w.settle(resident); len(m) != 0 {
		t.Fatalf("asked again too early: %q", m[0].Text)
	}
	clock.Set(vn(2026, 9, 10, 9, 0))
	q.sweep()
	if got := w.settle(resident); len(got) != 1 || !hasButton(got[0], w.vi("followup.reminder_problem")) {
		t.Fatalf("the second reminder: %+v", got)
	}
	// "Có vướng mắc": the volunteer and the coordinator are told.
	w.press(resident, w.vi("followup.reminder_problem"))
	for _, u := range []*telegramtest.User{vol, coord} {
		if m := w.settle(u); len(m) != 1 || !strings.Contains(m[0].Text, strconv.FormatInt(first, 10)) {
			t.Errorf("%s was not told of the problem with case %d: %+v", u.FirstName, first, m)
		}
	}
	var results []sql.NullString
	if err := w.store.DB().Select(&results, `SELECT followup_result FROM cases WHERE id IN ($1, $2) ORDER BY id`, first, second); err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || results[0].String != storage.ResultProblem || results[1].String != storage.ResultReceived {
		t.Errorf("results = %v, want problem, received", results)
	}
	clock.Set(vn(2026, 9, 14, 9, 0))
	q.sweep()
	if m := append(w.settle(resident), w.settle(other)...); len(m) != 0 {
		t.Errorf("a reminder after the follow-up ended: %q", m[0].Text)
	}
}

// An overdue reminder — its day passed with no sweep (the bot was down all
// that day) — goes on the next working day, in Vietnam time, not on the
// weekend or holiday after it: the result due Thursday 27/8/2026, the
// question planned for Friday 28/8 waits through Saturday, Sunday, Monday
// 31/8 (a day off swapped for Saturday 22/8) and the holidays of 1/9 and
// 2/9, and goes on Thursday 3/9, once. A Saturday worked in a swap (làm
// bù, 22/8/2026) is a working day: one planned for Friday 21/8 (due
// Thursday 20/8) goes then.
func TestOverdueReminderWaitsForAWorkingDay(t *testing.T) {
	received := vn(2026, 8, 17, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	early := w.srv.NewUser("Bà Năm", "vi")
	late := w.srv.NewUser("Cụ Tư", "vi")
	w.remindedCase(vol, early, "000.00.12.H26-260817-0001", received, vn(2026, 8, 20, 0, 0), true)
	lateCase := w.remindedCase(vol, late, "000.00.12.H26-260817-0002", received, vn(2026, 8, 27, 0, 0), true)
	// The sweep decides and records a reminder in the job's transaction:
	// once the job completed, none sent means none recorded.
	sentOf := func(caseID int64) int {
		var n int
		if err := w.store.DB().Get(&n, `SELECT reminders_sent FROM followups WHERE case_id = $1`, caseID); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// The bot was down from before Friday 21/8 08:00 to Saturday 22/8.
	clock.Set(vn(2026, 8, 22, 9, 0))
	q := startQueue(t, w, clock)
	q.sweep()
	if m := w.settle(early); len(m) != 1 || !strings.Contains(m[0].Text, "000.00.12.H26-260817-0001") {
		t.Fatalf("the reminder due Friday 21/8, on the làm bù Saturday 22/8: %+v", m)
	}
	// Down again all Friday 28/8 (no sweep that day); back on Saturday
	// morning, and sweeping every day after.
	for _, day := range []int{29, 30, 31, 32, 33} { // 32, 33: 1/9 and 2/9
		clock.Set(vn(2026, 8, day, 9, 0))
		q.sweep()
		if sentOf(lateCase) != 0 {
			t.Fatalf("a reminder recorded on %s, not a working day", clock.Now().In(ict).Format("Mon 02/01/2006"))
		}
	}
	clock.Set(vn(2026, 9, 3, 8, 5))
	q.sweep()
	if m := w.settle(late); len(m) != 1 || !strings.Contains(m[0].Text, "000.00.12.H26-260817-0002") {
		t.Fatalf("the overdue reminder on Thursday 3/9, the next working day: %+v", m)
	}
	clock.Set(vn(2026, 9, 3, 8, 20))
	q.sweep()
	if m := append(w.settle(late), w.settle(early)...); len(m) != 0 {
		t.Fatalf("a reminder sent twice: %q", m[0].Text)
	}
}
