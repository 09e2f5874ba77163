package handlers_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/workdays"
)

// The review: the first question ("Ông/bà đã nhận được kết quả chưa?") went
// at 08:00 on the due date, before that day's result could come; a
// resident who said "Chưa" then and "Đã nhận" at the next reminder was
// counted late ("trễ hẹn") though the result came that afternoon, and so
// was one who said "Đã nhận" a few days after the due date, whenever the
// result came. Now the question goes on the morning of the first working
// day after the due date, naming it, and a result is late only when the
// resident said "Chưa" then or later — which the coordinator's tally says.
func TestFirstQuestionAfterTheDueDateLateOnlyAfterNotYet(t *testing.T) {
	received := vn(2026, 11, 4, 10, 0) // Wednesday
	due, known := workdays.Default().Due(received, 2)
	if want := vn(2026, 11, 6, 0, 0); !due.Equal(want) || !known {
		t.Fatalf("due %v %v, want Friday 06/11/2026", due, known)
	}
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now))
	coord := w.member("Hà", storage.RoleCoordinator, anHoiTayCode)
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	onTime := w.srv.NewUser("Bà Năm", "vi") // "Đã nhận" to the first question
	late := w.srv.NewUser("Cụ Tư", "vi")    // "Chưa" to it, "Đã nhận" to the next
	slow := w.srv.NewUser("Chú Sáu", "vi")  // answers "Đã nhận" days after the first question
	onTimeCase := w.remindedCase(vol, onTime, "000.00.12.H26-261104-0001", received, due, known)
	lateCase := w.remindedCase(vol, late, "000.00.12.H26-261104-0002", received, due, known)
	slowCase := w.remindedCase(vol, slow, "000.00.12.H26-261104-0003", received, due, known)

	q := startQueue(t, w, clock)
	// The due date, through its day: the result may still come.
	for _, hour := range []int{8, 11, 16} {
		clock.Set(vn(2026, 11, 6, hour, 5))
		q.sweep()
		if m := append(append(w.settle(onTime), w.settle(late)...), w.settle(slow)...); len(m) != 0 {
			t.Fatalf("asked on the due date at %02d:05: %q", hour, m[0].Text)
		}
	}
	// Monday 9/11, the first working day after it, in the morning.
	clock.Set(vn(2026, 11, 9, 8, 5))
	q.sweep()
	question := w.vi("followup.reminder", locales.Data{"Due": "06/11/2026"})
	for _, res := range []struct {
		u    *telegramtest.User
		code string
	}{{onTime, "000.00.12.H26-261104-0001"}, {late, "000.00.12.H26-261104-0002"}, {slow, "000.00.12.H26-261104-0003"}} {
		got := w.settle(res.u)
		if len(got) != 1 || !strings.Contains(got[0].Text, res.code) || !strings.Contains(got[0].Text, question) ||
			!hasButton(got[0], w.vi("followup.reminder_not")) {
			t.Fatalf("%s's first question on Monday 9/11: %+v", res.u.FirstName, got)
		}
	}
	w.pressReceived(onTime)
	// "Chưa" on Monday: the result had not come by the end of Friday.
	w.press(late, w.vi("followup.reminder_not"))
	clock.Set(vn(2026, 11, 12, 8, 5)) // three working days later: Tue 10, Wed 11, Thu 12
	q.sweep()
	if got := w.settle(late); len(got) != 1 || !strings.Contains(got[0].Text, question) {
		t.Fatalf("the second question on Thursday 12/11: %+v", got)
	}
	w.pressReceived(late)
	clock.Set(vn(2026, 11, 12, 15, 0))
	w.pressReceived(slow)

	var results []sql.NullString
	if err := w.store.DB().Select(&results, `SELECT followup_result FROM cases WHERE id IN ($1, $2, $3) ORDER BY id`,
		onTimeCase, lateCase, slowCase); err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 || results[0].String != storage.ResultReceived || results[1].String != storage.ResultReceivedLate ||
		results[2].String != storage.ResultReceived {
		t.Errorf("results = %v, want received, received_late, received", results)
	}
	// The coordinator's tally of the month says so.
	clock.Set(vn(2026, 11, 13, 9, 0))
	text, _ := monthTally(t, w, coord, "Tháng này")
	var line string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "Theo dõi:") {
			line = l
		}
	}
	// (The cases are logged without the volunteer-side consent the
	// first figure counts: remindedCase.)
	if want := "; 3 đã có kết quả (2 đúng hẹn, 1 trễ hẹn); "; !strings.Contains(line, want) || strings.Contains(line, "vướng mắc") {
		t.Errorf("the tally's follow-up line: %q, want %q in it\n%s", line, want, text)
	}
}

// The first question is planned for the day after the due date, which for
// a result due on a Friday is a Saturday: the resident who opens their
// follow-up that weekend is told the Monday it really comes, not that it
// comes "shortly".
func TestWeekendStatusNamesTheMondayQuestion(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2026, 12, 2, 10, 0))
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	resident := w.srv.NewUser("Cụ Tư", "vi")
	w.remindedCase(vol, resident, "000.00.12.H26-261202-0001", vn(2026, 12, 2, 10, 0), vn(2026, 12, 4, 0, 0), true)
	w.send(resident, "/start") // rated, so that /start shows where the follow-up stands
	w.press(resident, "4★")
	w.press(resident, w.vi("followup.comment_skip"))
	monday := w.vi("followup.status_remind", locales.Data{"Due": "07/12/2026"})
	for _, day := range []int{4, 5, 6} { // Friday (the due date), Saturday, Sunday
		clock.Set(vn(2026, 12, day, 10, 0))
		m := last(t, w.send(resident, "/start"))
		if !strings.Contains(m.Text, monday) {
			t.Errorf("%02d/12: the follow-up says\n%s\nwant %q", day, m.Text, monday)
		}
	}
	clock.Set(vn(2026, 12, 7, 7, 0)) // Monday, before the sweep's hours
	if m := last(t, w.send(resident, "/start")); !strings.Contains(m.Text, w.vi("followup.status_remind_soon")) {
		t.Errorf("Monday morning: the follow-up says\n%s", m.Text)
	}
}
