package handlers_test

import (
	"strings"
	"testing"
)

// At the consent screen, "khai tu" typed (the resident wants another
// procedure) was "Ở bước này hãy bấm một nút bên dưới." and the whole
// consent again (review 23v). A typed search there finds the other guide,
// as the procedure list does: the consent left has no case yet, and loses
// its buttons. What finds none is answered in words of the consent screen,
// not "at this step" — nor at the checklist or the fee page, no steps either.
func TestConsentTakesATypedSearch(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Thủ tục khác")
	ct, kt := guide(t, "chung-thuc"), guide(t, "khai-tu")
	w.send(v, "/new")
	w.send(v, "chung thuc")
	consent := last(t, w.press(v, ct.Title.Vi))
	ms := w.send(v, "khai tu")
	m := last(t, ms)
	if !hasButton(m, kt.Title.Vi) || strings.Contains(m.Text, w.vi("case.press_a_button")) {
		t.Fatalf("“khai tu” typed at the consent: %q %v; want the search's results with %q", m.Text, m.Buttons(), kt.Title.Vi)
	}
	for _, got := range v.Messages() {
		if got.ID == consent.ID && len(got.Buttons()) != 0 {
			t.Errorf("the consent left keeps its buttons: %v", got.Buttons())
		}
	}
	m = last(t, w.press(v, kt.Title.Vi))
	if !hasButton(m, w.vi("consent.yes")) || !strings.Contains(m.Text, kt.Title.Vi) {
		t.Fatalf("the guide found: %q %v; want its consent", m.Text, m.Buttons())
	}
	var cases int
	if err := w.store.DB().Get(&cases, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, v.ID); err != nil || cases != 0 {
		t.Errorf("%d cases (err %v); want none before the consent is answered", cases, err)
	}

	// Words that find nothing: the consent again, said of it.
	for _, typed := range []string{"ok", "👍", "abc"} {
		m = last(t, w.send(v, typed))
		if !strings.HasPrefix(m.Text, w.vi("case.press_consent")) || !hasButton(m, w.vi("consent.yes")) {
			t.Errorf("%q at the consent: %q; want %q above the consent", typed, m.Text, w.vi("case.press_consent"))
		}
	}
	// The fee page and the checklist are no steps either.
	w.press(v, w.vi("case.info"))
	if m = last(t, w.send(v, "ok")); !strings.HasPrefix(m.Text, w.vi("case.press_info")) {
		t.Errorf("“ok” at the fee page: %q; want %q", m.Text, w.vi("case.press_info"))
	}
	w.press(v, w.vi("button.back"))
	w.press(v, w.vi("consent.no"))
	if m = last(t, w.send(v, "ok")); !strings.HasPrefix(m.Text, w.vi("case.press_checklist")) || !hasButton(m, w.vi("case.begin")) {
		t.Errorf("“ok” at the checklist: %q %v; want %q", m.Text, m.Buttons(), w.vi("case.press_checklist"))
	}
}
