package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// Walk (review 30, item 3): "Cán bộ nhiệt tình lắm" typed at the comment
// question was answered "Lời nhắn … có vẻ là một câu hỏi" and not kept:
// folded, "Cán" reads "can", which opens an English question ("Can I…"),
// and so do "Cần" and "Đó"/"Do" ("do"). A Vietnamese comment that opens
// with them is kept; an English question that opens with them still is
// offered, not kept.
func TestReview30BVietnameseCommentIsNoEnglishQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-3007", "")
	star := 4
	for _, comment := range []string{
		"Cán bộ nhiệt tình lắm",
		"can bo huong dan rat ky",
		"Cần thêm người hỗ trợ buổi sáng",
		"Đó là buổi hỗ trợ rất tốt",
		"Do cháu giúp nên xong nhanh",
	} {
		star = 7 - star // 3★, 4★, 3★…: the comment question again, by a star not marked
		got := last(t, w.send(res, comment))
		if !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
			t.Errorf("%q at the comment question: %q %v, want it kept", comment, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(id); f.Comment.String != comment {
			t.Errorf("the comment after %q: %q", comment, f.Comment.String)
		}
		w.press(res, strconv.Itoa(star)+"★")
	}
	for _, question := range []string{"Can I see my dossier here", "Do you keep my dossier code", "Is this the right place to ask"} {
		got := last(t, w.send(res, question))
		if !hasButton(got, w.vi("followup.comment_keep_typed")) {
			t.Errorf("%q at the comment question: %q %v, want it offered", question, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(id); f.Comment.String == question {
			t.Errorf("%q was kept", question)
		}
	}
}
