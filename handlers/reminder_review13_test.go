package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A resident asked by a reminder types /start, whose screen carries the
// reminder's buttons again, and answers "Đã nhận" on the reminder itself.
// Days later a problem turns up with the result and they tap "⚠ Có vướng
// mắc" on the /start screen, or "Chưa" there by mistake. Neither is taken
// (the result was said to have come), yet the bot answered "Đã ghi nhận câu
// trả lời này" and drew the rating question: the resident believed their
// problem was passed on, and nobody was told. The answer now says it was
// not recorded, the screen says where the dossier stands and, for a
// problem, where to get help.
func TestOldReminderButtonAfterReceivedSaysItIsNotTaken(t *testing.T) {
	w, vol, resident, id := residentWithReminders(t, "000.00.12.H26-261123-0452")
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	reminder := last(t, w.settle(resident))
	shown := w.send(resident, "/start")
	var again int
	data := map[string]string{}
	for _, m := range shown {
		if hasButton(m, w.vi("followup.reminder_problem")) {
			again = m.ID
			for _, label := range []string{w.vi("followup.reminder_problem"), w.vi("followup.reminder_not")} {
				data[label] = dataOf(t, m, label)
			}
		}
	}
	if again == 0 {
		t.Fatalf("/start after a reminder shows no answer buttons: %+v", shown)
	}
	for _, label := range []string{w.vi("followup.reminder_got"), w.vi("followup.received_yes")} { // asked, then confirmed
		if _, err := resident.PressOn(reminder.ID, label); err != nil {
			t.Fatal(err)
		}
		w.settle(resident)
	}
	drain(vol)

	// Each on the /start screen as it was drawn (the first press redraws
	// it: the second is a tap that left the phone before the redraw came).
	for _, label := range []string{w.vi("followup.reminder_problem"), w.vi("followup.reminder_not")} {
		pressed, err := resident.PressData(again, data[label])
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, pressed)
		if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
			t.Fatalf("%q after \"Đã nhận\": the follow-up is %q", label, f.Status)
		}
		if a := lastAnswer(t, resident); a == w.vi("followup.noted_already") {
			t.Errorf("%q after \"Đã nhận\" was answered %q: it was not recorded", label, a)
		}
		got := msgByID(t, resident, again)
		if !strings.Contains(got.Text, w.vi("followup.status_received")) {
			t.Errorf("%q after \"Đã nhận\": the screen reads %q, without where the dossier stands", label, got.Text)
		}
		if label == w.vi("followup.reminder_problem") && !strings.Contains(got.Text, w.vi("followup.problem_after_end")) {
			t.Errorf("a problem after \"Đã nhận\": the screen reads %q, without where to get help", got.Text)
		}
	}
	if ms := drain(vol); len(ms) != 0 {
		t.Errorf("the volunteer was told %d things: %+v", len(ms), ms)
	}
}
