package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// /lang on a case's pause message ("⏸ Đã tạm dừng ca #1 (bước 1/7)…")
// answered only "Switched to English.": the pause message stayed above in
// Vietnamese, its buttons live, where every other screen of the wizard is
// drawn again below in the language chosen, the copy above losing its
// buttons. So is the pause message — drawn on the step (⏸) or as a new
// message (/cancel), by /lang with its word or its button, and again by a
// second /lang —, its ▶ taking the case up in the language chosen.
func TestLangDrawsThePauseMessageAgainBelow(t *testing.T) {
	for _, by := range []string{"⏸", "/cancel"} {
		t.Run(by, func(t *testing.T) {
			w := newWorld(t)
			g := guide(t, "khai-sinh")
			u := w.volunteer("Tạm dừng rồi đổi tiếng")
			w.startBirthCase(u)
			id := caseNo(w, u)
			var paused *telegramtest.Message
			if by == "/cancel" {
				paused = last(t, w.send(u, "/cancel"))
			} else {
				paused = last(t, w.press(u, w.vi("case.pause")))
			}
			if want := w.vi("case.paused", locales.Data{"Case": id, "Where": w.vi("resume.phase_steps", locales.Data{"Step": 1, "Steps": len(g.Steps)})}); paused.Text != want {
				t.Fatalf("paused by %s: %q, want %q", by, paused.Text, want)
			}
			where := func(lang string) string {
				return w.texts.For(lang).T("resume.phase_steps", locales.Data{"Step": 1, "Steps": len(g.Steps)})
			}
			above := paused.ID
			for _, lang := range []string{"en", "vi"} {
				tr := w.texts.For(lang)
				var ms []*telegramtest.Message
				if lang == "en" && by == "⏸" { // by the button too
					w.send(u, "/lang")
					ms = w.press(u, "English")
				} else {
					ms = w.send(u, "/lang "+lang)
				}
				m := last(t, ms)
				if want := tr.T("case.paused", locales.Data{"Case": id, "Where": where(lang)}); strings.Count(strings.Join(texts(fresh(ms)), "\n"), "⏸") != 1 || ms[0].Text != tr.T("lang.changed") || m.Text != want ||
					!hasButton(m, tr.T("case.resume_button", locales.Data{"Case": id})) || !hasButton(m, tr.T("case.end_button")) {
					t.Fatalf("/lang %s on the pause message: %q %v\nwant %q, then the pause message below: %q", lang, texts(ms), buttonTexts(m), tr.T("lang.changed"), want)
				}
				noButtons(t, u, above, "/lang "+lang+" on the pause message")
				above = m.ID
			}
			if c, _ := w.lastCase(u); c.Status != storage.CasePaused {
				t.Fatalf("after /lang on the pause message the case is %s, want paused", c.Status)
			}
			w.send(u, "/lang en")
			if m := last(t, w.press(u, w.en("case.resume_button", locales.Data{"Case": id}))); !strings.Contains(m.Text, w.texts.For("en").T("case.step_head",
				locales.Data{"Step": 1, "Steps": len(g.Steps), "Title": g.Steps[0].Title.En})) || !hasButton(m, w.en("case.done")) {
				t.Errorf("▶ on the pause message drawn in English: %q %v", m.Text, buttonTexts(m))
			}
		})
	}
}
