package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// The volunteer who corrected a code and then opens their own case's
// link (to try it, to show it) was shown the note written for the
// resident: "the volunteer corrected this code after handing over the
// slip; if your slip shows another code, use this one". They made the
// correction themselves; their screen shows the code, without the note.
// The resident opening the same link still gets it.
func TestOwnLinkAfterACorrectionHasNoResidentNote(t *testing.T) {
	w := newCodeWorld(t)
	w.clk.advance(0)
	ms := w.finishWithCode(w.v, "000.00.12.H26-251127-1831")
	w.correct("000.00.12.H26-251127-1832")
	token := qrToken(t, ms[0].Photo)
	got := last(t, w.send(w.v, "/start "+token)).Text
	c, _ := w.lastCase(w.v)
	if !strings.Contains(got, w.vi("followup.own_case", locales.Data{"Case": c.ID})) ||
		!strings.Contains(got, "000.00.12.H26-251127-1832") {
		t.Fatalf("the volunteer opening their own link: %q", got)
	}
	if strings.Contains(got, w.vi("followup.code_corrected_note")) {
		t.Errorf("the volunteer is shown the resident's note: %q", got)
	}
	res := w.srv.NewUser("Cư dân", "vi")
	if got := w.send(res, "/start "+token); len(got) == 0 || !strings.Contains(got[0].Text, w.vi("followup.code_corrected_note")) {
		t.Errorf("the resident opening the link after the correction: %q", texts(got))
	}
}
