package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 25B, item 3: a volunteer reported a problem at a step and stood
// at its fix; the bot restarted (a new Handlers on the same database), and
// /resume drew the bare step: which problem was reported, and its fix,
// were gone. /resume brings the fix screen back, the problem chosen, as
// it was — the only open case straight away, one of several through the
// list and its button — and its "✓ Fixed" goes on from there.
func TestReview25BResumeAfterARestartBringsTheFixBack(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	for _, several := range []bool{false, true} {
		name := "one open case"
		if several {
			name = "another case paused"
		}
		t.Run(name, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Sửa lỗi")
			if several {
				w.startBirthCase(v) // paused by the /new below
			}
			w.startBirthCase(v)
			id := caseNo(w, v)
			w.press(v, w.vi("case.problem"))
			if m := last(t, w.press(v, e.Label.Vi)); !strings.Contains(m.Text, e.Fix.Vi) {
				t.Fatalf("the fix of %q: %q", e.Label.Vi, m.Text)
			}
			w.withCatalog(catalog) // a restart: a new Handlers on the same database

			m := last(t, w.send(v, "/resume"))
			if several {
				if want := w.vi("resume.waiting_fix", locales.Data{"Case": id}); !strings.Contains(m.Text, want) {
					t.Errorf("/resume at the fix, another case paused: %q, want the list to say %q", m.Text, want)
				}
				m = last(t, w.press(v, caseButtonOf(m, id)))
			}
			if !strings.Contains(m.Text, "⚠ "+e.Label.Vi) || !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
				t.Fatalf("/resume after a restart at the fix of %q: %q %v; want the fix again, with %q", e.Label.Vi, m.Text, buttonTexts(m), w.vi("case.fixed_done"))
			}
			if c, _ := w.lastCase(v); c.ID != id || c.Status != storage.CaseOpen {
				t.Fatalf("case #%d after /resume: #%d %s, want it open", id, c.ID, c.Status)
			}
			m = last(t, w.press(v, w.vi("case.fixed_done")))
			if !strings.Contains(m.Text, w.stepHead(g, 1)) {
				t.Errorf("%q on the fix drawn by /resume: %q, want step 2", w.vi("case.fixed_done"), m.Text)
			}
			_, es := w.lastCase(v)
			if n := strings.Count(kindsAndNotes(es), "problem"); n != 1 {
				t.Errorf("events after /resume and the fix: %s, want the problem once", kindsAndNotes(es))
			}
		})
	}
}
