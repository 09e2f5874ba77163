package handlers_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// toChecklist opens a case of cap-lai-the-bhyt for u (in tr's language)
// and answers its consent: its checklist.
func (w *world) toChecklist(u *telegramtest.User, tr *locales.Localizer) *telegramtest.Message {
	w.t.Helper()
	g := guide(w.t, "cap-lai-the-bhyt")
	w.send(u, "/new")
	w.press(u, tr.T("category."+g.Category)+" ("+strconv.Itoa(len(catalog.InCategory(g.Category)))+")")
	w.press(u, g.Title.In(tr.Lang()))
	consent := tr.T("consent.yes")
	if !g.OffersFollowup() {
		consent = tr.T("consent.read")
	}
	m := last(w.t, w.press(u, consent))
	if !strings.Contains(m.Text, tr.T("case.checklist")) {
		w.t.Fatalf("not at the checklist: %q", m.Text)
	}
	return m
}

// advisedCases are u's cases ended "no procedure needed", and their
// outcome events.
func (w *world) advisedCases(u *telegramtest.User) (cases, events int) {
	w.t.Helper()
	if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1 AND status = 'closed'
		AND outcome = 'not_submitted' AND reason = 'not_needed'`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	if err := w.store.DB().Get(&events, `SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
		WHERE c.volunteer_id = $1 AND e.kind = 'outcome'`, u.ID); err != nil {
		w.t.Fatal(err)
	}
	return cases, events
}

// Review 23n: a resident who needs no procedure at all (the health card in
// VNeID suffices) was ended "✕ Not eligible" and counted as not done. The
// checklist offers "✓ No procedure needed" beside it (each end asked once
// since review 23e: endAs): the case is kept as not done with the reason not_needed (an older binary
// reads it so), and its summary says it was advised.
func TestNotNeededEndsTheCase(t *testing.T) {
	w := newWorld(t)
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		u := w.volunteer("Tư vấn " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		m := w.toChecklist(u, tr)
		if !hasButton(m, tr.T("case.not_needed")) || !hasButton(m, tr.T("case.not_eligible")) {
			t.Fatalf("%s: the checklist's buttons %+v, want %q and %q", lang, m.Buttons(), tr.T("case.not_needed"), tr.T("case.not_eligible"))
		}
		ask := last(t, w.press(u, tr.T("case.not_needed")))
		data := dataOf(t, ask, tr.T("case.end_confirm"))
		sum := last(t, w.press(u, tr.T("case.end_confirm")))
		c, es := w.lastCase(u)
		if c.Status != storage.CaseClosed || c.Outcome.String != "not_submitted" || c.Reason.String != storage.ReasonNotNeeded {
			t.Errorf("%s: the case %s, %q, %q; want closed, not_submitted, not_needed", lang, c.Status, c.Outcome.String, c.Reason.String)
		}
		if got := kinds(es); got != "start outcome" {
			t.Errorf("%s: the events %s", lang, got)
		}
		head := tr.T("summary.head", locales.Data{"Case": c.ID})
		outcome := tr.T("summary.outcome", locales.Data{"Outcome": tr.T("outcome.not_needed")})
		if !strings.HasPrefix(sum.Text, head) || !strings.Contains(sum.Text, outcome) || strings.Contains(sum.Text, tr.T("outcome.not_submitted")) ||
			!hasButton(sum, tr.T("case.new_button")) {
			t.Errorf("%s: the summary %q, want %q and %q", lang, sum.Text, head, outcome)
		}
		// The second tap of a double tap: nothing more.
		id, err := u.PressData(m.ID, data)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(u)
		if n, e := w.advisedCases(u); n != 1 || e != 1 {
			t.Errorf("%s: after a double tap %d cases advised, %d outcome events; want 1 and 1", lang, n, e)
		}
		if got := msgByID(t, u, m.ID); !strings.HasPrefix(got.Text, head) {
			t.Errorf("%s: after a double tap the summary became %q", lang, got.Text)
		}
	}
}

// The odd paths: ℹ and ← back to the checklist; /cancel (the case set
// aside), the old checklist's button pressed then (stale: nothing), and
// /resume; a restart of the bot between; an older checklist drawn again
// below. Each case ends advised once.
func TestNotNeededOddPaths(t *testing.T) {
	w := newWorld(t)
	tr := w.texts.For("vi")
	u := w.volunteer("Đường vòng")
	w.toChecklist(u, tr)
	w.press(u, tr.T("case.info"))
	m := last(t, w.press(u, tr.T("button.back")))
	if !hasButton(m, tr.T("case.not_needed")) {
		t.Fatalf("back from ℹ: %q %+v", m.Text, m.Buttons())
	}
	data := dataOf(t, m, tr.T("case.not_needed"))
	w.send(u, "/cancel")
	c, _ := w.lastCase(u)
	if c.Status != storage.CasePaused {
		t.Fatalf("/cancel at the checklist: the case %s, want paused", c.Status)
	}
	id, err := u.PressData(m.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(u)
	if c, _ = w.lastCase(u); c.Status != storage.CasePaused {
		t.Fatalf("the old checklist's button after /cancel: the case %s, want still paused", c.Status)
	}
	w.restart()
	// /resume with one case set aside resumes it.
	if m = last(t, w.send(u, "/resume")); !hasButton(m, tr.T("case.not_needed")) {
		t.Fatalf("resumed: %q %+v", m.Text, m.Buttons())
	}
	w.endAs(u, tr.T("case.not_needed"))
	if n, e := w.advisedCases(u); n != 1 || e != 1 {
		t.Errorf("resumed after a restart: %d cases advised, %d outcome events; want 1 and 1", n, e)
	}

	// A second case: its checklist drawn again below typed text; the
	// copy above pressed, then the one below.
	above := w.toChecklist(u, tr)
	below := last(t, w.send(u, "the bhyt"))
	if !hasButton(below, tr.T("case.not_needed")) {
		t.Skipf("typed text at the checklist draws no checklist below: %q", below.Text)
	}
	if id, err = u.PressOn(above.ID, tr.T("case.not_needed")); err == nil {
		w.bot.WaitHandled(t, id)
		drain(u)
	}
	if id, err = u.PressOn(below.ID, tr.T("case.not_needed")); err == nil {
		w.bot.WaitHandled(t, id)
		drain(u)
	}
	w.press(u, tr.T("case.end_confirm"))
	if n, e := w.advisedCases(u); n != 2 || e != 2 {
		t.Errorf("two copies of a checklist pressed: %d cases advised, %d outcome events; want 2 and 2", n, e)
	}

	// A third: begun, step 1 read ("no new card needed"), ← back to the
	// checklist, as the step says; then ✓.
	w.toChecklist(u, tr)
	w.press(u, tr.T("case.begin"))
	if m = last(t, w.press(u, tr.T("case.back"))); !hasButton(m, tr.T("case.not_needed")) {
		t.Fatalf("← from step 1: %q %+v", m.Text, m.Buttons())
	}
	sum := last(t, w.endAs(u, tr.T("case.not_needed")))
	c, es := w.lastCase(u)
	if !strings.HasPrefix(sum.Text, tr.T("summary.head", locales.Data{"Case": c.ID})) || c.Reason.String != storage.ReasonNotNeeded ||
		!strings.HasSuffix(kinds(es), " outcome") || strings.Count(kinds(es), "outcome") != 1 {
		t.Errorf("← from step 1, then ✓: %q; the case %s %q, events %s", sum.Text, c.Status, c.Reason.String, kinds(es))
	}
	if n, e := w.advisedCases(u); n != 3 || e != 3 {
		t.Errorf("%d cases advised, %d outcome events; want 3 and 3", n, e)
	}
}

// A case advised "no procedure needed" counts on a line of its own in
// every report — the /tally text (and so the weekly digest, its text), the
// spreadsheet's summary, its procedures sheet and its case list, /me —
// not as not done nor as done; "not eligible" stays under not done.
func TestNotNeededTallied(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	tr := w.texts.For("vi")
	v := w.volunteer("Đếm")
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.toChecklist(v, tr)
	w.endAs(v, tr.T("case.not_needed"))
	advised := caseNo(w, v)
	w.toChecklist(v, tr)
	w.endAs(v, tr.T("case.not_eligible"))
	ineligible := caseNo(w, v)

	var text string
	var doc *telegramtest.Message
	for _, m := range fresh(w.send(coord, "/tally tháng này")) {
		switch {
		case m.Document != nil:
			doc = m
		case m.Photo == nil && strings.Contains(m.Text, tr.T("tally.by_outcome")):
			text = m.Text
		}
	}
	for _, want := range []string{
		"• " + tr.T("tally.outcome_not_needed") + ": 1",
		"• " + tr.T("tally.outcome_not_done") + ": 1",
		"   – " + tr.T("reason.not_eligible") + ": 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the /tally text has no %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, tr.T("reason.not_needed")) && !strings.Contains(tr.T("tally.outcome_not_needed"), tr.T("reason.not_needed")) {
		t.Errorf("the /tally text names not_needed as a reason of not done:\n%s", text)
	}
	if doc == nil {
		t.Fatal("/tally: no spreadsheet")
	}
	f, err := excelize.OpenReader(bytes.NewReader(doc.Document.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	summary, _ := sheetTotals(t, f, tr.T("tally.sheet_summary"))
	rows := map[string]string{}
	for _, r := range summary {
		if len(r) > 1 {
			rows[r[0]] = r[1]
		}
	}
	if rows[tr.T("tally.outcome_not_needed")] != "1" || rows[tr.T("tally.outcome_not_done")] != "1" || rows[tr.T("tally.row_helped")] != "0" {
		t.Errorf("the summary sheet: %v; want 1 advised, 1 not done, 0 helped", rows)
	}
	if _, ok := rows[tr.T("tally.outcome_not_done")+" – "+tr.T("reason.not_needed")]; ok {
		t.Errorf("the summary sheet counts not_needed as a reason of not done: %v", rows)
	}
	procs, _ := sheetTotals(t, f, tr.T("tally.sheet_procedures"))
	head, _ := f.GetRows(tr.T("tally.sheet_procedures"))
	if len(procs) != 1 || len(head) == 0 {
		t.Fatalf("the procedures sheet: %v", procs)
	}
	byCol := map[string]string{}
	for i, h := range head[0] {
		if i < len(procs[0]) {
			byCol[h] = procs[0][i]
		}
	}
	if byCol[tr.T("tally.col_cases")] != "2" || byCol[tr.T("tally.col_not_needed")] != "1" || byCol[tr.T("tally.col_not_done")] != "1" {
		t.Errorf("the procedures sheet's row: %v; want 2 cases, 1 advised, 1 not done", byCol)
	}
	modes, outcomes := w.caseListCells(coord, "/tally tháng này", w.vi)
	for id, want := range map[int64]string{advised: tr.T("tally.outcome_not_needed"), ineligible: tr.T("tally.outcome_not_done")} {
		if got := outcomes[strconv.FormatInt(id, 10)]; got != want {
			t.Errorf("the case list's outcome of case #%d: %q, want %q", id, got, want)
		}
		// Ended at its checklist, it was filed in no mode (review 23:
		// the list said "toàn trình", as the summary did).
		if got := modes[strconv.FormatInt(id, 10)]; got != "" {
			t.Errorf("the case list's mode of case #%d, ended at its checklist: %q, want none", id, got)
		}
	}

	me := last(t, w.send(v, "/me"))
	if want := tr.T("me.line_not_needed", locales.Data{"Period": tr.T("tally.period_month"), "Cases": "2", "Helped": "0", "NotNeeded": "1"}); !strings.Contains(me.Text, want) {
		t.Errorf("/me: %q, want %q", me.Text, want)
	}
}
