package handlers_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 15, item 2: /resume's list said where a case stood by the step
// number it was saved with, before a deploy changed its guide: a case
// paused at its last step, which left the guide, was listed at "step 7/7"
// and opened at its outcome question; one whose earlier step left, at its
// old number of the old count. The list says where each case resumes.
func TestResumeListSaysWhereACaseResumesAfterADeploy(t *testing.T) {
	g := guide(t, "khai-sinh")
	w := newWorld(t)
	u := w.volunteer("Danh sách")
	w.startBirthCase(u)
	for range len(g.Steps) - 1 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause")) // case 1: at its last step, not done
	last1, _ := w.lastCase(u)
	w.startBirthCase(u)
	for range 3 {
		w.press(u, w.vi("case.done"))
	}
	w.press(u, w.vi("case.pause")) // case 2: at step 4
	last2, _ := w.lastCase(u)

	changed := *g // the last step, and the second, leave the guide
	changed.Steps = append(slices.Clone(g.Steps[:1]), g.Steps[2:len(g.Steps)-1]...)
	w.withCatalog(guides.NewCatalog(&changed))

	list := last(t, w.send(u, "/resume"))
	if !strings.HasPrefix(list.Text, w.vi("resume.head")) {
		t.Fatalf("/resume: %q", list.Text)
	}
	lineOf := func(id int64) string {
		t.Helper()
		for _, l := range strings.Split(list.Text, "\n") {
			if strings.HasPrefix(l, "• #"+strconv.FormatInt(id, 10)+" ") {
				return l
			}
		}
		t.Fatalf("case %d not listed: %q", id, list.Text)
		return ""
	}
	if l, want := lineOf(last1.ID), w.vi("resume.phase_outcome"); !strings.HasSuffix(l, want) {
		t.Errorf("the case whose last step left: %q, want it ending %q", l, want)
	}
	if l, want := lineOf(last2.ID), w.vi("resume.phase_steps", locales.Data{"Step": 3, "Steps": len(changed.Steps)}); !strings.HasSuffix(l, want) {
		t.Errorf("the case whose earlier step left: %q, want it ending %q", l, want)
	}

	// And it resumes there: the outcome question.
	m := last(t, w.press(u, buttonOf(t, list, last1.ID).Text))
	if !strings.Contains(m.Text, w.vi("case.outcome_ask")) {
		t.Errorf("case %d resumed at %q", last1.ID, m.Text)
	}
}
