package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/storage"
)

// endAs ends u's case from its checklist by the end labelled label ("✕
// Không đủ điều kiện", "✓ Không cần làm thủ tục"), asked and confirmed:
// the replies to the confirmation (the summary).
func (w *world) endAs(u *telegramtest.User, label string) []*telegramtest.Message {
	w.t.Helper()
	tr := w.texts.For("vi")
	if !hasButton(last(w.t, w.press(u, label)), tr.T("case.end_confirm")) {
		tr = w.texts.For("en")
	}
	return w.press(u, tr.T("case.end_confirm"))
}

// Review 23e: "✕ Không đủ điều kiện" (and "✓ Không cần làm thủ tục") on
// the checklist closed the case in one tap, with no way back: a walker
// closed three cases by mistake (the button sits under "Bắt đầu", and two
// ← from step 2 land on the checklist). Each asks once; ← keeps the case
// open at its checklist; the end, pressed twice, ends it once.
func TestChecklistEndsAskFirst(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ button, reason string }{
		{"case.not_eligible", "not_eligible"},
		{"case.not_needed", storage.ReasonNotNeeded},
	} {
		for _, lang := range []string{"vi", "en"} {
			tr := w.texts.For(lang)
			u := w.volunteer("Hỏi trước " + tt.reason + " " + lang)
			if lang != "vi" {
				w.send(u, "/lang "+lang)
			}
			w.toChecklist(u, tr)
			ask := last(t, w.press(u, tr.T(tt.button)))
			c, _ := w.lastCase(u)
			if c.Status == storage.CaseClosed || !strings.Contains(ask.Text, tr.T("case.end_ask")) || !hasButton(ask, tr.T("case.end_confirm")) {
				t.Fatalf("%s %s: one tap %s the case: %q %+v", tt.reason, lang, c.Status, ask.Text, ask.Buttons())
			}
			back := last(t, w.press(u, tr.T("button.back")))
			if c, _ := w.lastCase(u); c.Status == storage.CaseClosed || !strings.Contains(back.Text, tr.T("case.checklist")) {
				t.Fatalf("%s %s: ← gave %s, %q", tt.reason, lang, c.Status, back.Text)
			}
			ask = last(t, w.press(u, tr.T(tt.button)))
			w.tapTogether(u, ask, tr.T("case.end_confirm"))
			// The summary names no mode: no dossier was filed (a walker read
			// "Hình thức: toàn trình" on a case advised that none was needed).
			if sum := msgByID(t, u, ask.ID); !strings.HasPrefix(sum.Text, "✅") || strings.Contains(sum.Text, strings.Split(tr.T("summary.mode"), ":")[0]) {
				t.Errorf("%s %s: the summary %q", tt.reason, lang, sum.Text)
			}
			c, es := w.lastCase(u)
			if c.Status != storage.CaseClosed || c.Reason.String != tt.reason || strings.Count(kinds(es), "outcome") != 1 {
				t.Errorf("%s %s: after the end pressed twice the case is %s, %q, events %s", tt.reason, lang, c.Status, c.Reason.String, kinds(es))
			}
		}
	}
}
