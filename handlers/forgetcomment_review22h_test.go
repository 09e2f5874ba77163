package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /forget said "Đã xoá: ID Telegram của Ông/bà, mã hồ sơ và nhận xét" to a
// resident who never left a comment (none written, or the one written
// refused): it names the comment only where one was kept and is now
// deleted — for one follow-up, one of several, or all of them (review 22h).
func TestForgetNamesTheCommentOnlyWhenOneWasKept(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	const comment = "nhận xét" // the word the bot deletes a comment by
	const kind = "Các bạn hướng dẫn rất nhiệt tình"

	// Rated, the comment refused: nothing of it kept.
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-0201")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.send(res, "gọi lại giúp tôi: 0912 345 678")
	if f, _ := w.followupRow(caseID); f.Comment.Valid {
		t.Fatalf("a refused comment is kept: %q", f.Comment.String)
	}
	if got := last(t, w.forgetConfirmed(res)); strings.Contains(got.Text, comment) || !strings.Contains(got.Text, w.vi("followup.forgotten")) {
		t.Errorf("/forget with no comment kept: %q", got.Text)
	}

	// Rated and commented: the comment is deleted, and said so.
	caseID, _, res = w.openedFollowup("Vy", "000.00.12.H26-251127-0202")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.send(res, kind)
	if f, _ := w.followupRow(caseID); f.Comment.String != kind {
		t.Fatalf("the comment is not kept: %+v", f)
	}
	if got := last(t, w.forgetConfirmed(res)); !strings.Contains(got.Text, comment) {
		t.Errorf("/forget with a comment kept: %q", got.Text)
	}

	// Two follow-ups in one chat, the father's commented on.
	const mother, father = "000.00.12.H26-251127-0211", "000.00.12.H26-251127-0212"
	_, motherToken := w.slip("Vương", mother)
	_, fatherToken := w.slip("Vĩnh", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.send(daughter, "/start "+fatherToken)
	w.press(daughter, w.vi("followup.consent_yes"))
	w.press(daughter, "3★") // the father's comment question
	w.send(daughter, kind)
	w.forgetConfirmed(daughter)
	if got := last(t, w.press(daughter, w.forgetButton(mother))); !strings.Contains(got.Text, "0211") || strings.Contains(got.Text, comment) {
		t.Errorf("the mother's follow-up, no comment, erased: %q", got.Text)
	}
	if got := last(t, w.forgetConfirmed(daughter)); !strings.Contains(got.Text, comment) {
		t.Errorf("the father's follow-up, commented on, erased: %q", got.Text)
	}

	// All of two, neither commented on; then all of two, one commented on.
	for i, commented := range []bool{false, true} {
		_, a := w.slip("A", fmt.Sprintf("000.00.12.H26-251127-02%d1", 2+i))
		_, b := w.slip("B", fmt.Sprintf("000.00.12.H26-251127-02%d2", 2+i))
		son := w.srv.NewUser("Con trai", "vi")
		w.send(son, "/start "+a)
		w.send(son, "/start "+b)
		if commented {
			w.press(son, w.vi("followup.consent_yes"))
			w.press(son, "5★")
			w.send(son, kind)
		}
		w.forgetConfirmed(son)
		got := last(t, w.press(son, w.vi("followup.forget_all_button", locales.Data{"Count": 2})))
		if !strings.Contains(got.Text, "2") || strings.Contains(got.Text, comment) != commented {
			t.Errorf("all of two erased, one commented on %v: %q", commented, got.Text)
		}
	}
}
