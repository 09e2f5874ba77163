package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// The resident at the counter scans the slip's QR code at once: their chat
// shows the dossier code, the one they will type on the portal. The
// volunteer then sees the code was mistyped and replaces it (the new slip
// is for the resident still at the desk). The resident's chat kept the
// wrong code without a word: the bot knows their chat and now tells them,
// in their language, the right code and that the one sent before was
// wrong. A chat that has said nothing yet (nobody opened the link) is told
// nothing; forgetting the follow-up takes the message back like every
// other that shows its code.
func TestCorrectedCodeIsToldToTheResident(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Sửa mã")
	const wrong, right = "000.00.12.H26-251127-0010", "000.00.12.H26-251127-0001"
	ms := w.finishWithCode(v, wrong)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)

	// Opened in Vietnamese, then English chosen: told in English, as the
	// reminders would be.
	res := w.srv.NewUser("Cư dân", "en")
	opened := last(t, w.send(res, "/start "+token))
	w.send(res, "/lang en")
	if !strings.Contains(opened.Text, wrong) {
		t.Fatalf("the resident's screen: %q", opened.Text)
	}

	clk.advance(3 * time.Minute)
	w.send(v, right)
	// The volunteer is told the resident got it: one who left the counter
	// needs no new slip.
	if ms := w.press(v, w.vi("case.replace_button", locales.Data{"Case": c.ID})); !strings.Contains(last(t, ms).Text, w.vi("case.replaced_told")) {
		t.Errorf("the volunteer is not told the resident got the right code: %q", last(t, ms).Text)
	}
	told, err := res.Next(5 * time.Second)
	if err != nil {
		t.Fatalf("the resident was told nothing of the corrected code: %v", err)
	}
	about := w.en("followup.about", locales.Data{"Code": right, "Guide": guide(t, "khai-sinh").Title.En})
	if want := about + "\n\n" + w.en("followup.code_corrected", locales.Data{"Old": wrong, "Code": right}); told.Text != want {
		t.Errorf("the resident was told %q, want %q", told.Text, want)
	}
	if ms := drain(res); len(ms) != 0 {
		t.Errorf("and then %d more messages: %q", len(ms), texts(ms))
	}
	// Opening the link again shows the right code.
	if got := last(t, w.send(res, "/start "+token)); !strings.Contains(got.Text, right) || strings.Contains(got.Text, wrong) {
		t.Errorf("the link opened again: %q", got.Text)
	}

	// A case whose link nobody opened: the correction goes to nobody.
	other := w.srv.NewUser("Người khác", "vi")
	clk.advance(time.Hour)
	w.finishWithCode(v, "000.00.12.H26-251127-0020")
	c2, _ := w.lastCase(v)
	clk.advance(time.Minute)
	w.send(v, "000.00.12.H26-251127-0002")
	if ms := w.press(v, w.vi("case.replace_button", locales.Data{"Case": c2.ID})); strings.Contains(last(t, ms).Text, w.vi("case.replaced_told")) {
		t.Errorf("the volunteer is told a resident who never opened the link got the code: %q", last(t, ms).Text)
	}
	if code, _, _ := followup(w, c2.ID); code != "000.00.12.H26-251127-0002" {
		t.Fatalf("the second case's code is %q", code)
	}
	if ms := drain(res); len(ms) != 0 {
		t.Errorf("the first resident was told of another case: %q", texts(ms))
	}
	if ms := drain(other); len(ms) != 0 {
		t.Errorf("someone else was told: %q", texts(ms))
	}
}
