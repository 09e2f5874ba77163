package handlers_test

// A volunteer at a one-stop counter walking every guide of the catalog end
// to end, in Vietnamese and in English (review of the guides, 2026-11-30):
// each test failed when it was written.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/guides"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// openGuide takes a new volunteer, in lang, to the consent screen of the
// guide, chosen by its category's button as at the counter.
func (w *world) openGuide(g *guides.Guide, lang string) (*telegramtest.User, *telegramtest.Message) {
	w.t.Helper()
	tr := w.texts.For(lang)
	u := w.volunteer("V " + g.ID + " " + lang)
	if lang != "vi" {
		w.send(u, "/lang "+lang)
	}
	w.send(u, "/new")
	w.press(u, tr.T("category."+g.Category)+fmt.Sprintf(" (%d)", len(catalog.InCategory(g.Category))))
	return u, last(w.t, w.press(u, g.Title.In(lang)))
}

// toStepOf answers the consent (the reminder agreed where there is one),
// begins, and presses ✓ Done up to step n (1-based) of the guide.
func (w *world) toStepOf(u *telegramtest.User, g *guides.Guide, lang string, n int) *telegramtest.Message {
	w.t.Helper()
	tr := w.texts.For(lang)
	consent := tr.T("consent.yes")
	if !g.OffersFollowup() {
		consent = tr.T("consent.read")
	}
	m := last(w.t, w.press(u, consent))
	if len(g.Prerequisites) > 0 {
		m = last(w.t, w.press(u, tr.T("case.begin")))
	}
	for range n - 1 {
		m = last(w.t, w.press(u, tr.T("case.done")))
	}
	head := tr.T("case.step_head", locales.Data{"Step": n, "Steps": len(g.Steps), "Title": g.Steps[n-1].Title.In(lang)})
	if !strings.Contains(m.Text, head) {
		w.t.Fatalf("%s: not at step %d: %q", g.ID, n, m.Text)
	}
	return m
}

