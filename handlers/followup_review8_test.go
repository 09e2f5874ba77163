package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
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
}
