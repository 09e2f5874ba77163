package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// "Dạ đã nhận rồi ạ" typed at the comment question only says the result
// came: since review 20l ("dạ" no longer folded to "da") it was kept as
// the comment and the result never asked about. It is no comment, and the
// result is asked about, as for "đã nhận rồi ạ".
func TestPoliteReceivedAtTheCommentQuestionIsNoComment(t *testing.T) {
	for _, text := range []string{"Dạ đã nhận rồi ạ", "Vâng, nhận rồi", "À đã nhận rồi", "Dạ vâng, con nhận được rồi ạ"} {
		t.Run(text, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-2011"
			ms := w.finishWithCode(v, code)
			cs, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", "vi")
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, w.vi("followup.consent_yes"))
			w.press(res, "4★")
			m := last(t, w.send(res, text))
			if f, _ := w.followupRow(cs.ID); f.Comment.Valid {
				t.Errorf("%q typed at the comment question is kept as the comment: %q", text, f.Comment.String)
			}
			if !strings.Contains(m.Text, w.vi("followup.received_ask")) || !hasButton(m, w.vi("followup.received_yes")) {
				t.Errorf("%q typed at the comment question: %q %v; want the result asked about", text, m.Text, m.Buttons())
			}
		})
	}
}
