package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// A resident who commented once types a second comment, praise, after the
// question closed: it was answered "dvcbot không đọc được tin nhắn Ông/bà
// gõ; xin Ông/bà dùng các nút bấm." and the whole dossier card — untrue,
// and unkind to praise. It is now told the dossier has a comment, shown it,
// and put at the comment question: the comment sent again replaces it.
func TestReview23fSecondCommentOffersToReplace(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-2311")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	const first, second = "Bạn hướng dẫn tận tình", "Tình nguyện viên hướng dẫn rất kỹ"

	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.send(res, first)

	got := last(t, w.send(res, second))
	if strings.Contains(got.Text, w.vi("followup.typed")) {
		t.Errorf("a second comment was told it is not read: %q", got.Text)
	}
	if !strings.Contains(got.Text, w.vi("followup.comment_given")) || !strings.Contains(got.Text, first) ||
		!hasButton(got, w.vi("followup.comment_keep")) {
		t.Errorf("a second comment: %q %v, want it told a comment is kept (%q), to keep or replace", got.Text, got.Buttons(), first)
	}
	if f, _ := w.followupRow(c.ID); f.Comment.String != first {
		t.Errorf("the comment after the second was typed once: %q", f.Comment.String)
	}
	// Sent again: it replaces the first.
	got = last(t, w.send(res, second))
	if !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
		t.Errorf("the second comment sent again: %q", got.Text)
	}
	if f, _ := w.followupRow(c.ID); f.Comment.String != second {
		t.Errorf("the comment after the second was sent again: %q, want %q", f.Comment.String, second)
	}
	// A question typed is no comment: the dossier is shown as before.
	got = last(t, w.send(res, "Bao giờ có kết quả?"))
	if strings.Contains(got.Text, w.vi("followup.comment_given")) {
		t.Errorf("a question was taken for a comment: %q", got.Text)
	}
}

// Keyboard mash at the comment question ("asdfgh;;;") was kept: "Đã ghi
// nhận nhận xét." A comment with no word in it is now asked for again,
// gently, and not kept; a real comment after it is.
func TestReview23fCommentWithNoWordsIsAskedAgain(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-2312")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	for _, mash := range []string{"asdfgh;;;", "jjjjjj", "qwerty", "zxcvbnm", "hjkl", ";;;ghj!!"} {
		got := last(t, w.send(res, mash))
		if strings.Contains(got.Text, w.vi("followup.comment_kept")) || !strings.Contains(got.Text, w.vi("followup.comment_unclear")) ||
			!hasButton(got, w.vi("followup.comment_skip")) {
			t.Errorf("%q at the comment question: %q %v, want it asked again", mash, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(c.ID); f.Comment.Valid {
			t.Errorf("%q was kept as the comment", mash)
		}
	}
	for _, ok := range []string{"ok", "Tốt", "rat tot, cam on", "Very helpful"} {
		got := last(t, w.send(res, ok))
		if !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
			t.Errorf("%q at the comment question: %q, want it kept", ok, got.Text)
		}
		if f, _ := w.followupRow(c.ID); f.Comment.String != ok {
			t.Errorf("the comment after %q: %q", ok, f.Comment.String)
		}
		w.press(res, "✓4★") // the question again
	}
}
