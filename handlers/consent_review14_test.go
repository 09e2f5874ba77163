package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The reminder question said the bot asks "on the morning of the first
// working day after the date the result is expected" even when that day
// had passed: a resident who opens the link late is asked at the sweep's
// next round, and a relative who takes the link over after "Chưa" is asked
// on the day "Chưa" planned. The question now says when the bot will ask.
func TestConsentQuestionSaysWhenTheBotAsksOnceTheDayPassed(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")

	// Due Wednesday 2/12, first asked Thursday 3/12; the link is opened on
	// Friday 4/12.
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0040")
	late := qrToken(t, ms[0].Photo)
	clk.advance(7 * 24 * time.Hour)
	res := w.srv.NewUser("Cư dân", "vi")
	got := last(t, w.send(res, "/start "+late))
	if !hasButton(got, w.vi("followup.consent_yes")) {
		t.Fatalf("no consent question: %q", got.Text)
	}
	if strings.Contains(got.Text, w.vi("followup.consent_ask")) || !strings.Contains(got.Text, w.vi("followup.consent_ask_soon")) {
		t.Errorf("opened after the first question's day: %q", got.Text)
	}
	got = last(t, w.press(res, w.vi("followup.consent_yes")))
	if !strings.Contains(got.Text, w.vi("followup.status_remind_soon")) {
		t.Errorf("after agreeing: %q", got.Text)
	}
	if n := w.remind(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Errorf("%d reminders on 4/12, want the one agreed to", n)
	}
	if _, err := res.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}

	// A relative who takes the link over after "Chưa" (asked again
	// Wednesday 9/12) is asked on that day.
	clk.advance(time.Hour)
	ms = w.finishWithCode(v, "000.00.12.H26-251204-0041")
	token := qrToken(t, ms[0].Photo)
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	w.press(son, w.vi("followup.consent_yes"))
	// Received Friday 4/12 at 17:00: due Thursday 10/12, asked Friday 11/12.
	clk.advance(7 * 24 * time.Hour) // Friday 11/12
	if n := w.remind(time.Date(2026, 12, 11, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 11/12", n)
	}
	if _, err := son.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	w.press(son, w.vi("followup.reminder_not"))
	again := "16/12/2026" // three working days after Friday 11/12
	w.press(son, w.vi("followup.pass_button"))
	w.press(son, w.vi("followup.pass_confirm"))
	mother := w.srv.NewUser("Mẹ", "vi")
	got = last(t, w.send(mother, "/start "+token))
	want := w.vi("followup.consent_ask_on", locales.Data{"Day": again})
	if strings.Contains(got.Text, w.vi("followup.consent_ask")) || !strings.Contains(got.Text, want) {
		t.Errorf("taken over after \"Chưa\": %q, want it to say %q", got.Text, want)
	}
	got = last(t, w.press(mother, w.vi("followup.consent_yes")))
	if !strings.Contains(got.Text, w.vi("followup.status_remind", locales.Data{"Due": again})) {
		t.Errorf("after agreeing: %q", got.Text)
	}
	// In English too.
	if en := w.en("followup.consent_ask_on", locales.Data{"Day": again}); !strings.Contains(en, again) {
		t.Errorf("en: %q", en)
	}
}
