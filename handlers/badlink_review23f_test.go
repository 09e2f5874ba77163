package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
)

// A resident who follows a dossier types "/start abc" (a link cut short):
// they were answered as a volunteer would be — "bạn", "link mời vào đội".
// They now get the resident's wording and their dossiers below; someone
// unknown still gets the answer for either case, and a volunteer the
// invite's.
func TestReview23fBadLinkToAResident(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	for i, c := range []struct{ lang, cmd string }{{"vi", "/start abc"}, {"en", "/start abc"}, {"vi", "/start "}} {
		code := "000.00.12.H26-251127-232" + strconv.Itoa(i)
		token := qrToken(t, w.finishWithCode(v, code)[0].Photo)
		if c.cmd == "/start " {
			c.cmd += token[:10] // cut short when copied
		}
		res := w.srv.NewUser("Bà", "vi")
		w.send(res, "/start "+token)
		if c.lang == "en" {
			w.send(res, "/lang en")
		}
		got := w.send(res, c.cmd)
		tr := w.texts.For(c.lang)
		if len(got) == 0 || !strings.Contains(got[0].Text, tr.T("start.bad_link_resident")) {
			t.Errorf("%s %q by a resident: %q, want %q", c.lang, c.cmd, joined(got), tr.T("start.bad_link_resident"))
			continue
		}
		if strings.Contains(got[0].Text, "bạn") || strings.Contains(got[0].Text, "link mời") || strings.Contains(got[0].Text, "invite") {
			t.Errorf("%s %q by a resident is worded for a volunteer: %q", c.lang, c.cmd, got[0].Text)
		}
		if !strings.Contains(joined(got), code) {
			t.Errorf("%s %q by a resident: their dossier is not shown: %q", c.lang, c.cmd, joined(got))
		}
	}
	// Someone unknown: either case, as before.
	guest := w.srv.NewUser("Khách", "vi")
	if got := last(t, w.send(guest, "/start abc")); got.Text != w.vi("start.bad_link") {
		t.Errorf("/start abc by someone unknown: %q", got.Text)
	}
}

func joined(ms []*telegramtest.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Text + "\n")
	}
	return b.String()
}
