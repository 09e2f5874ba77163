package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// endAsked fails unless m is case id's question whether to end it as the
// checklist's end labelled by key ("case.not_eligible", "case.not_needed"),
// with its "✓ Kết thúc ca" and ←.
func endAsked(t *testing.T, w *world, m *telegramtest.Message, id int64, key, what string) {
	t.Helper()
	head := w.vi("case.head", locales.Data{"Guide": guide(t, "cap-lai-the-bhyt").Title.Vi, "Case": id})
	if !strings.HasPrefix(m.Text, head+"\n"+w.vi(key)+"\n") || !strings.Contains(m.Text, w.vi("case.end_ask")) ||
		!hasButton(m, w.vi("case.end_confirm")) || !hasButton(m, w.vi("button.back")) {
		t.Fatalf("%s: %q %v\nwant case #%d's question whether to end it as %q", what, m.Text, buttonTexts(m), id, w.vi(key))
	}
}

// The checklist's question whether to end the case as not eligible (or as
// needing no procedure), "Kết thúc ca này như trên?", was lost by /resume:
// left there by a restart, /cancel or /new, the case came back on its bare
// checklist, though the chat's row kept the question (and the pause event
// can say it, as it says a step's fix or the other reason's note). It
// comes back on that question, with the end it asks about, and "✓ Kết thúc
// ca" there ends the case so.
func TestCaseLeftOnTheChecklistsEndResumesOnIt(t *testing.T) {
	for _, tt := range []struct{ leave, key, reason string }{
		{"restart", "case.not_eligible", "not_eligible"},
		{"/cancel", "case.not_needed", storage.ReasonNotNeeded},
		{"/new", "case.not_eligible", "not_eligible"},
		{"/cancel, restart, ▶", "case.not_needed", storage.ReasonNotNeeded},
	} {
		t.Run(tt.leave, func(t *testing.T) {
			w := newWorld(t)
			u := w.volunteer("Kết thúc dở")
			w.toChecklist(u, w.texts.For("vi"))
			id := caseNo(w, u)
			endAsked(t, w, last(t, w.press(u, w.vi(tt.key))), id, tt.key, "the checklist's end")
			switch tt.leave {
			case "restart":
				w.restart()
			case "/cancel", "/cancel, restart, ▶":
				w.send(u, "/cancel")
			case "/new":
				w.send(u, "/new")
			}
			want := storage.CaseOpen
			if tt.leave != "restart" {
				want = storage.CasePaused
			}
			if c, _ := w.lastCase(u); c.Status != want || c.Phase != storage.PhaseChecklist {
				t.Fatalf("left by %s on the end's question: %s at %s, want %s at the checklist", tt.leave, c.Status, c.Phase, want)
			}
			var m *telegramtest.Message
			if tt.leave == "/cancel, restart, ▶" {
				w.restart()
				m = last(t, w.press(u, w.vi("case.resume_button", locales.Data{"Case": id})))
			} else {
				m = last(t, w.send(u, "/resume"))
			}
			endAsked(t, w, m, id, tt.key, "taken up after "+tt.leave)
			sum := last(t, w.press(u, w.vi("case.end_confirm")))
			c, _ := w.lastCase(u)
			if c.Status != storage.CaseClosed || c.Reason.String != tt.reason || !strings.HasPrefix(sum.Text, "✅") {
				t.Errorf("✓ Kết thúc ca on the question taken up: case %s, reason %q, %q", c.Status, c.Reason.String, sum.Text)
			}
		})
	}
}

// With another case open, /resume on the end's question lists the open
// cases, saying that the one on screen waits for a choice (not for words
// typed), and its button there brings the question back.
func TestResumeListOverTheChecklistsEnd(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Kết thúc dở, hai ca")
	w.startBirthCase(u) // left paused by the /new below
	a := caseNo(w, u)
	w.toChecklist(u, w.texts.For("vi"))
	b := caseNo(w, u)
	w.press(u, w.vi("case.not_eligible"))
	m := last(t, w.send(u, "/resume"))
	if caseButtonOf(m, a) == "" || caseButtonOf(m, b) == "" || !strings.Contains(m.Text, w.vi("resume.waiting_choice", locales.Data{"Case": b})) {
		t.Fatalf("/resume with two cases open, on #%d's end question: %q %v; want both listed, #%d waiting for a choice", b, m.Text, buttonTexts(m), b)
	}
	if s := caseStatus(t, w, u, b); s != storage.CaseOpen {
		t.Errorf("case #%d after /resume: %s, want still open", b, s)
	}
	// Words typed on the list are no answer to a question of buttons: it
	// is not drawn again saying so (resume.typed_over).
	if typed := last(t, w.send(u, "đủ rồi")); strings.Contains(typed.Text, w.vi("resume.typed_over", locales.Data{"Case": b})) {
		t.Errorf("words typed on the list over #%d's end question: %q", b, typed.Text)
	}
	endAsked(t, w, last(t, w.press(u, caseButtonOf(m, b))), b, "case.not_eligible", "its button in the list")
}
