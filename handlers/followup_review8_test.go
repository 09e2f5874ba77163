package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A resident who pressed "✓ Đồng ý nhận nhắc" was asked at once for stars,
// without a word on their answer: the day they will be asked came only
// after a rating and a comment. One who does not rate (the stars are
// optional, as on the web page) never saw it: /start, the link opened
// again or a typed "vẫn chưa có" after answering "Chưa" showed the stars
// alone, never the day the bot asks again. The rating question now says
// first where the reminders stand.
func TestRatingAskSaysWhenTheResidentIsAsked(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0030"
	ms := w.finishWithCode(v, code)
	token := qrToken(t, ms[0].Photo)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+token)

	// Due Wednesday 2/12 (Friday 27/11 16:00 + 3 working days): asked on
	// Thursday 3/12.
	got := last(t, w.press(res, w.vi("followup.consent_yes")))
	if want := w.about(code) + w.vi("followup.status_remind", locales.Data{"Due": "03/12/2026"}) + "\n\n" + w.vi("followup.rate_ask"); got.Text != want || !hasButton(got, "5★") {
		t.Fatalf("after agreeing: %q %v, want %q", got.Text, got.Buttons(), want)
	}

	// Asked, "Chưa" after the due date: asked again Tuesday 8/12. The
	// resident, who has not rated, comes back and types.
	if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 3/12", n)
	}
	if _, err := res.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	clk.advance(6 * 24 * time.Hour) // Thursday 3/12
	w.press(res, w.vi("followup.reminder_not"))
	again := w.vi("followup.status_remind", locales.Data{"Due": "08/12/2026"})
	for _, typed := range []string{"/start", "vẫn chưa có", "/start " + token} {
		got = last(t, w.send(res, typed))
		if !strings.Contains(got.Text, again+"\n\n"+w.vi("followup.rate_ask")) || !hasButton(got, "5★") {
			t.Errorf("%q after \"Chưa\", not rated: %q, want it to say %q", typed, got.Text, again)
		}
	}

	// "Không, cảm ơn" is confirmed as well.
	clk.advance(time.Hour)
	ms = w.finishWithCode(v, "000.00.12.H26-251203-0031")
	res2 := w.srv.NewUser("Bà Hai", "vi")
	w.send(res2, "/start "+qrToken(t, ms[0].Photo))
	got = last(t, w.press(res2, w.vi("followup.consent_no")))
	if !strings.HasSuffix(got.Text, w.vi("followup.status_no_reminders")+"\n\n"+w.vi("followup.rate_ask")) {
		t.Errorf("after declining: %q", got.Text)
	}
	// Tapped by mistake: put right at once, not only after a rating.
	if !hasButton(got, w.vi("followup.consent_later")) {
		t.Fatalf("after declining, no way back but rating first: %v", got.Buttons())
	}
	got = last(t, w.press(res2, w.vi("followup.consent_later")))
	// Closed Thursday 3/12 at 17:00: received Friday, due Wednesday 9/12.
	if !strings.Contains(got.Text, w.vi("followup.status_remind", locales.Data{"Due": "10/12/2026"})) || hasButton(got, w.vi("followup.consent_later")) {
		t.Errorf("after changing their mind: %q %v", got.Text, got.Buttons())
	}
}

// A resident who answered a reminder "⚠ Có vướng mắc" (or "Chưa") without
// having rated, and got the result later, had no "✓ Đã nhận" to press:
// the reminder's message had lost its buttons, and /start showed the stars
// alone — the result stayed "a problem" in the tallies unless they rated
// first. The rating question now carries "✓ Đã nhận" once a reminder has
// asked, and says first where the follow-up stands.
func TestUnratedResidentCanSayTheResultCame(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0060"
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	got := last(t, w.press(res, w.vi("followup.consent_yes")))
	// Offered before any question too, since review 19 (a result that
	// came early): received_review19a_test.go.
	if !hasButton(got, w.vi("followup.result_got")) {
		t.Errorf("%q not offered before the first question: %v", w.vi("followup.result_got"), got.Buttons())
	}
	if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 3/12", n)
	}
	if _, err := res.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	clk.advance(6 * 24 * time.Hour)
	w.press(res, w.vi("followup.reminder_problem"))
	drain(v)

	got = last(t, w.send(res, "/start"))
	if !strings.Contains(got.Text, w.vi("followup.status_problem")+"\n\n"+w.vi("followup.rate_ask")) ||
		!hasButton(got, "5★") || !hasButton(got, w.vi("followup.result_got")) {
		t.Fatalf("/start after a problem, not rated: %q %v", got.Text, got.Buttons())
	}
	got = last(t, w.pressReceived(res))
	if f, _ := w.followupRow(c.ID); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
		t.Errorf("after \"✓ Đã nhận\": %+v", f)
	}
	// The reminders had ended with the problem: none to stop (review 19).
	if !strings.Contains(got.Text, w.vi("followup.received_no_reminders")) || !hasButton(got, "5★") ||
		hasButton(got, w.vi("followup.result_got")) || hasButton(got, w.vi("followup.reminder_got")) {
		t.Errorf("after \"✓ Đã nhận\": %q %v", got.Text, got.Buttons())
	}
}
