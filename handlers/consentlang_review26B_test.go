package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// buttonData is the callback data of label on m ("" when m has none).
func buttonData(m *telegramtest.Message, label string) string {
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.Text == label {
				return b.CallbackData
			}
		}
	}
	return ""
}

// Review 26B, item 3: /lang at the consent question drew it again below,
// in the new language, while the copy above kept its live buttons: two
// consent questions to answer, one in each language. The copy above loses
// its buttons, as every other case screen's does; the one below (whose
// English text carries the Vietnamese words read aloud) is answered, once;
// /lang in the language already set draws it again too.
// A press that left a phone before the buttons went is told the message
// is out of date and starts nothing.
func TestReview26BLangAtTheConsentLeavesOneLiveCopy(t *testing.T) {
	g := guide(t, "khai-sinh")
	for _, cmd := range []string{"/lang en", "/lang vi"} {
		t.Run(cmd, func(t *testing.T) {
			w := newWorld(t)
			v := w.volunteer("Đổi ngôn ngữ")
			w.send(v, "/new")
			old := last(t, w.press(v, g.Title.Vi))
			yesVi := buttonData(old, w.vi("consent.yes"))
			if yesVi == "" {
				t.Fatalf("consent: %q %v", old.Text, buttonTexts(old))
			}
			below := last(t, w.send(v, cmd))
			tr := w.vi
			if cmd == "/lang en" {
				tr = w.en
			}
			if below.ID == old.ID || !hasButton(below, tr("consent.yes")) {
				t.Fatalf("%s at the consent: %q %v, want the consent below", cmd, below.Text, buttonTexts(below))
			}
			if cmd == "/lang en" && !strings.Contains(below.Text, w.vi("consent.words", locales.Data{"Days": storage.FollowupDays})) {
				t.Errorf("the English consent without the Vietnamese words to read: %q", below.Text)
			}
			if got := msgByID(t, v, old.ID); len(got.Buttons()) != 0 {
				t.Errorf("%s at the consent: the copy above keeps its buttons %v", cmd, buttonTexts(got))
			}
			// A tap on the copy above that left the phone before its
			// buttons went.
			upd, err := v.PressData(old.ID, yesVi)
			if err != nil {
				t.Fatal(err)
			}
			w.bot.WaitHandled(t, upd)
			if as := v.Answers(); len(as) == 0 || as[len(as)-1].Text != w.vi("button.stale") && as[len(as)-1].Text != w.en("button.stale") {
				t.Errorf("a tap on the consent above, after %s: answered %v, want it out of date", cmd, as)
			}
			drain(v)
			var n int
			if err := w.store.DB().Get(&n, `SELECT count(*) FROM cases WHERE volunteer_id = $1`, v.ID); err != nil || n != 0 {
				t.Errorf("a tap on the consent above, after %s: %d cases started (%v)", cmd, n, err)
			}
			m := last(t, w.press(v, tr("consent.yes")))
			if !hasButton(m, tr("case.begin")) {
				t.Fatalf("%q below: %q %v, want the checklist", tr("consent.yes"), m.Text, buttonTexts(m))
			}
			c, _ := w.lastCase(v)
			if !c.FollowupConsent || (cmd == "/lang en") != strings.HasPrefix(c.ConsentVersion, "en-") {
				t.Errorf("case after %s and %q: consent %v version %q", cmd, tr("consent.yes"), c.FollowupConsent, c.ConsentVersion)
			}
		})
	}
}