// The "ℹ Phí, thời hạn, nguồn" screen is cut at 4,000 characters when a
// guide has many sources. For the ID-card guide (17 sources) the cut falls
// in the middle of the last source's address — the volunteer gets a link
// that opens nothing — and drops the line the screen ends with: the day
// the guide was last compared with its sources and the day it is due for
// review, the one thing that tells the volunteer how far to trust it.
// Since review 22i the sources beyond the first few are on pages of their
// own.
func TestInfoScreenKeepsTheCheckedDateAndWholeLinks(t *testing.T) {
	world := newWorld(t)
	for _, g := range catalog.All() {
		for _, lang := range locales.Languages {
			t.Run(g.ID+"/"+lang, func(t *testing.T) {
				t.Parallel()
				w := *world
				w.t = t
				tr := w.texts.For(lang)
				u, _ := w.openGuide(g, lang)
				m := last(t, w.press(u, tr.T("case.info")))
				checked := tr.T("case.info_checked", locales.Data{
					"Checked": tr.Date(g.Checked()), "Review": tr.Date(g.Review())})
				if !strings.Contains(m.Text, checked) {
					t.Errorf("the ℹ screen (%d characters) lacks %q; it ends:\n…%s", len([]rune(m.Text)), checked, tail(m.Text, 160))
				}
				// The sources beyond the first few are a page further
				// ("Sau ›"): every one of them whole, on some page.
				pages := m.Text
				for {
					if n := len(utf16.Encode([]rune(m.Text))); n > 4096 {
						t.Errorf("a page of the ℹ screen has %d UTF-16 units: %.80q…", n, m.Text)
					}
					if !hasButton(m, tr.T("button.next")) {
						break
					}
					m = last(t, w.press(u, tr.T("button.next")))
					pages += "\n" + m.Text
				}
				for _, s := range g.Sources {
					if !strings.Contains(pages, s.URL+"\n") && !strings.HasSuffix(pages, s.URL) {
						t.Errorf("no page of the ℹ screen has the whole address %s", s.URL)
					}
				}
			})
		}
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// The consent screen and the checklist say the time in one line ("⏱ …"),
// the volunteer's words to the resident before they submit. For a guide
// with no working-day count the line is the first clause of `processing`;
// for linked death registration it is cut before the clause's verb: the
// volunteer reads "⏱ Mỗi cơ quan" ("⏱ Each agency") — no time at all. The
// line must end where a sentence or clause of `processing` ends.
func TestTimeLineIsAWholeClause(t *testing.T) {
	world := newWorld(t)
	for _, g := range catalog.All() {
		if g.ProcessingDays > 0 {
			continue // the line says "N ngày làm việc"
		}
		for _, lang := range locales.Languages {
			t.Run(g.ID+"/"+lang, func(t *testing.T) {
				t.Parallel()
				w := *world
				w.t = t
				_, m := w.openGuide(g, lang)
				var shown string
				for _, line := range strings.Split(m.Text, "\n") {
					if strings.HasPrefix(line, "⏱ ") {
						shown = strings.TrimPrefix(line, "⏱ ")
					}
				}
				processing := g.Processing.In(lang)
				shown = strings.TrimSuffix(shown, "…")
				ok := shown == strings.TrimSuffix(processing, ".")
				for _, end := range []string{".", ";", " –", ","} {
					ok = ok || strings.HasPrefix(processing, shown+end)
				}
				if !ok {
					t.Errorf("the consent screen says \"⏱ %s\", cut inside a clause of %q", shown, processing)
				}
			})
		}
	}
}

// "Quên mật khẩu VNeID" on the login step of the driving-licence and
// traffic-fine guides: the fix says "open the login guide (button below) –
// it has how to recover the VNeID password". The button opens the QR-login
// sub-guide, whose pages show its steps only: not one of them says how to
// recover the password (that is in an error of its last step, which a
// sub-guide does not show, and in its own sub-guide, which it does not
// offer). A resident who forgot the password is sent round in a circle.
func TestForgotPasswordFixLeadsToRecovery(t *testing.T) {
	world := newWorld(t)
	for _, id := range []string{"doi-gplx", "nop-phat"} {
		for _, lang := range locales.Languages {
			t.Run(id+"/"+lang, func(t *testing.T) {
				t.Parallel()
				w := *world
				w.t = t
				g := guide(t, id)
				tr := w.texts.For(lang)
				u, _ := w.openGuide(g, lang)
				step := 2
				s := g.Steps[step-1]
				e, ok := s.Problem("quen-mk")
				if !ok {
					t.Fatalf("%s step %d has no quen-mk error", id, step)
				}
				w.toStepOf(u, g, lang, step)
				w.press(u, tr.T("case.problem"))
				fix := last(t, w.press(u, e.Label.In(lang)))
				promise := map[string]string{"vi": "lấy lại mật khẩu VNeID", "en": "recovering the VNeID password"}[lang]
				if !strings.Contains(fix.Text, promise) {
					t.Fatalf("the fix no longer promises %q: %q", promise, fix.Text)
				}
				sub := guide(t, s.Subguide)
				m := last(t, w.press(u, "📖 "+sub.Title.In(lang)))
				pages := m.Text
				for {
					if n := len(utf16.Encode([]rune(m.Text))); n > 4096 {
						t.Errorf("a page of the ℹ screen has %d UTF-16 units: %.80q…", n, m.Text)
					}
					if !hasButton(m, tr.T("button.next")) {
						break
					}
					m = last(t, w.press(u, tr.T("button.next")))
					pages += "\n" + m.Text
				}
				how := map[string][]string{"vi": {"Quên mật khẩu", "lấy lại mật khẩu"}, "en": {"Quên mật khẩu", "recover"}}[lang]
				found := false
				for _, h := range how {
					found = found || strings.Contains(strings.ToLower(pages), strings.ToLower(h))
				}
				if !found {
					t.Errorf("the fix sends the volunteer to %q for %s, whose pages never say it (none has %q):\n%s",
						sub.Title.In(lang), promise, how, pages)
				}
			})
		}
	}
}

// The consent the volunteer reads aloud for a dossier promises "chúng tôi
// giữ mã hồ sơ để nhắc khi đến hạn có kết quả", and asks whether the
// resident wants that reminder; the resident who opens the slip's link is
// asked again and says yes. For the guides with no working-day count
// (linked death registration, household health insurance) no due date is
// kept and no reminder is ever sent: in the two months after, the resident
// who agreed hears nothing.
func TestAgreedReminderComesForEveryDossierGuide(t *testing.T) {
	for _, g := range catalog.All() {
		if !g.OffersFollowup() {
			continue
		}
		t.Run(g.ID, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			u, consent := w.openGuide(g, "vi")
			if !strings.Contains(consent.Text, "hỏi ông/bà (anh/chị) đã nhận được kết quả chưa") {
				t.Fatalf("the consent no longer promises a reminder: %q", consent.Text)
			}
			w.toStepOf(u, g, "vi", len(g.Steps))
			w.press(u, w.vi("case.done"))
			w.press(u, w.vi("outcome.submitted"))
			ms := fresh(w.send(u, "000.00.12.H26-251127-0001"))
			if len(ms) != 2 || ms[0].Photo == nil {
				t.Fatalf("want the slip and the summary: %+v", ms)
			}
			token := qrToken(t, ms[0].Photo)
			res := w.srv.NewUser("Cư dân", "vi")
			w.send(res, "/start "+token)
			w.press(res, w.vi("followup.consent_yes"))
			c, _ := w.lastCase(u)
			f, _ := w.followupRow(c.ID)
			if !f.Consent.Bool {
				t.Fatalf("the resident's yes was not kept: %+v", f)
			}
			sent := 0
			for day := clk.now(); day.Before(clk.now().AddDate(0, 2, 0)) && sent == 0; day = day.Add(24 * time.Hour) {
				sent += w.remind(day)
			}
			if sent == 0 {
				t.Errorf("case %d (%s, processing_days %d): the resident agreed to be reminded and got no reminder in two months (next reminder: %v)",
					c.ID, g.ID, g.ProcessingDays, f.NextRemind)
			}
		})
	}
}

// The Vietnamese "ℹ Phí, thời hạn, nguồn" screen lists its sources by their
// `title`, which guides write in English, for reviewers ("what it is, for a
// reviewer"), cut at 80 characters: "• Thanh Niên – linked
// birth/residence/health-card procedure in 4 steps; electroni…". A
// volunteer reading Vietnamese gets English notes, some of them a
// reviewer's doubt ("Older VNeID walkthrough", "claims the 50% reduction
// ended 2025-12-31 (conflicts with the others; see unconfirmed.fee)").
func TestVietnameseInfoScreenHasNoEnglishNotes(t *testing.T) {
	world := newWorld(t)
	english := regexp.MustCompile(`(?i)(^|[\s(;,–])(the|of|on|for|with|and|from|older|claims)\s`)
	for _, g := range catalog.All() {
		t.Run(g.ID, func(t *testing.T) {
			t.Parallel()
			w := *world
			w.t = t
			u, _ := w.openGuide(g, "vi")
			m := last(t, w.press(u, w.vi("case.info")))
			var bad []string
			for _, line := range strings.Split(m.Text, "\n") {
				if !strings.HasPrefix(line, "• ") {
					continue
				}
				words := line
				if i := strings.Index(words, "http"); i > 0 {
					words = words[:i]
				}
				if english.MatchString(words) {
					bad = append(bad, line)
				}
			}
			if len(bad) > 0 {
				t.Errorf("%d of %d sources on the Vietnamese ℹ screen are English notes, e.g.\n%s", len(bad), len(g.Sources), bad[0])
			}
		})
	}
}

// A fact no source confirmed gets "(hãy xem lại trên cổng)" / "(check on
// the portal)" beside it. Guides done in an app, not on a portal – a bank
// account opened in the bank's app, a VNeID password, VNeID level 2, a
// digital signature in the provider's app, a temporary absence or a
// judicial record in VNeID – tell the volunteer, on the consent screen and
// the checklist, to check the fee "on the portal": there is none to check
// it on ("💰 Theo biểu phí của ngân hàng/ví (hãy xem lại trên cổng)").
func TestFeeCheckNamesWhereTheResidentIs(t *testing.T) {
	world := newWorld(t)
	for _, g := range catalog.All() {
		if strings.Contains(g.Portal.Name.Vi, "Cổng") {
			continue
		}
		for _, lang := range locales.Languages {
			t.Run(g.ID+"/"+lang, func(t *testing.T) {
				t.Parallel()
				w := *world
				w.t = t
				_, m := w.openGuide(g, lang)
				check := w.texts.For(lang).T("case.info_check")
				for _, line := range strings.Split(m.Text, "\n") {
					if strings.HasPrefix(line, "💰 ") && strings.Contains(line, check) {
						t.Errorf("%s is done in %q, and the consent screen says %q", g.ID, g.Portal.Name.In(lang), line)
					}
				}
			})
		}
	}
}
