package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// stepsToOutcome walks a case of g, opened on its consent screen, past its last
// step to the outcome screen.
func (w *world) stepsToOutcome(u *telegramtest.User, g *guides.Guide, lang string) *telegramtest.Message {
	w.t.Helper()
	tr := w.texts.For(lang)
	w.toStepOf(u, g, lang, len(g.Steps))
	m := last(w.t, w.press(u, tr.T("case.done")))
	if !strings.Contains(m.Text, tr.T("case.outcome_ask")) {
		w.t.Fatalf("%s: not at the outcome: %q", g.ID, m.Text)
	}
	return m
}

// A marriage registration carries no fee: its outcome screen does not
// offer "submitted and paid online", in either language; a birth
// registration, free only on time, still does.
func TestNoPaidOutcomeWhereNothingIsPaid(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		guide string
		paid  bool
	}{{"ket-hon", false}, {"thong-bao-luu-tru", false}, {"khai-sinh", true}} {
		g := guide(t, tt.guide)
		for _, lang := range locales.Languages {
			tr := w.texts.For(lang)
			u, _ := w.openGuide(g, lang)
			m := w.stepsToOutcome(u, g, lang)
			if hasButton(m, tr.T("outcome.paid")) != tt.paid || !hasButton(m, tr.T("outcome.submitted")) {
				t.Errorf("%s/%s: the outcome screen offers %v", g.ID, lang, m.Buttons())
			}
		}
	}
}

// A "paid online" button left on an old message – drawn before the guide
// said it carries no fee – gets the stale-button answer, records nothing,
// and the screen is drawn again without it.
func TestStalePaidButtonOnAFeeFreeCase(t *testing.T) {
	w := newWorld(t)
	before := *guide(t, "ket-hon")
	before.FeeFree = false
	w.withCatalog(guides.NewCatalog(&before))
	tr := w.texts.For("vi")
	u := w.volunteer("Cũ")
	w.send(u, "/new")
	w.press(u, tr.T("category.civil")+" (1)")
	w.press(u, before.Title.Vi)
	old := w.stepsToOutcome(u, &before, "vi")
	if !hasButton(old, tr.T("outcome.paid")) {
		t.Fatalf("the old outcome screen: %v", old.Buttons())
	}

	after := before
	after.FeeFree = true
	w.withCatalog(guides.NewCatalog(&after)) // a deploy
	id, err := u.PressOn(old.ID, tr.T("outcome.paid"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	if got := lastAnswer(t, u); got != tr.T("button.stale") {
		t.Errorf("the stale paid button answered %q, want %q", got, tr.T("button.stale"))
	}
	c, events := w.lastCase(u)
	if c.Outcome.Valid || c.Phase != storage.PhaseOutcome || c.Status != storage.CaseOpen {
		t.Errorf("a stale paid button recorded: outcome %v, phase %s, status %s, events %s", c.Outcome, c.Phase, c.Status, kinds(events))
	}
	shown := u.Messages()
	if m := shown[len(shown)-1]; m.ID != old.ID || hasButton(m, tr.T("outcome.paid")) || !hasButton(m, tr.T("outcome.submitted")) {
		t.Errorf("after the stale press the screen shows %q %v", m.Text, m.Buttons())
	}
	// The case ends as it should.
	w.press(u, tr.T("outcome.submitted"))
	if c, _ := w.lastCase(u); c.Outcome.String != "submitted" {
		t.Errorf("then submitted: outcome %v", c.Outcome)
	}
}
