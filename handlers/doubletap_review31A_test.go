package handlers_test

import (
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// landsOn presses, on message m as the first tap redrew it, the button
// now where label was before (same row): the second tap of a double tap
// that left the phone after the first one's edit arrived.
func (w *world) landsOn(u *telegramtest.User, before *telegramtest.Message, label string) (string, bool) {
	w.t.Helper()
	row := -1
	for i, r := range before.Keyboard {
		for _, b := range r {
			if b.Text == label {
				row = i
			}
		}
	}
	if row < 0 {
		w.t.Fatalf("no button %q on %q", label, before.Text)
	}
	now := msgByID(w.t, u, before.ID)
	if row >= len(now.Keyboard) || len(now.Keyboard[row]) == 0 {
		return "", false // nothing there: the tap does nothing
	}
	b := now.Keyboard[row][len(now.Keyboard[row])/2]
	w.forgeAnswer(u, now.ID, b.CallbackData)
	return b.Text, true
}

// Review 31A, item 4: "🔕 Không cần nhắc nữa" tapped twice. The first tap
// stops the reminders and redraws the card, whose "🔔 Đổi ý" sits in the
// very row 🔕 was: the second tap, come once that edit arrived, landed on
// it and asked for the reminders again — the resident who said stop was
// reminded. So did 🔔 tapped twice: the reminders it asked for were
// stopped by the second tap. A press of the other one that soon after is
// the double tap's second: answered as noted, the card left as the first
// tap drew it.
func TestReview31AStopOrRemindTappedTwiceDoesNotUndoItself(t *testing.T) {
	received := vn(2026, 11, 23, 10, 0)
	clock := &jobs.Clock{}
	clock.Set(received)
	w := newWorld(t, handlers.WithClock(clock.Now), handlers.WithTapGuard(time.Second))
	vol := w.member("An", storage.RoleVolunteer, anHoiTayCode)
	res := w.srv.NewUser("Bà Sáu", "vi")
	id := w.remindedCase(vol, res, "000.00.12.H26-261123-3101", received, vn(2026, 11, 24, 0, 0), true)

	clock.Set(received.Add(time.Hour)) // the card read long after the consent
	card := last(t, w.send(res, "/start"))
	w.press(res, w.vi("followup.stop_button"))
	landed, ok := w.landsOn(res, card, w.vi("followup.stop_button"))
	if !ok || landed != w.vi("followup.consent_later") {
		t.Fatalf("the second tap of 🔕 lands on %q (%v): the layout changed, this test no longer tells", landed, ok)
	}
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Errorf("🔕 tapped twice: the second tap, on 🔔, asked for the reminders again (consent %+v)", f.Consent)
	}
	if a := lastAnswer(t, res); a != w.vi("followup.noted_already") {
		t.Errorf("the second tap was answered %q", a)
	}
	if m := msgByID(t, res, card.ID); !hasButton(m, w.vi("followup.consent_later")) {
		t.Errorf("the card after the second tap: %q %v, want the one the first drew", m.Text, m.Buttons())
	}

	// Later (the guard passed), 🔔 asks for them again, tapped twice too.
	clock.Set(received.Add(time.Hour + time.Minute))
	card = msgByID(t, res, card.ID)
	w.pressOn(res, card.ID, w.vi("followup.consent_later"))
	if f, _ := w.followupRow(id); !f.Consent.Bool {
		t.Fatalf("🔔 pressed a minute later: consent %+v", f.Consent)
	}
	landed, ok = w.landsOn(res, card, w.vi("followup.consent_later"))
	if !ok || landed != w.vi("followup.stop_button") {
		t.Fatalf("the second tap of 🔔 lands on %q (%v)", landed, ok)
	}
	if f, _ := w.followupRow(id); !f.Consent.Bool {
		t.Errorf("🔔 tapped twice: the second tap, on 🔕, stopped the reminders (consent %+v)", f.Consent)
	}
	// A deliberate press, read after the guard: taken.
	clock.Set(received.Add(time.Hour + 2*time.Minute))
	w.pressOn(res, card.ID, w.vi("followup.stop_button"))
	if f, _ := w.followupRow(id); f.Consent.Bool {
		t.Errorf("🔕 pressed a minute after 🔔: consent %+v", f.Consent)
	}
}

// "✓ Đồng ý nhận nhắc" tapped twice: the card it draws has the stars in
// its first row, where ✓ was — the second tap rated the help with
// whatever star it hit, a rating nobody gave.
func TestReview31AConsentTappedTwiceRatesNothing(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	caseID, _, res := w.openedFollowupRead(clk, "Vân", "000.00.12.H26-251127-3102") // the case walked at a reader's pace: the wizard's tap guard (review 31C)
	card := res.Last()
	w.press(res, w.vi("followup.consent_yes"))
	landed, ok := w.landsOn(res, card, w.vi("followup.consent_yes"))
	if !ok || len(landed) == 0 {
		t.Fatalf("the second tap of ✓ lands on nothing: the layout changed, this test no longer tells")
	}
	f, _ := w.followupRow(caseID)
	if f.Rating.Valid {
		t.Errorf("✓ tapped twice: the second tap, on %q, rated the help %d", landed, f.Rating.Int16)
	}
	if !f.Consent.Bool {
		t.Errorf("consent %+v", f.Consent)
	}
	if w.flowOf(res) == "followup" {
		t.Errorf("the second tap opened the comment question")
	}
	// Read, then rated: taken.
	clk.advance(time.Minute)
	w.pressOn(res, card.ID, "4★")
	if f, _ := w.followupRow(caseID); f.Rating.Int16 != 4 {
		t.Errorf("4★ pressed a minute after ✓: rating %+v", f.Rating)
	}
}

// "Không, cảm ơn" tapped twice: its row holds "📬 Đã nhận kết quả" on the
// card it draws, and the second tap drew the "received?" question there,
// in place of the answer just given. Answered as noted, the card stays.
func TestReview31ADeclineTappedTwiceAsksNothing(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now), handlers.WithTapGuard(time.Second))
	caseID, _, res := w.openedFollowupRead(clk, "Vân", "000.00.12.H26-251127-3103") // the case walked at a reader's pace: the wizard's tap guard (review 31C)
	card := res.Last()
	w.press(res, w.vi("followup.consent_no"))
	landed, ok := w.landsOn(res, card, w.vi("followup.consent_no"))
	if !ok || landed != w.vi("followup.result_got") {
		t.Fatalf("the second tap of \"Không\" lands on %q (%v): the layout changed, this test no longer tells", landed, ok)
	}
	if m := msgByID(t, res, card.ID); hasButton(m, w.vi("followup.received_yes")) || !hasButton(m, w.vi("followup.consent_later")) {
		t.Errorf("after \"Không\" tapped twice the card reads %q %v, want the answer the first tap drew", m.Text, m.Buttons())
	}
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupWaiting || f.Consent.Bool {
		t.Errorf("status %q consent %+v", f.Status, f.Consent)
	}
}
