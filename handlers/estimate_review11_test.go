package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident who says "Chưa" on Wednesday 3/2/2027 is asked again three
// working days later, counted over Tết Đinh Mùi, whose days off are the
// file's estimate (2027 is not announced): Monday 15/02/2027 if the estimate
// holds. Found in review (2026-12-01): the answer and the follow-up's
// status named that day as certain, while the due date counted over the
// same estimate said "(có thể thay đổi)" — a resident waits for a message
// on a day the announcement may move.
func TestAskAgainOverAnEstimatedTetSaysItMayChange(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2027, 1, 25, 10, 0))
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	res := w.srv.NewUser("Cụ Tư", "vi")
	const code = "000.00.12.H26-270125-0001"
	w.remindedCase(vol, res, code, vn(2027, 1, 25, 10, 0), vn(2027, 2, 2, 0, 0), false)
	w.send(res, "/start") // rated, so that /start shows where the follow-up stands
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))

	q := startQueue(t, w, clock)
	clock.Set(vn(2027, 2, 3, 8, 5)) // Wednesday, the first working day after the due date
	q.sweep()
	if got := settle(res); len(got) != 1 || !hasButton(got[0], w.vi("followup.reminder_not")) {
		t.Fatalf("the first question on 3/2/2027: %+v", got)
	}
	clock.Set(vn(2027, 2, 3, 9, 0))
	got := last(t, w.press(res, w.vi("followup.reminder_not")))
	again := w.vi("followup.ask_again", locales.Data{"Date": "15/02/2027 " + w.vi("followup.estimate")})
	if !strings.Contains(got.Text, again) {
		t.Errorf("'Chưa' on 3/2/2027 answers\n%s\nwant %q", got.Text, again)
	}
	status := w.vi("followup.status_remind", locales.Data{"Due": "15/02/2027 " + w.vi("followup.estimate")})
	if m := last(t, w.send(res, "/start")); !strings.Contains(m.Text, status) {
		t.Errorf("/start after 'Chưa' says\n%s\nwant %q", m.Text, status)
	}
}

// A dossier with no due date is first asked about five working days after
// its case; closed on Monday 1/2/2027, that is, over the estimated Tết,
// Monday 15/02/2027: an estimate too.
func TestFirstAskWithoutDateOverAnEstimatedTetSaysItMayChange(t *testing.T) {
	clock := &jobs.Clock{}
	clock.Set(vn(2027, 2, 1, 10, 0))
	w := newWorld(t, handlers.WithClock(clock.Now))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	res := w.srv.NewUser("Cụ Tư", "vi")
	id := w.remindedCase(vol, res, "000.00.12.H26-270201-0001", vn(2027, 2, 1, 10, 0), time.Time{}, false)
	ctx := context.Background()
	if err := w.store.InTx(ctx, func(tx *storage.Tx) error {
		return tx.AskWithoutDate(ctx, id, vn(2027, 2, 15, 0, 0))
	}); err != nil {
		t.Fatal(err)
	}
	w.send(res, "/start")
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	status := w.vi("followup.status_remind", locales.Data{"Due": "15/02/2027 " + w.vi("followup.estimate")})
	if m := last(t, w.send(res, "/start")); !strings.Contains(m.Text, status) {
		t.Errorf("/start says\n%s\nwant %q", m.Text, status)
	}
}
