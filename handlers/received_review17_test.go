package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// "✓ Đã nhận" under a reminder stopped the reminders and took away the
// problem report in one tap: a resident who meant "⚠ Có vướng mắc" two
// buttons below lost both. The tap now asks first, naming what it stops;
// "Chưa nhận" brings the reminder's question back with nothing recorded,
// and only "Đúng, đã nhận" records (once for two taps).
func TestReceivedInTelegramAsksFirst(t *testing.T) {
	w, _, resident, id := residentWithReminders(t, "000.00.12.H26-261123-0453")
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	reminder := last(t, w.settle(resident))

	ask := last(t, w.press(resident, w.vi("followup.reminder_got")))
	if ask.ID != reminder.ID {
		t.Errorf("the question came as a new message, not on the reminder")
	}
	if !strings.Contains(ask.Text, w.vi("followup.received_ask")) ||
		!hasButton(ask, w.vi("followup.received_yes")) || !hasButton(ask, w.vi("followup.received_back")) {
		t.Fatalf("\"Đã nhận\" did not ask first: %q %v", ask.Text, ask.Buttons())
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting {
		t.Fatalf("asking recorded %q", f.Status)
	}

	back := last(t, w.press(resident, w.vi("followup.received_back")))
	if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting {
		t.Fatalf("\"Chưa nhận\" recorded %q", f.Status)
	}
	for _, b := range []string{"followup.reminder_got", "followup.reminder_not", "followup.reminder_problem"} {
		if !hasButton(back, w.vi(b)) {
			t.Errorf("back from the question, %q is missing: %q %v", w.vi(b), back.Text, back.Buttons())
		}
	}

	w.press(resident, w.vi("followup.reminder_got"))
	confirm := last(t, resident.Messages())
	w.doubleTap(resident, confirm, w.vi("followup.received_yes"))
	if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
		t.Fatalf("after \"Đúng, đã nhận\": %+v", f)
	}
	var shown string
	for _, m := range resident.Messages() {
		if m.ID == reminder.ID {
			shown = m.Text
			if !hasButton(m, "5★") {
				t.Errorf("after confirming, no stars to rate: %q %v", m.Text, m.Buttons())
			}
		}
	}
	if !strings.Contains(shown, w.vi("followup.rate_ask")) {
		t.Errorf("after confirming the reminder reads %q", shown)
	}
}

// "dvcbot đã ngừng nhắc hồ sơ này" read as "all done"; it meant the
// reminders stopped with the result not recorded: the line says so.
func TestEndedStatusSaysResultNotRecorded(t *testing.T) {
	w := newWorld(t)
	for lang, words := range map[string][]string{"vi": {"ngừng nhắc", "chưa ghi nhận"}, "en": {"stopped", "not recorded"}} {
		s := w.texts.For(lang).T("followup.status_ended")
		for _, word := range words {
			if !strings.Contains(s, word) {
				t.Errorf("%s: %q lacks %q", lang, s, word)
			}
		}
	}
}

// pressReceived presses the result button on u's last message with one —
// "✓ Đã nhận" under a reminder's question, "📬 Đã nhận kết quả" elsewhere
// (review 19g) —, then confirms: the result received, as the resident says
// it.
func (w *world) pressReceived(u *telegramtest.User) []*telegramtest.Message {
	w.t.Helper()
	ms := u.Messages()
	for i := len(ms) - 1; i >= 0; i-- {
		for _, label := range []string{w.vi("followup.reminder_got"), w.vi("followup.result_got")} {
			if hasButton(ms[i], label) {
				id, err := u.PressOn(ms[i].ID, label)
				if err != nil {
					w.t.Fatal(err)
				}
				w.bot.WaitHandled(w.t, id)
				drain(u)
				return w.press(u, w.vi("followup.received_yes"))
			}
		}
	}
	w.t.Fatalf("no message of chat %d has a result button", u.ID)
	return nil
}
