package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// backToChecklist presses ← Back until the case's checklist shows, and
// returns it.
func (w *world) backToChecklist(u *telegramtest.User, tr *locales.Localizer) *telegramtest.Message {
	w.t.Helper()
	for range 25 {
		m := last(w.t, w.press(u, tr.T("case.back")))
		if strings.Contains(m.Text, tr.T("case.checklist")) {
			return m
		}
	}
	w.t.Fatal("← Back never reached the checklist")
	return nil
}

// Review 24K: a volunteer began chung-thuc and skipped two steps to read
// what comes, then went back to the checklist: "← Chọn thủ tục khác" was
// gone, and the way the guide's step 1 then named, "✕ Không đủ điều kiện"
// and "➕ Ca mới", logged a finished not-eligible case that /me, /tally
// and the case list counted. A case where only skips and backs were
// recorded did nothing: it can still be thrown away, and nothing counts
// it. One with a step done or a problem noted still cannot.
func TestReadAheadCaseCanBeThrownAway(t *testing.T) {
	w := newWorld(t)
	coord := w.tallyMember("Điều phối", anHoiTayCode, storage.RoleCoordinator)
	g := guide(t, "chung-thuc")
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		w.toStepOf(u, g, lang, 1)
		w.press(u, tr.T("case.skip"))
		w.press(u, tr.T("case.skip"))
		list := w.backToChecklist(u, tr)
		if !hasButton(list, tr.T("case.other_guide")) {
			t.Fatalf("%s: the checklist after two steps skipped and ← back: %+v; want %q", lang, list.Buttons(), tr.T("case.other_guide"))
		}
		// Read ahead once more, then thrown away.
		w.press(u, tr.T("case.begin"))
		w.press(u, tr.T("case.skip"))
		w.backToChecklist(u, tr)
		m := last(t, w.press(u, tr.T("case.other_guide")))
		if !strings.HasPrefix(m.Text, tr.T("case.pick")) {
			t.Fatalf("%s: after throwing the case away: %q", lang, m.Text)
		}
		c, es := w.lastCase(u)
		if c.Status != storage.CaseDiscarded || len(es) != 0 {
			t.Fatalf("%s: the case thrown away: %s, events %s", lang, c.Status, kinds(es))
		}
		if me := last(t, w.send(u, "/me")); !strings.Contains(me.Text, tr.T("me.none")) {
			t.Errorf("%s: /me after a case thrown away: %q, want %q", lang, me.Text, tr.T("me.none"))
		}
	}
	var text string
	for _, m := range fresh(w.send(coord, "/tally tháng này")) {
		text += m.Text + "\n"
	}
	if !strings.Contains(text, w.vi("tally.empty_no_files")) && !strings.Contains(text, w.vi("tally.empty")) {
		t.Errorf("/tally after two cases thrown away: %q, want none counted", text)
	}

	// Skips, then a problem noted: the case is real, and ends counted.
	tr := w.texts.For("vi")
	u, _ := w.openGuide(g, "vi")
	w.toStepOf(u, g, "vi", 1)
	w.press(u, tr.T("case.skip"))
	w.press(u, tr.T("case.problem"))
	if len(g.Steps[1].Errors) > 0 {
		w.press(u, tr.T("case.problem_other"))
	}
	w.send(u, "trang cổng khác hướng dẫn")
	if list := w.backToChecklist(u, tr); hasButton(list, tr.T("case.other_guide")) {
		t.Errorf("the checklist after a problem noted: %+v; want no %q", list.Buttons(), tr.T("case.other_guide"))
	}
	w.endAs(u, tr.T("case.not_eligible"))
	real, _ := w.lastCase(u)
	// A step done (after a skip): real too.
	v, _ := w.openGuide(g, "vi")
	w.toStepOf(v, g, "vi", 1)
	w.press(v, tr.T("case.skip"))
	w.press(v, tr.T("case.done"))
	if list := w.backToChecklist(v, tr); hasButton(list, tr.T("case.other_guide")) {
		t.Errorf("the checklist after a step done: %+v; want no %q", list.Buttons(), tr.T("case.other_guide"))
	}

	_, outcomes := w.caseListCells(coord, "/tally tháng này", w.vi)
	if len(outcomes) != 1 || outcomes[strconv.FormatInt(real.ID, 10)] == "" {
		t.Errorf("the case list: %v; want only case #%d", outcomes, real.ID)
	}
	if me := last(t, w.send(u, "/me")); !strings.Contains(me.Text, tr.T("me.line", locales.Data{"Period": tr.T("tally.period_month"), "Cases": "1", "Helped": "0"})) {
		t.Errorf("/me after the real case: %q", me.Text)
	}
}
