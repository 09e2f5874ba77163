package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 26B, item 1: a volunteer reported a problem at a step, read its
// fix, and pressed ⏸ there. After a restart (a new Handlers on the same
// database) /resume drew the bare step: which problem was reported, and
// its fix, were gone — though /resume brings the fix back when the case
// was left on it without the pause. It comes back as it was paused, and
// its "✓ Fixed" goes on from there; /cancel there keeps it too.
func TestReview26BPauseOnAFixResumesTheFix(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	for _, leave := range []string{"pause", "/cancel"} {
		t.Run(leave, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Tạm dừng ở cách khắc phục")
			w.startBirthCase(v)
			id := caseNo(w, v)
			w.press(v, w.vi("case.problem"))
			if m := last(t, w.press(v, e.Label.Vi)); !strings.Contains(m.Text, e.Fix.Vi) {
				t.Fatalf("the fix of %q: %q", e.Label.Vi, m.Text)
			}
			if leave == "pause" {
				w.press(v, w.vi("case.pause"))
			} else {
				w.send(v, "/cancel")
			}
			if c, _ := w.lastCase(v); c.Status != storage.CasePaused {
				t.Fatalf("case #%d after %s at the fix: %s, want it paused", id, leave, c.Status)
			}
			w.withCatalog(catalog) // a restart

			m := last(t, w.send(v, "/resume"))
			if !strings.Contains(m.Text, "⚠ "+e.Label.Vi) || !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
				t.Fatalf("/resume after %s at the fix of %q and a restart: %q %v; want the fix again, with %q", leave, e.Label.Vi, m.Text, buttonTexts(m), w.vi("case.fixed_done"))
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
				t.Errorf("events: %s, want the problem once", kindsAndNotes(es))
			}
		})
	}
}

// A pause at the fix, then a step done later and paused at the bare step:
// /resume draws that step, not the old fix.
func TestReview26BPauseAtTheStepAfterAFixPauseResumesTheStep(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Tạm dừng hai lần")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	w.press(v, w.vi("case.pause"))
	w.send(v, "/resume")
	w.press(v, w.vi("case.to_step", locales.Data{"Step": 1}))
	w.press(v, w.vi("case.pause"))
	w.withCatalog(catalog)
	m := last(t, w.send(v, "/resume"))
	if strings.Contains(m.Text, e.Fix.Vi) || !strings.Contains(m.Text, w.stepHead(g, 0)) || !hasButton(m, w.vi("case.done")) {
		t.Fatalf("/resume after a pause at the bare step: %q %v, want the step", m.Text, buttonTexts(m))
	}
}

// Review 26B, item 2: the ⚑ screen (what differs on the portal) was not
// drawn again by /resume after a restart: the bare step came back, and the
// flag being given was lost. It comes back as it was, and its answer is
// recorded as a flag of that step.
func TestReview26BResumeAfterARestartBringsTheFlagScreenBack(t *testing.T) {
	g := guide(t, "khai-sinh")
	for _, several := range []bool{false, true} {
		name := "one open case"
		if several {
			name = "another case paused"
		}
		t.Run(name, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Gắn cờ")
			if several {
				w.startBirthCase(v)
			}
			w.startBirthCase(v)
			id := caseNo(w, v)
			ask := w.vi("case.flag_ask")
			if m := last(t, w.press(v, w.vi("case.flag"))); !strings.Contains(m.Text, ask) {
				t.Fatalf("⚑: %q", m.Text)
			}
			w.withCatalog(catalog)
			m := last(t, w.send(v, "/resume"))
			if several {
				if want := w.vi("resume.waiting_flag", locales.Data{"Case": id}); !strings.Contains(m.Text, want) {
					t.Errorf("/resume at ⚑, another case paused: %q, want the list to say %q", m.Text, want)
				}
				m = last(t, w.press(v, caseButtonOf(m, id)))
			}
			if !strings.Contains(m.Text, ask) || !hasButton(m, w.vi("flag.what_button")) {
				t.Fatalf("/resume after a restart at ⚑: %q %v; want %q again", m.Text, buttonTexts(m), ask)
			}
			m = last(t, w.press(v, w.vi("flag.what_button")))
			if !strings.Contains(m.Text, w.vi("case.flag_saved")) || !strings.Contains(m.Text, w.stepHead(g, 0)) {
				t.Errorf("a flag given on the ⚑ screen /resume drew: %q", m.Text)
			}
		})
	}
}

// Left from the list of open cases shown over its fix (/resume with
// another case paused, that other case pressed), the case is paused on its
// fix, and its button in the list draws the fix again after a restart.
func TestReview26BFixLeftFromTheListComesBack(t *testing.T) {
	g := guide(t, "khai-sinh")
	e := g.Steps[0].Errors[0]
	w := newWorld(t)
	v := w.volunteer("Rời từ danh sách")
	w.startBirthCase(v)
	other := caseNo(w, v)
	w.startBirthCase(v)
	id := caseNo(w, v)
	w.press(v, w.vi("case.problem"))
	w.press(v, e.Label.Vi)
	list := last(t, w.send(v, "/resume"))
	w.press(v, caseButtonOf(list, other))
	if c, _ := w.caseByID(v, id); c.Status != storage.CasePaused {
		t.Fatalf("case #%d after case #%d was taken up from the list: %s", id, other, c.Status)
	}
	w.withCatalog(catalog)
	m := last(t, w.send(v, "/resume"))
	m = last(t, w.press(v, caseButtonOf(m, id)))
	if !strings.Contains(m.Text, "⚠ "+e.Label.Vi) || !strings.Contains(m.Text, e.Fix.Vi) || !hasButton(m, w.vi("case.fixed_done")) {
		t.Fatalf("case #%d from the list after a restart: %q %v; want its fix", id, m.Text, buttonTexts(m))
	}
}
