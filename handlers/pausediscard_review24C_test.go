package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A case in which nothing was done yet (only steps skipped, to read
// ahead), paused at its checklist: its checklist offers "← Chọn thủ tục
// khác", but its pause message offered only ends that count it (not done,
// not needed, not eligible). It offers the throw-away too now; pressed, the
// case is discarded, counted nowhere, and the procedures come. Once a step
// is done the case is real: no throw-away, and a stale one ends nothing.
func TestPauseMessageOfAReadAheadCaseThrowsItAway(t *testing.T) {
	w := newWorld(t)
	tr := w.texts.For("vi")
	g := guide(t, "chung-thuc")
	u, _ := w.openGuide(g, "vi")
	w.toStepOf(u, g, "vi", 1)
	w.press(u, tr.T("case.skip"))
	w.backToChecklist(u, tr)
	paused := last(t, w.send(u, "/cancel"))
	if !hasButton(paused, tr.T("case.other_guide")) {
		t.Fatalf("the pause message of a case only read ahead: %q %+v; want %q", paused.Text, paused.Buttons(), tr.T("case.other_guide"))
	}
	m := last(t, w.press(u, tr.T("case.other_guide")))
	if !strings.HasPrefix(m.Text, tr.T("case.pick")) {
		t.Fatalf("after throwing it away from the pause message: %q", m.Text)
	}
	if c, es := w.lastCase(u); c.Status != storage.CaseDiscarded || len(es) != 0 {
		t.Fatalf("the case thrown away: %s, events %s", c.Status, kinds(es))
	}

	// A step done: the case is real.
	u2, _ := w.openGuide(g, "vi")
	w.toStepOf(u2, g, "vi", 1)
	w.press(u2, tr.T("case.done"))
	w.backToChecklist(u2, tr)
	paused = last(t, w.send(u2, "/cancel"))
	if hasButton(paused, tr.T("case.other_guide")) {
		t.Errorf("the pause message of a case with a step done offers to throw it away: %+v", paused.Buttons())
	}
}
