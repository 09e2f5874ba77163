package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/locales"
)

// infoSourceLines are the "• site, date: URL" lines of a screen.
func infoSourceLines(m *telegramtest.Message) []string {
	var got []string
	for _, line := range strings.Split(m.Text, "\n") {
		if strings.HasPrefix(line, "• ") {
			got = append(got, line)
		}
	}
	return got
}

// A guide with many sources (walk 22d: tạm trú's ℹ screen listed fifteen
// whole addresses, a wall of links on a phone): the ℹ screen keeps the
// facts and the day the guide was checked with a few sources and says how
// many more there are; "Sau ›" pages through the rest, each source whole
// and by its site and date (never its title, a note for reviewers), every
// one of them once, in order; ← from any page goes back where the volunteer
// came from.
func TestInfoScreenPagesItsSources(t *testing.T) {
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
		consent := last(t, w.press(u, g.Title.In(lang))).Text
		m := last(t, w.press(u, tr.T("case.info")))
		checked := tr.T("case.info_checked", locales.Data{
			"Checked": tr.Date(g.Checked()), "Review": tr.Date(g.Review())})
		if !strings.Contains(m.Text, checked) || !strings.Contains(m.Text, tr.T("case.info_fee", locales.Data{"Fee": g.Fee.In(lang)})) {
			t.Errorf("%s: the ℹ screen lacks the facts or %q:\n%s", lang, checked, m.Text)
		}
		first := infoSourceLines(m)
		if len(first) == 0 || len(first) > 3 {
			t.Errorf("%s: the ℹ screen lists %d sources, want 1–3", lang, len(first))
		}
		if more := tr.N("case.info_sources_more", len(g.Sources)-len(first)); !strings.HasSuffix(m.Text, "\n"+more) {
			t.Errorf("%s: the ℹ screen does not end %q:\n%s", lang, more, m.Text)
		}
		listed := first
		pages := 1
		for hasButton(m, tr.T("button.next")) {
			m = last(t, w.press(u, tr.T("button.next")))
			pages++
			if n := utf8.RuneCountInString(m.Text); n > 1200 {
				t.Errorf("%s: page %d of the sources has %d characters", lang, pages, n)
			}
			if strings.Contains(m.Text, tr.T("case.info_fee", locales.Data{"Fee": g.Fee.In(lang)})) {
				t.Errorf("%s: page %d repeats the facts", lang, pages)
			}
			listed = append(listed, infoSourceLines(m)...)
			if pages > 40 {
				t.Fatalf("%s: more than 40 pages", lang)
			}
		}
		if len(listed) != len(g.Sources) {
			t.Fatalf("%s: %d sources listed over %d pages, want %d", lang, len(listed), pages, len(g.Sources))
		}
		for i, s := range g.Sources {
			if want := "• bao-" + fmt.Sprint(i) + ".vn, " + tr.MonthYear(time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)) + ": " + s.URL; listed[i] != want {
				t.Errorf("%s: source %d is listed %q, want %q", lang, i+1, listed[i], want)
			}
		}
		if strings.Contains(m.Text, "Older guide") {
			t.Errorf("%s: a page of sources shows a reviewer's title", lang)
		}
		back := last(t, w.press(u, tr.T("button.back")))
		if back.Text != consent {
			t.Errorf("%s: ← from the last page of sources shows\n%s\nwant the consent screen\n%s", lang, back.Text, consent)
		}
	}
}

// A shipped guide of few sources shows them all on the ℹ screen, with no
// pages; one of many (tạm trú) shows three, then the rest a page further.
func TestInfoScreenOfShippedGuides(t *testing.T) {
	w := newWorld(t)
	tr := w.texts.For("vi")
	u := w.volunteer("Nguồn tạm trú")
	w.send(u, "/new")
	w.send(u, "tam tru")
	g := guide(t, "tam-tru")
	if len(g.Sources) <= 3 {
		t.Fatalf("tam-tru has %d sources; the test wants a guide of many", len(g.Sources))
	}
	w.press(u, g.Title.In("vi"))
	m := last(t, w.press(u, tr.T("case.info")))
	if n := len(infoSourceLines(m)); n != 3 {
		t.Errorf("tạm trú's ℹ screen lists %d sources, want 3:\n%s", n, m.Text)
	}
	if !hasButton(m, tr.T("button.next")) {
		t.Fatalf("tạm trú's ℹ screen has no %q button: %+v", tr.T("button.next"), m.Buttons())
	}
	m = last(t, w.press(u, tr.T("button.next")))
	if got := infoSourceLines(m); len(got) == 0 || !strings.HasSuffix(got[0], g.Sources[3].URL) {
		t.Errorf("the second page of tạm trú's sources begins %q, want its fourth source %s", got, g.Sources[3].URL)
	}
	if !hasButton(m, tr.T("button.prev")) {
		t.Errorf("the second page has no %q button: %+v", tr.T("button.prev"), m.Buttons())
	}
}
