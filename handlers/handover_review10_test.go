package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A grandson opens his grandmother's link at the counter and taps "Đồng
// ý"; the rating can wait. His grandmother, opening the link on her own
// phone, is told to ask him to press "↪ Để người nhà theo dõi hồ sơ này" —
// but his screen, and /start, showed the stars alone: the button came only
// once he had rated, or never if a reminder had asked meanwhile. While the
// result is awaited, every screen of the follow-up now offers it.
func TestUnratedResidentCanLeaveTheDossierToARelative(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-1001"
	ms := w.finishWithCode(v, code)
	token := qrToken(t, ms[0].Photo)
	pass := w.vi("followup.pass_button")

	grandson := w.srv.NewUser("Cháu", "vi")
	w.send(grandson, "/start "+token)
	got := last(t, w.press(grandson, w.vi("followup.consent_yes")))
	if !hasButton(got, pass) {
		t.Errorf("after \"Đồng ý\", not rated: %q %v, want %q", got.Text, got.Buttons(), pass)
	}
	grandma := w.srv.NewUser("Bà", "vi")
	if got := last(t, w.send(grandma, "/start "+token)); !strings.Contains(got.Text, pass) {
		t.Fatalf("the grandmother is not told of the button: %q", got.Text)
	}
	got = last(t, w.send(grandson, "/start"))
	if !hasButton(got, pass) {
		t.Errorf("/start, not rated: %q %v, want %q", got.Text, got.Buttons(), pass)
	}

	// A reminder asked, not answered yet: its question again on /start,
	// and the hand-over with it.
	if n := w.remind(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d reminders on 3/12", n)
	}
	if _, err := grandson.Next(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	got = last(t, w.send(grandson, "/start"))
	if !hasButton(got, w.vi("followup.reminder_not")) || !hasButton(got, pass) {
		t.Fatalf("/start, a reminder awaited: %q %v, want its answers and %q", got.Text, got.Buttons(), pass)
	}
	w.press(grandson, pass)
	got = last(t, w.press(grandson, w.vi("followup.pass_confirm"))) // asked first (review 23f)
	if !strings.Contains(got.Text, w.vi("followup.passed", locales.Data{"Link": w.h.DeepLink(token)})) {
		t.Fatalf("after the hand-over: %q", got.Text)
	}
	// The grandmother opens it again: hers, asked for her own consent, and
	// once she agrees, the question the reminder asked.
	got = last(t, w.send(grandma, "/start "+token))
	// The question awaits its answer: agreeing shows it at once.
	if !strings.Contains(got.Text, w.vi("followup.consent_ask_now")) {
		t.Fatalf("the grandmother after the hand-over: %q", got.Text)
	}
	got = last(t, w.press(grandma, w.vi("followup.consent_yes")))
	if !hasButton(got, w.vi("followup.reminder_got")) || !hasButton(got, w.vi("followup.reminder_not")) {
		t.Errorf("the grandmother after agreeing: %q %v, want the reminder's question", got.Text, got.Buttons())
	}
}
