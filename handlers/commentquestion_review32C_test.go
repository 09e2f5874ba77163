package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// Review 32C, walk: a resident who rated and commented types a question
// without its question mark, as elderly residents type ("mã hồ sơ của tôi
// là gì", "bao giờ có kết quả", "xem kết quả ở đâu"). It was thanked for a
// second comment — "Hồ sơ này đã có nhận xét rồi. Nếu ông/bà muốn thay bằng
// nhận xét vừa gõ, xin gửi lại" — and left at the comment question, where
// the next words typed replaced the comment kept. A question read so
// (asksTheBot, as at the comment question) is no comment: the dossier is
// shown, with its code and how to track it, and the comment stays.
func TestReview32CQuestionWithoutItsMarkIsNoSecondComment(t *testing.T) {
	for _, question := range []string{"mã hồ sơ của tôi là gì", "bao giờ có kết quả vậy cháu", "xem kết quả ở đâu ạ"} {
		t.Run(question, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			v := w.volunteer("Vân")
			code := "000.00.12.H26-251127-3221"
			ms := w.finishWithCode(v, code)
			c, _ := w.lastCase(v)
			token := qrToken(t, ms[0].Photo)
			const comment = "Bạn hướng dẫn tận tình"
			res := w.srv.NewUser("Bà", "vi")
			w.send(res, "/start "+token)
			w.press(res, w.vi("followup.consent_yes"))
			w.press(res, "5★")
			w.send(res, comment)

			got := last(t, w.send(res, question))
			if strings.Contains(got.Text, w.vi("followup.comment_given")) || hasButton(got, w.vi("followup.comment_keep")) {
				t.Errorf("%q was taken for a second comment: %q %v", question, got.Text, got.Buttons())
			}
			if !strings.Contains(got.Text, code) {
				t.Errorf("%q: %q, want the dossier shown with its code", question, got.Text)
			}
			if flow := w.flowOf(res); flow != "" {
				t.Errorf("after %q the chat is at flow %q, want none (no comment question open)", question, flow)
			}
			w.send(res, "cảm ơn")
			if f, _ := w.followupRow(c.ID); f.Comment.String != comment {
				t.Errorf("the comment after %q and a thanks: %q, want %q", question, f.Comment.String, comment)
			}
		})
	}
}
