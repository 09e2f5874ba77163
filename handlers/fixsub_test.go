package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// An error whose fix leads to another guide offers it on the fix's screen
// (the password recovery, for a forgotten password on a login step), page
// by page, and comes back to the fix (review 26E: to the step, where its
// "✓ Fixed" was gone).
func TestFixOffersTheSubguideItsErrorNames(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "doi-gplx")
	e, _ := g.Steps[1].Problem("quen-mk")
	sub := guide(t, e.Subguide)
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, 2)
		w.press(u, tr.T("case.problem"))
		fix := last(t, w.press(u, e.Label.In(lang)))
		if !hasButton(fix, "📖 "+guide(t, g.Steps[1].Subguide).Title.In(lang)) {
			t.Errorf("%s: the fix lost the step's own sub-guide: %+v", lang, fix.Buttons())
		}
		m := last(t, w.press(u, "📖 "+sub.Title.In(lang)))
		pages := m.Text
		for hasButton(m, tr.T("button.next")) {
			m = last(t, w.press(u, tr.T("button.next")))
			pages += "\n" + m.Text
		}
		for _, s := range sub.Steps {
			if !strings.Contains(pages, s.Text.In(lang)) {
				t.Errorf("%s: the pages of %s lack its step %s", lang, sub.ID, s.ID)
			}
		}
		m = last(t, w.press(u, tr.T("case.to_fix")))
		if !strings.Contains(m.Text, tr.T("case.step_head", locales.Data{"Step": 2, "Steps": len(g.Steps), "Title": g.Steps[1].Title.In(lang)})) ||
			!strings.Contains(m.Text, e.Fix.In(lang)) || !hasButton(m, tr.T("case.fixed_done")) {
			t.Errorf("%s: back from the sub-guide: %q", lang, m.Text)
		}
	}
}
