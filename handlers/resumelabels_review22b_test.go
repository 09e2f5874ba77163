package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// phoneShows is about what a phone shows of a button the width of the
// chat before it cuts the text with "…".
const phoneShows = 32

// Review 22b: /resume's buttons read "#12 Thay đổi, cải chính, bổ sung… ·
// 16:00 hôm nay · bước 3/8": for three cases of one long-named guide, a
// phone showed three buttons alike up to the case number, the step and the
// time cut off. Each button now begins with what tells the cases apart —
// the case number, where it stands and how long ago it was left — and
// keeps the title last and short; each opens its own case at its own step.
func TestResumeButtonsTellCasesOfOneGuideApart(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	g := guide(t, "cai-chinh-ho-tich")
	for _, lang := range []string{"vi", "en"} {
		tr := w.texts.For(lang)
		u := w.volunteer("Ba ca " + lang)
		if lang != "vi" {
			w.send(u, "/lang "+lang)
		}
		// A case left at step n (1-based), paused.
		start := func(n int) int64 {
			t.Helper()
			w.send(u, "/new")
			w.send(u, "cai chinh ho tich")
			w.press(u, g.Title.In(lang))
			w.press(u, tr.T("consent.yes"))
			if len(g.Prerequisites) > 0 {
				w.press(u, tr.T("case.begin"))
			}
			for range n - 1 {
				w.press(u, tr.T("case.done"))
			}
			w.press(u, tr.T("case.pause"))
			c, _ := w.lastCase(u)
			return c.ID
		}
		type left struct {
			id   int64
			step int
			ago  string
		}
		// Two at step 2, one at step 4: left 3 h 10, 2 h 50 and 10 min
		// before /resume.
		a := left{id: start(2), step: 2}
		clk.advance(20 * time.Minute)
		b := left{id: start(4), step: 4}
		clk.advance(160 * time.Minute)
		c := left{id: start(2), step: 2}
		clk.advance(10 * time.Minute)
		a.ago = tr.T("resume.ago_hours", locales.Data{"Count": 3})
		b.ago = tr.T("resume.ago_hours", locales.Data{"Count": 2})
		c.ago = tr.T("resume.ago_minutes", locales.Data{"Count": 10})

		list := last(t, w.send(u, "/resume"))
		if !strings.HasPrefix(list.Text, tr.T("resume.head")) || len(list.Buttons()) != 3 {
			t.Fatalf("%s: /resume with three open cases: %q %+v", lang, list.Text, list.Keyboard)
		}
		seen := map[string]int64{}
		for _, k := range []left{a, b, c} {
			bt := buttonOf(t, list, k.id)
			shown := []rune(bt.Text)[:min(phoneShows, len([]rune(bt.Text)))]
			step := tr.T("resume.phase_steps", locales.Data{"Step": k.step, "Steps": len(g.Steps)})
			if !strings.Contains(string(shown), step) || !strings.Contains(string(shown), k.ago) {
				t.Errorf("%s: case %d's button %q: a phone shows %q, without %q and %q", lang, k.id, bt.Text, string(shown), step, k.ago)
			}
			if other, ok := seen[string(shown)]; ok {
				t.Errorf("%s: cases %d and %d show alike: %q", lang, other, k.id, string(shown))
			}
			seen[string(shown)] = k.id
			if n := len([]rune(bt.Text)); n > 52 {
				t.Errorf("%s: case %d's button has %d characters: %q", lang, k.id, n, bt.Text)
			}
			if len(bt.CallbackData) > 64 {
				t.Errorf("%s: callback data of %d bytes: %q", lang, len(bt.CallbackData), bt.CallbackData)
			}
		}
		// Each opens its own case at its own step.
		for _, k := range []left{a, b, c} {
			list := last(t, w.send(u, "/resume"))
			m := last(t, w.press(u, buttonOf(t, list, k.id).Text))
			head := tr.T("case.step_head", locales.Data{"Step": k.step, "Steps": len(g.Steps), "Title": g.Steps[k.step-1].Title.In(lang)})
			if !strings.Contains(m.Text, fmt.Sprintf("#%d", k.id)) || !strings.Contains(m.Text, head) {
				t.Errorf("%s: case %d's button opened %q, want its step %d", lang, k.id, m.Text, k.step)
			}
		}
		// Days later: in days.
		clk.advance(3 * 24 * time.Hour)
		list = last(t, w.send(u, "/resume"))
		if l, want := buttonOf(t, list, a.id).Text, tr.N("resume.ago_days", 3); !strings.Contains(l, want) {
			t.Errorf("%s: three days later, case %d's button %q, without %q", lang, a.id, l, want)
		}
	}
}

// buttonOf is the /resume button of case id: the one that begins with its
// number.
func buttonOf(t *testing.T, m *telegramtest.Message, id int64) telegramtest.Button {
	t.Helper()
	var found []telegramtest.Button
	for _, b := range m.Buttons() {
		if strings.HasPrefix(b.Text, fmt.Sprintf("#%d ", id)) {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		t.Fatalf("case %d: buttons %+v", id, m.Keyboard)
	}
	return found[0]
}
