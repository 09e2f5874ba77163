package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 35A: a note sent again within minutes is said kept (review 34A),
// but the same words may be a search. A volunteer who closed a case with
// "Lý do khác" and the note "khai sinh", then typed "khai sinh" to look up
// the birth registration for the next resident, was told "this note is
// already kept" and saw no procedure. Words that find guides are searched:
// the results, and one short line that the note is kept for its case
// (nothing is recorded twice); words that find none are still said kept.

// closeWithReason walks a case of guide id to "not submitted", "other
// reason" and the note, which closes it.
func (w *world) closeWithReason(u *telegramtest.User, id, note string) (storage.Case, []storage.CaseEvent) {
	w.t.Helper()
	w.toOutcome(u, id, false)
	w.press(u, w.vi("outcome.not_submitted"))
	w.press(u, w.vi("reason.other_reason"))
	w.send(u, note)
	c, es := w.lastCase(u)
	if c.Status != storage.CaseClosed || !c.Reason.Valid {
		w.t.Fatalf("set-up: the note %q did not close case #%d: %s", note, c.ID, c.Status)
	}
	return c, es
}

func TestReview35ANoteWordsThatFindGuidesAreSearched(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	g := guide(t, "khai-sinh")
	u := w.volunteer("Tra lại")
	c, es := w.closeWithReason(u, "khai-sinh", "khai sinh")
	kept := w.vi("case.note_kept_searched", locales.Data{"Case": c.ID})

	// The next resident's birth registration: the guides, and the line.
	first := last(t, w.send(u, "khai sinh"))
	if !hasButton(first, g.Title.Vi) || !strings.Contains(first.Text, kept) {
		t.Fatalf("the note's words typed to search: %q %v, want the guide %q and %q", first.Text, buttonTexts(first), g.Title.Vi, kept)
	}
	if strings.Contains(first.Text, w.vi("case.note_kept", locales.Data{"Case": c.ID})) {
		t.Errorf("the results say the long kept note as if nothing were searched: %q", first.Text)
	}

	// Sent twice (a double send): the results again, the first copy's
	// buttons gone; its guide pressed on a phone that still showed them
	// is out of date and starts nothing.
	old := dataOf(t, first, g.Title.Vi)
	second := last(t, fresh(w.send(u, "khai sinh")))
	if !hasButton(second, g.Title.Vi) || !strings.Contains(second.Text, kept) {
		t.Fatalf("the words sent twice: %q %v", second.Text, buttonTexts(second))
	}
	noButtons(t, u, first.ID, "the results searched again")
	id, err := u.PressData(first.ID, old)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, u); got != w.vi("button.stale") {
		t.Errorf("the first results' guide pressed after the second: %q", got)
	}
	drain(u)
	if n := caseNo(w, u); n != c.ID {
		t.Errorf("a stale press started case #%d", n)
	}

	// A restart (new Handlers over the same database): the same.
	w.restart()
	m := last(t, w.send(u, "khai sinh"))
	if !hasButton(m, g.Title.Vi) || !strings.Contains(m.Text, kept) {
		t.Fatalf("after a restart: %q %v", m.Text, buttonTexts(m))
	}
	if _, again := w.lastCase(u); len(again) != len(es) {
		t.Errorf("searching the note's words recorded events: %s, was %s", kinds(again), kinds(es))
	}

	// The results lead on: the guide pressed is the new case's consent.
	m = last(t, w.press(u, g.Title.Vi))
	if !hasButton(m, w.vi("consent.no")) {
		t.Errorf("the guide pressed from the results: %q %v", m.Text, buttonTexts(m))
	}
	w.send(u, "/cancel")

	// Past the minutes a resend takes, the words are a search like any.
	clk.advance(noteAgainPast)
	m = last(t, w.send(u, "khai sinh"))
	if !hasButton(m, g.Title.Vi) || strings.Contains(m.Text, kept) {
		t.Errorf("the words an hour later: %q %v", m.Text, buttonTexts(m))
	}
}

// Words naming a procedure no guide covers are a search's answer too: the
// screen that says so, with the line that the note is kept.
func TestReview35ANoteWordsOfAProcedureWithNoGuideAreSearched(t *testing.T) {
	w := newWorld(t)
	const note = "sang tên xe máy"
	u := w.volunteer("Sang tên")
	c, es := w.closeWithReason(u, "khai-sinh", note)
	m := last(t, w.send(u, note))
	if !strings.Contains(m.Text, w.vi("case.no_guide")) || !strings.Contains(m.Text, w.vi("case.note_kept_searched", locales.Data{"Case": c.ID})) {
		t.Errorf("the note's words, a procedure no guide covers: %q", m.Text)
	}
	if _, again := w.lastCase(u); len(again) != len(es) {
		t.Errorf("searching the note's words recorded events: %s, was %s", kinds(again), kinds(es))
	}
}

