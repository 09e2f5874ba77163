package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
)

// A resident who rated and left the comment question open (no comment,
// no "Không nhận xét"), then came back with /start and pressed "✓ Đã
// nhận" (now "📬 Đã nhận kết quả"), "↩ Chưa nhận": what they typed
// next — "đã nhận rồi cháu ơi", a question — was silently kept as their
// comment on the help ("Đã ghi nhận nhận xét"), replacing the one kept
// before, though no screen had asked for one since. The comment question
// ends once they turn to another screen: /start, or a follow-up button
// other than the stars.
func TestCommentQuestionEndsWhenTheResidentMovesOn(t *testing.T) {
	for _, tc := range []struct {
		name string
		move func(w *world, res *telegramtest.User)
	}{
		{"/start", func(w *world, res *telegramtest.User) { w.send(res, "/start") }},
		{"a follow-up button", func(w *world, res *telegramtest.User) {
			w.send(res, "/start")
			w.press(res, w.vi("followup.result_got")) // the rated screen: no reminder question above
			w.press(res, w.vi("followup.received_back"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-1811")
			w.press(res, w.vi("followup.consent_yes"))
			w.press(res, "4★") // the comment question, left open
			tc.move(w, res)
			w.send(res, "bao giờ có kết quả vậy cháu")
			if f, _ := w.followupRow(caseID); f.Comment.Valid {
				t.Errorf("text typed after %s was kept as the comment: %q", tc.name, f.Comment.String)
			}
			// Rating again asks for a comment again, and keeps it.
			w.press(res, "5★")
			w.send(res, "cháu giúp rất tận tình")
			if f, _ := w.followupRow(caseID); f.Comment.String != "cháu giúp rất tận tình" {
				t.Errorf("the comment after rating again: %+v", f.Comment)
			}
		})
	}
}
