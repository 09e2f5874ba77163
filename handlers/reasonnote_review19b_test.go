package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A case ended "not submitted" for another reason, with the note the
// volunteer typed: the summary said "Lý do: Lý do khác" and nothing more,
// so the volunteer could not see what was kept (nor that it was kept), in
// either language. The note is on the summary, under the reason; without
// a note ("Không ghi chú") there is no such line.
func TestSummaryShowsTheOtherReasonsNote(t *testing.T) {
	w := newWorld(t)
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		g := guide(t, "khai-sinh")
		u, _ := w.openGuide(g, lang)
		w.stepsToOutcome(u, g, lang)
		w.press(u, tr.T("outcome.not_submitted"))
		w.press(u, tr.T("reason.other_reason"))
		note := "cổng báo bảo trì đến chiều"
		m := last(t, w.send(u, note))
		line := tr.T("summary.reason_note", locales.Data{"Note": note})
		c, _ := w.lastCase(u)
		if !strings.Contains(m.Text, tr.T("summary.head", locales.Data{"Case": c.ID})) || !strings.Contains(m.Text, line) {
			t.Errorf("%s: the summary does not show the note %q:\n%s", lang, line, m.Text)
		}
		if i, j := strings.Index(m.Text, tr.T("summary.reason", locales.Data{"Reason": tr.T("reason.other_reason")})), strings.Index(m.Text, line); i < 0 || j < i {
			t.Errorf("%s: the note is not under the reason:\n%s", lang, m.Text)
		}

		// Without a note: no note line.
		v, _ := w.openGuide(g, lang)
		w.stepsToOutcome(v, g, lang)
		w.press(v, tr.T("outcome.not_submitted"))
		w.press(v, tr.T("reason.other_reason"))
		m = last(t, w.press(v, tr.T("case.no_note")))
		if prefix, _, _ := strings.Cut(tr.T("summary.reason_note", locales.Data{"Note": "|"}), "|"); strings.Contains(m.Text, prefix) {
			t.Errorf("%s: a note line without a note:\n%s", lang, m.Text)
		}
	}
}
