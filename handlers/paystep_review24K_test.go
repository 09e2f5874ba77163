package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/storage"
)

// kpiLine is the /tally text's line of a KPI, as coord reads it this month.
func (w *world) kpiLine(coord *telegramtest.User, kpi string) string {
	w.t.Helper()
	want := "• " + w.vi("tally.kpi_"+kpi) + ": "
	for _, m := range fresh(w.send(coord, "/tally tháng này")) {
		for _, l := range strings.Split(m.Text, "\n") {
			if strings.HasPrefix(l, want) {
				return l
			}
		}
	}
	return ""
}

// Review 24K: a volunteer walked ly-lich-tu-phap to its end, marking "Nộp
// phí trực tuyến" done, and tapped the outcome screen's first button, "📨
// Đã nộp hồ sơ": the case was logged submitted, and the fee paid online
// never reached the scheme's payment_online KPI. A guide now marks the
// step that pays (`pays`); once it was done, the outcome screen leads with
// "💳 … thanh toán trực tuyến", plain "📨 Đã nộp hồ sơ" below it. Every guide that marks one, in both languages where the walk
// allows; the first button tapped counts as paid online.
func TestPaidStepLeadsTheOutcome(t *testing.T) {
	w := newWorld(t)
	coord := w.tallyMember("Điều phối", anHoiTayCode, storage.RoleCoordinator)
	paid := 0
	var marked []*guides.Guide
	for _, g := range catalog.All() {
		if g.PayStep() >= 0 {
			marked = append(marked, g)
		}
	}
	if len(marked) < 10 {
		t.Fatalf("%d guides mark a step that pays, want the dossiers paid online at a step", len(marked))
	}
	for _, g := range marked {
		langs := []string{"vi"}
		if g.ID == "ly-lich-tu-phap" || g.ID == "doi-gplx" {
			langs = append(langs, "en")
		}
		for _, lang := range langs {
			tr := w.texts.For(lang)
			u, _ := w.openGuide(g, lang)
			m := w.stepsToOutcome(u, g, lang)
			bs := m.Buttons()
			if len(bs) == 0 || bs[0].Text != tr.T("outcome.paid") {
				t.Errorf("%s (%s): step %d %q done, the outcome screen's buttons %v; want %q first", g.ID, lang, g.PayStep()+1, g.Steps[g.PayStep()].Title.In(lang), bs, tr.T("outcome.paid"))
				continue
			}
			if len(bs) < 2 || bs[1].Text != tr.T("outcome.submitted") {
				t.Errorf("%s (%s): the outcome screen's buttons %v; want %q second, below the paid one", g.ID, lang, bs, tr.T("outcome.submitted"))
			}
			next := last(t, w.press(u, bs[0].Text))
			if hasButton(next, tr.T("case.no_dossier")) {
				next = last(t, w.press(u, tr.T("case.no_dossier")))
			}
			c, _ := w.lastCase(u)
			if c.Status != storage.CaseClosed || c.Outcome.String != "paid" {
				t.Errorf("%s (%s): the first button recorded %s %q; want closed, paid (%q)", g.ID, lang, c.Status, c.Outcome.String, next.Text)
				continue
			}
			if !strings.Contains(next.Text, tr.T("outcome.paid")) {
				t.Errorf("%s (%s): the summary %q does not say %q", g.ID, lang, next.Text, tr.T("outcome.paid"))
			}
			paid++
		}
	}
	if got := w.kpiLine(coord, "payment_online"); !strings.HasSuffix(got, ": "+strconv.Itoa(paid)) {
		t.Errorf("/tally's payment line %q, want %d cases", got, paid)
	}
}

// The plain choice is still there, and still plain submitted: the fee paid
// at the counter after all. Where the paying step was skipped, or a guide
// marks none (khai-sinh, free on time), the screen is as it was —
// "📨 Đã nộp hồ sơ" first.
func TestPlainSubmittedWhenNothingWasPaid(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "ly-lich-tu-phap")
	u, _ := w.openGuide(g, "vi")
	w.stepsToOutcome(u, g, "vi")
	next := last(t, w.press(u, w.vi("outcome.submitted")))
	if hasButton(next, w.vi("case.no_dossier")) {
		w.press(u, w.vi("case.no_dossier"))
	}
	if c, _ := w.lastCase(u); c.Status != storage.CaseClosed || c.Outcome.String != "submitted" {
		t.Errorf("the plain choice after the paying step: %s %q, want closed, submitted", c.Status, c.Outcome.String)
	}

	// The paying step skipped: nothing says the fee was paid.
	u, _ = w.openGuide(g, "vi")
	w.toStepOf(u, g, "vi", g.PayStep()+1)
	w.press(u, w.vi("case.skip"))
	for range len(g.Steps) - g.PayStep() - 2 {
		w.press(u, w.vi("case.done"))
	}
	m := last(t, w.press(u, w.vi("case.done")))
	if bs := m.Buttons(); len(bs) < 2 || bs[0].Text != w.vi("outcome.submitted") || bs[1].Text != w.vi("outcome.paid") {
		t.Errorf("the paying step skipped: the outcome screen %q %v; want %q then %q", m.Text, bs, w.vi("outcome.submitted"), w.vi("outcome.paid"))
	}

	ks := guide(t, "khai-sinh")
	u, _ = w.openGuide(ks, "vi")
	m = w.stepsToOutcome(u, ks, "vi")
	if bs := m.Buttons(); len(bs) < 2 || bs[0].Text != w.vi("outcome.submitted") || bs[1].Text != w.vi("outcome.paid") {
		t.Errorf("khai-sinh, no paying step: the outcome screen %v; want %q then %q", bs, w.vi("outcome.submitted"), w.vi("outcome.paid"))
	}
}