// noteAgainPast is past handlers' noteAgain.
const noteAgainPast = 11 * time.Minute

// The case the kept note was built for: words that find no guide, sent
// again by a phone that dropped, are said kept, with /new's words too,
// and nothing changes: the chat stays where it was.
func TestReview35ANoteThatFindsNothingIsStillSaidKept(t *testing.T) {
	w := newWorld(t)
	const note = "nguoi dan quen mang giay to"
	u := w.volunteer("Gửi lại lần nữa")
	c, es := w.closeWithReason(u, "khai-sinh", note)
	want := w.vi("case.note_kept", locales.Data{"Case": c.ID})
	for _, text := range []string{note, note} {
		if m := only(t, w.send(u, text)); m.Text != want {
			t.Errorf("%q sent again: %q %v, want %q", text, m.Text, buttonTexts(m), want)
		}
	}
	// With /new, the procedure list follows, as for any words that
	// draw no results.
	if ms := w.send(u, "/new "+note); len(ms) != 2 || ms[0].Text != want || ms[1].Text != w.vi("case.pick") {
		for _, m := range ms {
			t.Logf("/new with the note: %q", m.Text)
		}
		t.Errorf("/new with the note sent again: %d messages, want %q and the list", len(ms), want)
	}
	if _, again := w.lastCase(u); len(again) != len(es) {
		t.Errorf("the note sent again recorded events: %s, was %s", kinds(again), kinds(es))
	}
	w.restart()
	if m := only(t, w.send(u, note)); m.Text != want {
		t.Errorf("after a restart: %q, want %q", m.Text, want)
	}
}

// At a step, a problem's note typed again is said kept (review 34A); when
// its words name a procedure, the volunteer may have meant to look it up
// for another resident: the way there is said too (typed words at a step
// are never searched), and /new with them finds it.
func TestReview35AProblemNoteWordsAtTheStepSayHowToSearch(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "khai-sinh")
	u := w.volunteer("Ở bước")
	w.startBirthCase(u)
	w.press(u, w.vi("case.problem"))
	w.press(u, w.vi("case.problem_other"))
	w.send(u, "khai sinh")
	n := caseNo(w, u)

	ms := w.send(u, "khai sinh")
	text := ""
	for _, m := range ms {
		text += m.Text + "\n"
	}
	if !strings.Contains(text, w.vi("case.note_kept", locales.Data{"Case": n})) || !strings.Contains(text, w.vi("case.other_procedure")) {
		t.Errorf("the problem's note typed again at the step: %q, want %q and %q", text,
			w.vi("case.note_kept", locales.Data{"Case": n}), w.vi("case.other_procedure"))
	}
	if _, es := w.lastCase(u); strings.Count(kinds(es), "problem1(other)") != 1 {
		t.Errorf("the problem's note typed twice: %s, want one problem", kinds(es))
	}

	// /new with the words, as the line says: the case is paused, the
	// results shown with the line that the note is kept.
	m := last(t, w.send(u, "/new khai sinh"))
	if !hasButton(m, g.Title.Vi) || !strings.Contains(m.Text, w.vi("case.note_kept_searched", locales.Data{"Case": n})) {
		t.Errorf("/new with the note's words: %q %v", m.Text, buttonTexts(m))
	}
	c, es := w.lastCase(u)
	if c.Status != storage.CasePaused || strings.Count(kinds(es), "problem1(other)") != 1 {
		t.Errorf("/new with the note's words: case #%d %s, %s", c.ID, c.Status, kinds(es))
	}

	// A note that names no procedure, typed again: only said kept.
	v := w.volunteer("Ở bước, gửi lại")
	w.startBirthCase(v)
	w.press(v, w.vi("case.problem"))
	w.press(v, w.vi("case.problem_other"))
	w.send(v, "cong bao loi he thong")
	if m := last(t, w.send(v, "cong bao loi he thong")); strings.Contains(m.Text, w.vi("case.other_procedure")) {
		t.Errorf("a note naming no procedure typed again: %q", m.Text)
	}
}
