package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// The comment question stays open after a rating until another screen
// (days, when the resident rated at the counter and never answered it).
// A resident whose result came meanwhile typed "đã nhận rồi": it was kept
// as their comment on the help and answered "Đã ghi nhận nhận xét" — read
// as the result noted, while nothing was, and the reminder still came.
// Words that only say the result came are now no comment (one kept before
// stays): the question ends and the answer asks what "✓ Đã nhận" asks,
// whose "Đúng, đã nhận kết quả" records the result; a sentence that says
// more ("đã nhận được sự hỗ trợ tận tình") is a comment, as before. In
// Vietnamese and English. Typed again, the words are asked about again
// (a comment they matched was answered "comment kept").
func TestReceivedTypedAtTheCommentQuestionAsksAboutTheResult(t *testing.T) {
	for _, c := range []struct{ lang, text, comment string }{
		{"vi", "Đã nhận rồi cháu ơi", "Đã nhận được sự hỗ trợ rất nhiệt tình"},
		{"en", "received", "I received very kind help"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if c.lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-2002"
			ms := w.finishWithCode(v, code)
			cs, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", c.lang)
			if c.lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, tr("followup.consent_yes"))
			w.press(res, "4★")

			// A comment on the help that says it was received is a comment.
			got := last(t, w.send(res, c.comment))
			if strings.Contains(got.Text, tr("followup.received_ask")) || !strings.Contains(got.Text, tr("followup.comment_kept")) {
				t.Errorf("%q typed at the comment question: %q", c.comment, got.Text)
			}
			w.press(res, "✓4★") // the comment question again

			got = last(t, w.send(res, c.text))
			if !strings.Contains(got.Text, tr("followup.received_ask")) || !hasButton(got, tr("followup.received_yes")) ||
				!strings.Contains(got.Text, code) {
				t.Fatalf("%q typed at the comment question: the result is not asked about: %q %v", c.text, got.Text, got.Buttons())
			}
			if f, _ := w.followupRow(cs.ID); f.Status != storage.FollowupWaiting || f.Rating.Int16 != 4 || f.Comment.String != c.comment {
				t.Fatalf("asking recorded, or the comment kept before is not: %+v", f)
			}
			// Typed again (the question not answered): asked again, not
			// told the comment is kept.
			got = last(t, w.send(res, c.text))
			if !strings.Contains(got.Text, tr("followup.received_ask")) || !hasButton(got, tr("followup.received_yes")) {
				t.Fatalf("%q typed again: the result is not asked about: %q %v", c.text, got.Text, got.Buttons())
			}
			w.press(res, tr("followup.received_yes"))
			if f, _ := w.followupRow(cs.ID); f.Status != storage.FollowupReceived || f.Rating.Int16 != 4 {
				t.Errorf("\"%s\" then %q: %+v", c.text, tr("followup.received_yes"), f)
			}
		})
	}
}
