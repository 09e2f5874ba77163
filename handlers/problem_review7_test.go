package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// An error chosen again after "Vẫn lỗi – chọn lỗi khác" (its fix did not
// help) was recorded a second time: the case's log, its summary ("2 lần
// gặp lỗi") and the tallies' "where residents get stuck" counted one
// problem that persisted as two. An error is recorded once while the case
// stays at its step; another error there is another problem, and the same
// error met again after the step was left is met anew.
func TestPersistingErrorCountsOnce(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "tam-tru")
	if len(g.Steps[0].Errors) < 2 {
		t.Fatalf("step 1 of %s has %d errors; the test needs two", g.ID, len(g.Steps[0].Errors))
	}
	first, second := g.Steps[0].Errors[0], g.Steps[0].Errors[1]
	u := w.volunteer("Lặp lỗi")
	w.send(u, "/new")
	w.send(u, "tam tru")
	w.press(u, g.Title.Vi)
	w.press(u, w.vi("consent.no"))
	if len(g.Prerequisites) > 0 {
		w.press(u, w.vi("case.begin"))
	}
	choose := func(label string) {
		t.Helper()
		w.press(u, w.vi("case.problem"))
		if m := last(t, w.press(u, label)); !strings.Contains(m.Text, "⚠ "+label) {
			t.Fatalf("the fix of %q is not shown: %q", label, m.Text)
		}
	}
	choose(first.Label.Vi)
	w.press(u, w.vi("case.other_problem")) // its fix did not help…
	if m := last(t, w.press(u, first.Label.Vi)); !strings.Contains(m.Text, "⚠ "+first.Label.Vi) {
		t.Fatalf("the same error again: %q", m.Text)
	}
	w.press(u, w.vi("case.other_problem"))
	w.press(u, second.Label.Vi) // another error: another problem
	w.press(u, w.vi("case.other_problem"))
	w.press(u, first.Label.Vi) // the first, still
	w.press(u, w.vi("case.fixed_done"))
	// Back to step 1 and the first error met anew: counted.
	w.press(u, w.vi("case.back"))
	choose(first.Label.Vi)
	w.press(u, w.vi("case.fixed_done"))
	_, es := w.lastCase(u)
	want := "start checklist problem1(" + first.ID + ") problem1(" + second.ID + ") done1 back2 problem1(" + first.ID + ") done1"
	if len(g.Prerequisites) == 0 {
		want = strings.Replace(want, "checklist ", "", 1)
	}
	if got := kinds(es); got != want {
		t.Fatalf("events: %s\nwant:   %s", got, want)
	}
	for range g.Steps[1:] {
		w.press(u, w.vi("case.done"))
	}
	m := last(t, w.press(u, w.vi("outcome.submitted")))
	c, _ := w.lastCase(u)
	var problems int
	if err := w.store.DB().Get(&problems, `SELECT problems FROM cases WHERE id = $1`, c.ID); err != nil || problems != 3 {
		t.Fatalf("problems kept on the case: %d (%v), want 3", problems, err)
	}
	if want := w.vi("summary.steps", locales.Data{"Done": len(g.Steps), "Skipped": 0, "Steps": len(g.Steps)}) + " " + w.texts.For("vi").N("summary.problems", 3); !strings.Contains(m.Text, want) {
		t.Fatalf("summary %q, want %q", m.Text, want)
	}
}
