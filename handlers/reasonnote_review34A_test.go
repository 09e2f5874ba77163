package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 34A, item 2: a case left while the bot asked the other reason's
// optional note ("Lý do khác", then "Gõ lý do ngắn…") — /cancel, /new, a
// phone that dropped and a restart — came back, resumed, on the list of
// reasons, as if none had been chosen: the volunteer, who had pressed
// "Lý do khác" and was about to type it, chose again from a list that did
// not say what was recorded. The pause message said "chờ ghi lý do"; the
// note question comes back, as a step's note question does since review
// 27E, saying which case (its head) and what is recorded so far (the
// outcome and "Lý do khác"), and the words typed then are its note.
func TestReview34ACaseLeftOnTheReasonNoteResumesOnIt(t *testing.T) {
	for _, leave := range []string{"/cancel", "/new", "/cancel, restart, ▶"} {
		t.Run(leave, func(t *testing.T) {
			w := newWorld(t)
			u := w.volunteer("Lý do dở")
			w.toOutcome(u, "khai-sinh", false)
			w.press(u, w.vi("outcome.not_submitted"))
			w.press(u, w.vi("reason.other_reason"))
			c, _ := w.lastCase(u)
			ask := w.vi("case.reason_note_ask", locales.Data{"Max": 200})
			so := w.vi("case.reason_note_so_far", locales.Data{"Outcome": w.vi("outcome.not_submitted"), "Reason": w.vi("reason.other_reason")})
			head := w.vi("case.head", locales.Data{"Guide": guide(t, "khai-sinh").Title.Vi, "Case": c.ID})
			switch leave {
			case "/cancel", "/cancel, restart, ▶":
				w.send(u, "/cancel")
			case "/new":
				w.send(u, "/new")
			}
			if c, _ := w.lastCase(u); c.Status != storage.CasePaused {
				t.Fatalf("left by %s on the reason's note: %s, want it paused", leave, c.Status)
			}
			var m = last(t, w.send(u, "/resume"))
			if leave == "/cancel, restart, ▶" {
				w.restart()
				w.send(u, "/cancel") // paused again, its pause message below
				m = last(t, w.press(u, w.vi("case.resume_button", locales.Data{"Case": c.ID})))
			}
			if !strings.Contains(m.Text, ask) || !hasButton(m, w.vi("case.no_note")) {
				t.Fatalf("taken up after %s: %q %v\nwant the note question it was left on: %q", leave, m.Text, m.Buttons(), ask)
			}
			if !strings.HasPrefix(m.Text, head+"\n") || !strings.Contains(m.Text, so) {
				t.Errorf("the note question taken up: %q\nwant which case (%q) and what is recorded (%q)", m.Text, head, so)
			}
			const note = "mất điện, hẹn quay lại"
			sum := last(t, w.send(u, note))
			c, _ = w.lastCase(u)
			if c.Status != storage.CaseClosed || c.Reason.String != "other_reason" || !strings.Contains(sum.Text, w.vi("summary.reason_note", locales.Data{"Note": note})) {
				t.Errorf("the note typed there: case %s, reason %q, %q", c.Status, c.Reason.String, sum.Text)
			}
		})
	}
}
