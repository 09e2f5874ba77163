package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /cancel at the comment question after a rating given again, on a dossier
// that has a comment already, said "Không nhận xét: điểm 4★ ông/bà đã chấm
// vẫn được giữ." ("No comment, then: the 4★ you gave is kept."), as if the
// comment sent before were gone, while it stays. It says the rating and
// the comment sent before are both kept; in Vietnamese and English.
func TestCancelAtTheCommentQuestionSaysTheCommentIsKept(t *testing.T) {
	const comment = "Rất nhiệt tình, dễ hiểu"
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For(lang)
			const code = "000.00.12.H26-251127-3711"
			caseID, token := w.slip("Vân", code)
			res := w.srv.NewUser("Cư dân", lang)
			if lang == "en" {
				w.send(res, "/lang en")
			}
			w.send(res, "/start "+token)
			w.press(res, tr.T("followup.consent_yes"))
			w.press(res, "3★")
			w.send(res, comment)
			if f, _ := w.followupRow(caseID); f.Comment.String != comment {
				t.Fatalf("the comment is not kept: %+v", f)
			}
			w.press(res, "4★") // rated again: the comment question, the comment shown

			got := w.send(res, "/cancel")
			all := strings.Join(texts(got), "\n")
			if strings.Contains(all, tr.T("followup.comment_cancelled", locales.Data{"Rating": 4})) ||
				!strings.Contains(all, tr.T("followup.comment_cancelled_kept", locales.Data{"Rating": 4})) {
				t.Errorf("/cancel at the comment question with a comment kept is answered %q", all)
			}
			if m := last(t, got); !strings.Contains(m.Text, code) || !hasButton(m, "✓4★") {
				t.Errorf("/cancel at the comment question: the dossier is not shown below: %q %v", m.Text, m.Buttons())
			}
			if f, _ := w.followupRow(caseID); f.Rating.Int16 != 4 || f.Comment.String != comment {
				t.Errorf("after /cancel: %+v", f)
			}
		})
	}
}
