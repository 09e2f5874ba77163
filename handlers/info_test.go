package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// A guide with more sources than fit on the ℹ screen: it keeps the day the
// guide was checked, lists as many sources as fit, each whole and by its
// site and date (never its title, a note for reviewers), and says how many
// more there are.
func TestInfoScreenCountsTheSourcesThatDoNotFit(t *testing.T) {
	w := newWorld(t)
	g := *guide(t, "khai-sinh")
	g.Sources = nil
	for i := range 80 {
		g.Sources = append(g.Sources, guides.Source{
			URL:   fmt.Sprintf("https://www.bao-%d.vn/%s-%d.htm", i, strings.Repeat("tin-tuc", 8), i),
			Title: "Older guide; claims the fee ended",
			Date:  "2025-08",
		})
	}
	w.withCatalog(guides.NewCatalog(&g))
	for _, lang := range locales.Languages {
		tr := w.texts.For(lang)
		u := w.volunteer("Nguồn " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		w.send(u, "/new")
		w.press(u, tr.T("category.civil")+" (1)")
		w.press(u, g.Title.In(lang))
		m := last(t, w.press(u, tr.T("case.info")))
		if n := utf8.RuneCountInString(m.Text); n > 4000 {
			t.Errorf("%s: the ℹ screen has %d characters", lang, n)
		}
		checked := tr.T("case.info_checked", locales.Data{
			"Checked": g.Checked().Format("02/01/2006"), "Review": g.Review().Format("02/01/2006")})
		if !strings.Contains(m.Text, checked) {
			t.Errorf("%s: the ℹ screen lacks %q", lang, checked)
		}
		if strings.Contains(m.Text, "Older guide") {
			t.Errorf("%s: the ℹ screen shows a reviewer's title", lang)
		}
		lines := strings.Split(m.Text, "\n")
		shown := 0
		for _, line := range lines {
			if !strings.HasPrefix(line, "• ") {
				continue
			}
			s := g.Sources[shown]
			if want := "• bao-" + fmt.Sprint(shown) + ".vn, 08/2025: " + s.URL; line != want {
				t.Errorf("%s: source %d is listed %q, want %q", lang, shown+1, line, want)
			}
			shown++
		}
		if more := tr.N("case.info_sources_more", len(g.Sources)-shown); shown == 0 || lines[len(lines)-1] != more {
			t.Errorf("%s: %d sources listed, and the screen ends %q, want %q", lang, shown, lines[len(lines)-1], more)
		}
	}
}
