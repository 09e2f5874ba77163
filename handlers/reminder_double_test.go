package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident taps "Đã nhận" under a reminder twice on a slow connection (the
// second tap left the phone before the first one's edit arrived). The first
// tap put the rating stars on the message; the second, answered "already
// noted", drew the follow-up's status over it without a button: the stars
// were gone and the resident could not rate. The second tap now draws the
// follow-up as /start would, stars and all.
func TestReminderDoubleTapKeepsTheStars(t *testing.T) {
	w, _, resident, id := residentWithReminders(t, "000.00.12.H26-261123-0452")
	if n := w.remind(vn(2026, 11, 25, 9, 0)); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	reminder := last(t, w.settle(resident))
	w.press(resident, w.vi("followup.reminder_got")) // asks first, on the reminder
	w.doubleTap(resident, msgByID(t, resident, reminder.ID), w.vi("followup.received_yes"))

	if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
		t.Fatalf("the result was not recorded: %+v", f)
	}
	var shown *telegramtest.Message
	for _, m := range resident.Messages() {
		if m.ID == reminder.ID {
			shown = m
		}
	}
	if shown == nil {
		t.Fatal("the reminder's message is gone")
	}
	if !hasButton(shown, "5★") {
		t.Errorf("after a double tap the reminder shows no stars to rate: %q %+v", shown.Text, shown.Buttons())
	}
	if !strings.Contains(shown.Text, w.vi("followup.rate_ask")) {
		t.Errorf("after a double tap the reminder does not ask for a rating: %q", shown.Text)
	}
}
