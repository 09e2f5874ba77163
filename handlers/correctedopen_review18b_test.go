package handlers_test

import (
	"strings"
	"testing"
)

// The volunteer corrected a mistyped code before the resident opened the
// link (at home, from the slip's QR code, which carries the old code
// printed beside it): nobody had opened it, so nobody was told, and the
// screen showed the new code with no word of it. It now says, under the
// code, that it was corrected and is the one to use; a code never
// corrected says nothing of the kind.
func TestLinkOpenedAfterACorrectionSaysSo(t *testing.T) {
	w := newCodeWorld(t)
	w.clk.advance(0)
	ms := w.finishWithCode(w.v, "000.00.12.H26-251127-1821")
	w.correct("000.00.12.H26-251127-1822")
	res := w.srv.NewUser("Cư dân", "vi")
	got := w.send(res, "/start "+qrToken(t, ms[0].Photo))
	if len(got) == 0 || !strings.Contains(got[0].Text, "000.00.12.H26-251127-1822") ||
		!strings.Contains(got[0].Text, w.vi("followup.code_corrected_note")) {
		t.Fatalf("the link opened after the correction: %+v", got)
	}
	if strings.Contains(got[0].Text, "000.00.12.H26-251127-1821") {
		t.Errorf("the screen shows the mistyped code: %q", got[0].Text)
	}
	again := w.send(res, "/start")
	if s := last(t, again).Text; !strings.Contains(s, w.vi("followup.code_corrected_note")) {
		t.Errorf("/start after: %q", s)
	}

	other := w.resident("Người khác", "000.00.12.H26-251127-1823")
	for _, m := range other.Messages() {
		if strings.Contains(m.Text, w.vi("followup.code_corrected_note")) {
			t.Errorf("a code never corrected is said corrected: %q", m.Text)
		}
	}
}
