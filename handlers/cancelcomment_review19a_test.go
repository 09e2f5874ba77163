package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// /cancel at the comment question that follows a rating answered "Đã
// huỷ." ("Cancelled."): a resident read that the stars they had just
// given were cancelled, while the rating was kept. It now says the
// comment is skipped and the rating kept, and shows the dossier as /start
// does (the stars to rate again); in Vietnamese and English.
func TestCancelAtTheCommentQuestionKeepsTheRating(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			clk := newClock()
			w := newWorld(t, handlers.WithClock(clk.now))
			tr := w.vi
			if lang == "en" {
				tr = w.en
			}
			v := w.volunteer("Vân")
			const code = "000.00.12.H26-251127-1961"
			ms := w.finishWithCode(v, code)
			c, _ := w.lastCase(v)
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+qrToken(t, ms[0].Photo))
			w.press(res, tr("followup.consent_yes"))
			w.press(res, "3★")

			got := w.send(res, "/cancel")
			if len(got) == 0 {
				t.Fatal("/cancel: no answer")
			}
			all := strings.Join(texts(got), "\n")
			if got[0].Text == tr("cancel.done") || !strings.Contains(all, "3★") {
				t.Errorf("/cancel at the comment question does not say the rating is kept: %q", all)
			}
			if m := last(t, got); !strings.Contains(m.Text, code) || !hasButton(m, "✓3★") {
				t.Errorf("/cancel at the comment question: the dossier is not shown below: %q %v", m.Text, m.Buttons())
			}
			if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 3 || f.Comment.Valid {
				t.Errorf("after /cancel: %+v", f)
			}
			// What is typed after is no comment.
			w.send(res, "cảm ơn tình nguyện viên rất nhiệt tình")
			if f, _ := w.followupRow(c.ID); f.Comment.Valid {
				t.Errorf("text typed after /cancel kept as the comment: %q", f.Comment.String)
			}
		})
	}
}
