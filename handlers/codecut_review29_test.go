package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// keptCode is the dossier code case id keeps ("" when none).
func (w *world) keptCode(id int64) string {
	w.t.Helper()
	var kept string
	if err := w.store.DB().Get(&kept, `SELECT coalesce(max(dossier_code), '') FROM followups WHERE case_id = $1`, id); err != nil {
		w.t.Fatal(err)
	}
	return kept
}

// atCode takes a new volunteer to the code question of a dossier submitted
// with the reminder agreed, and sends typed there.
func (w *world) atCode(name, typed string) (*telegramtest.User, storage.Case, *telegramtest.Message) {
	w.t.Helper()
	u := w.volunteer(name)
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	m := last(w.t, w.send(u, typed))
	c, _ := w.lastCase(u)
	return u, c, m
}

// Review 29: a dossier code cut short at "Gõ mã hồ sơ…" ("H26-251127",
// the serial -0001 missing) was kept without a question, printed on the
// slip, and the resident could not look it up. It is never refused (a real
// receipt may read so): what looks missing is said, with the usual shape,
// and "✓ Giữ mã này" keeps it as typed; the whole code typed replaces it.
func TestCutCodeIsAskedAbout(t *testing.T) {
	const cut, whole = "H26-251127", "000.00.12.H26-251127-0001"
	asked := func(w *world, m string) bool {
		return strings.Contains(m, w.vi("case.dossier_cut_serial", locales.Data{"Code": cut}))
	}
	t.Run("kept after a restart, a double tap", func(t *testing.T) {
		w := newWorld(t)
		u, c, m := w.atCode("Minh", cut)
		if !asked(w, m.Text) || !hasButton(m, w.vi("case.keep_cut")) || w.keptCode(c.ID) != "" || c.Status != storage.CaseOpen {
			t.Fatalf("%q typed: kept %q, %s, %q %v", cut, w.keptCode(c.ID), c.Status, m.Text, m.Buttons())
		}
		// Sent again as it was: the same question, nothing kept.
		if m = last(t, w.send(u, "Mã hồ sơ: "+cut)); !asked(w, m.Text) || w.keptCode(c.ID) != "" {
			t.Fatalf("sent again: kept %q, %q", w.keptCode(c.ID), m.Text)
		}
		w.restart()
		w.tapTwice(u, m, w.vi("case.keep_cut"), true)
		if got := w.keptCode(c.ID); got != cut {
			t.Fatalf("✓ Giữ mã này: kept %q", got)
		}
		if c, _ = w.lastCase(u); c.Status != storage.CaseClosed {
			t.Fatalf("after ✓ Giữ mã này: %s", c.Status)
		}
		var failed int
		if err := w.store.DB().Get(&failed, `SELECT count(*) FROM updates WHERE status <> 'done'`); err != nil || failed != 0 {
			t.Fatalf("%d updates not done (%v)", failed, err)
		}
		if a := lastAnswer(t, u); a != w.vi("button.stale") && a != w.vi("button.done") {
			t.Errorf("the second tap on ✓ Giữ mã này: %q", a)
		}
	})
	t.Run("typed whole", func(t *testing.T) {
		w := newWorld(t)
		u, c, m := w.atCode("An", "000.00.12.H26")
		if !strings.Contains(m.Text, w.vi("case.dossier_cut_date", locales.Data{"Code": "000.00.12.H26"})) {
			t.Fatalf("the office's code alone: %q", m.Text)
		}
		m = last(t, w.send(u, cut)) // still cut, otherwise: asked about as such
		if !asked(w, m.Text) {
			t.Fatalf("%q at the question: %q", cut, m.Text)
		}
		w.send(u, whole)
		if got := w.keptCode(c.ID); got != whole {
			t.Fatalf("the whole code typed at the question: kept %q", got)
		}
	})
	t.Run("back, cancel, English", func(t *testing.T) {
		w := newWorld(t)
		u, c, m := w.atCode("Lan", cut)
		if !asked(w, m.Text) {
			t.Fatalf("%q typed: %q", cut, m.Text)
		}
		if m = last(t, w.press(u, w.vi("button.back"))); !hasButton(m, w.vi("outcome.submitted")) {
			t.Fatalf("← at the question: %q", m.Text)
		}
		w.press(u, w.vi("outcome.submitted"))
		w.send(u, cut)
		m = last(t, w.send(u, "/lang en"))
		if !strings.Contains(m.Text, w.en("case.dossier_cut_serial", locales.Data{"Code": cut})) || !hasButton(m, w.en("case.keep_cut")) {
			t.Fatalf("/lang en at the question: %q %v", m.Text, m.Buttons())
		}
		w.send(u, "/cancel")
		if c, _ = w.lastCase(u); c.Status != storage.CaseClosed || w.keptCode(c.ID) != "" {
			t.Fatalf("/cancel at the question: %s, kept %q", c.Status, w.keptCode(c.ID))
		}
		// Sent after the case closed: the offer to attach it says so too,
		// and the whole code typed there is offered in its place.
		m = last(t, w.send(u, cut))
		if !strings.Contains(m.Text, w.en("case.dossier_cut_serial", locales.Data{"Code": cut})) || !hasButton(m, w.en("case.attach_button", locales.Data{"Case": c.ID})) {
			t.Fatalf("%q after the case closed: %q %v", cut, m.Text, m.Buttons())
		}
		m = last(t, w.send(u, whole))
		if strings.Contains(m.Text, w.en("case.attach_cut")) || !strings.Contains(m.Text, whole) {
			t.Fatalf("%q typed at the offer: %q", whole, m.Text)
		}
		w.press(u, w.en("case.attach_button", locales.Data{"Case": c.ID}))
		if got := w.keptCode(c.ID); got != whole {
			t.Errorf("attached %q", got)
		}
	})
}
