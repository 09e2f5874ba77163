package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// A guide done in an app says, beside a fact or a screen no source
// confirmed, to check in that app, not "on the portal".
func TestUnconfirmedNotesNameTheApp(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct{ guide, key string }{
		{"tai-khoan-thanh-toan", "app"},
		{"khai-bao-tam-vang", "vneid"},
	} {
		g := guide(t, tt.guide)
		if g.Channel() != tt.key {
			t.Fatalf("%s: channel %q, want %q", g.ID, g.Channel(), tt.key)
		}
		step := 0
		for i, s := range g.Steps {
			if s.Unconfirmed != "" {
				step = i + 1
				break
			}
		}
		for _, lang := range locales.Languages {
			tr := w.texts.For(lang)
			u, consent := w.openGuide(g, lang)
			if _, doubt := g.Unconfirmed["fee"]; doubt && !strings.Contains(consent.Text, tr.T("case.info_check_"+tt.key)) {
				t.Errorf("%s/%s: the fee line does not say where to check: %q", g.ID, lang, consent.Text)
			}
			m := w.toStepOf(u, g, lang, step)
			if !strings.Contains(m.Text, tr.T("case.unconfirmed_step_"+tt.key)) || strings.Contains(m.Text, tr.T("case.unconfirmed_step")) {
				t.Errorf("%s/%s step %d: %q", g.ID, lang, step, m.Text)
			}
		}
	}
}
