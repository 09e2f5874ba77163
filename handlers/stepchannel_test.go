package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// A guide done on the web portal with one step in the VNeID app: that
// step's screens say "in the VNeID app" – the unconfirmed button name, the
// ⚑ button, its question and its note – while the other steps and the
// guide-wide facts keep "on the portal".
func TestStepInVNeIDOfAWebGuide(t *testing.T) {
	w := newWorld(t)
	g := *guide(t, "khai-sinh")
	if g.Channel() != guides.ChannelWeb {
		t.Fatalf("khai-sinh is no longer a web guide: %q", g.Channel())
	}
	g.Steps = append([]guides.Step(nil), g.Steps...)
	g.Steps[0].Unconfirmed = "the login button's name"
	g.Steps[1].Unconfirmed = "the menu's name in the app"
	g.Steps[1].Channel = guides.ChannelVNeID
	g.Unconfirmed = map[string]string{"fee": "the fee"}
	w.withCatalog(guides.NewCatalog(&g))

	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u := w.volunteer("Kênh " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		w.send(u, "/new")
		w.press(u, tr.T("category.civil")+" (1)")
		consent := last(t, w.press(u, g.Title.In(lang)))
		if !strings.Contains(consent.Text, tr.T("case.info_check")) || strings.Contains(consent.Text, tr.T("case.info_check_vneid")) {
			t.Errorf("%s: the guide's fee line should say to check on the portal: %q", lang, consent.Text)
		}
		w.press(u, tr.T("consent.yes"))
		m := last(t, w.press(u, tr.T("case.begin"))) // step 1: on the portal
		if !strings.Contains(m.Text, tr.T("case.unconfirmed_step")) || !hasButton(m, tr.T("case.flag")) || hasButton(m, tr.T("case.flag_vneid")) {
			t.Errorf("%s: step 1, on the portal: %q %v", lang, m.Text, m.Buttons())
		}
		m = last(t, w.press(u, tr.T("case.done"))) // step 2: in VNeID
		if !strings.Contains(m.Text, tr.T("case.unconfirmed_step_vneid")) || strings.Contains(m.Text, tr.T("case.unconfirmed_step")) {
			t.Errorf("%s: step 2, in VNeID, says: %q", lang, m.Text)
		}
		if !hasButton(m, tr.T("case.flag_vneid")) || hasButton(m, tr.T("case.flag")) {
			t.Fatalf("%s: step 2, in VNeID, has the buttons %v", lang, m.Buttons())
		}
		m = last(t, w.press(u, tr.T("case.flag_vneid")))
		if !strings.Contains(m.Text, tr.T("case.flag_ask_vneid")) || strings.Contains(m.Text, tr.T("case.flag_ask")) {
			t.Errorf("%s: the flag's question: %q", lang, m.Text)
		}
		m = last(t, w.press(u, tr.T("flag.what_other")))
		if note := tr.T("case.flag_note_ask_vneid", locales.Data{"Max": 200}); !strings.Contains(m.Text, note) {
			t.Errorf("%s: the flag's note question: %q, want %q", lang, m.Text, note)
		}
		m = last(t, w.send(u, "menu moved"))
		if !strings.HasPrefix(m.Text, tr.T("case.flag_saved")) || !hasButton(m, tr.T("case.flag_vneid")) {
			t.Errorf("%s: after the flag: %q", lang, m.Text)
		}
		m = last(t, w.press(u, tr.T("case.back"))) // step 1 again: on the portal
		if !hasButton(m, tr.T("case.flag")) {
			t.Errorf("%s: back at step 1: %v", lang, m.Buttons())
		}
	}
}

// The split guides' own VNeID steps carry the channel: temporary residence
// is filed in the VNeID app though the guide names the web portal too.
func TestTemporaryResidenceStepsSayVNeID(t *testing.T) {
	w := newWorld(t)
	g := guide(t, "tam-tru")
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u, _ := w.openGuide(g, lang)
		m := w.toStepOf(u, g, lang, 1)
		if !hasButton(m, tr.T("case.flag_vneid")) {
			t.Errorf("%s: tam-tru's login in VNeID has the buttons %v", lang, m.Buttons())
		}
	}
}
