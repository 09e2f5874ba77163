package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 34C, item 5: after the reminders ended without the result, the
// web page's "⚠ Báo hồ sơ có vướng mắc" asked first (review 33), while
// the dossier's "⚠ Có vướng mắc" in Telegram told the volunteer and the
// coordinators at once: one mis-tap beside "📬 Đã nhận kết quả" on a
// slow phone, where the buttons move as the screen redraws, alarmed
// them, with no undo. Both ask first now, as while the result is
// awaited; the question does not say the reminders stop (none go).
func TestReview34CProblemAfterTheRemindersEndedAsksFirst(t *testing.T) {
	w, vol, res, id := residentWithReminders(t, "000.00.12.H26-261123-3451")
	w.endReminders(id, time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC))
	drain(vol)

	card := last(t, w.send(res, "/start"))
	m := last(t, w.press(res, w.vi("followup.reminder_problem")))
	if m.ID != card.ID || !strings.Contains(m.Text, w.vi("followup.problem_ask")) || !hasButton(m, w.vi("followup.problem_confirm")) {
		t.Fatalf("⚠ after the reminders ended: %q %q, want the question on the card", m.Text, buttonTexts(m))
	}
	if strings.Contains(m.Text, w.vi("followup.problem_ask_reminders")) {
		t.Errorf("the question says the reminders stop, and none go: %q", m.Text)
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupEnded {
		t.Errorf("⚠ pressed once recorded a problem: %+v", f)
	}
	if told := w.settle(vol); len(told) != 0 {
		t.Errorf("the volunteer was told before the question was answered: %q", texts(told))
	}

	// "← Không, quay lại": nothing told, the card again.
	if m := last(t, w.press(res, w.vi("followup.problem_back"))); !hasButton(m, w.vi("followup.reminder_problem")) {
		t.Errorf("back from the question: %q %q", m.Text, buttonTexts(m))
	}
	w.press(res, w.vi("followup.reminder_problem"))
	if m := last(t, w.press(res, w.vi("followup.problem_confirm"))); !strings.Contains(m.Text, w.vi("followup.problem_sent_volunteer")) {
		t.Errorf("the report confirmed: %q", m.Text)
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupProblem {
		t.Errorf("after the report: %+v", f)
	}
	if told := w.settle(vol); len(told) != 1 {
		t.Errorf("the volunteer was told %d times: %q", len(told), texts(told))
	}
}
