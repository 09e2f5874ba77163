package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// Review 32C, walk: a resident who commented rates again; the comment
// question shows the comment kept, "to replace it, type a new one". A
// bare thanks typed there — "cảm ơn cháu", "thank you", the reply to the
// bot's "Cảm ơn ông/bà đã chấm 5★" — replaced "Cháu hướng dẫn nhiệt tình"
// at once. It is offered instead, with the button that keeps it; the
// comment kept stays until that button is pressed.
func TestReview32CBareThanksDoesNotReplaceTheCommentKept(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-3231")
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	const comment = "Cháu hướng dẫn nhiệt tình, dễ hiểu"
	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+token)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.send(res, comment)
	w.press(res, "5★") // rated again: the comment question, the comment kept shown
	if w.flowOf(res) == "" {
		t.Fatal("no comment question after rating again")
	}
	got := last(t, w.send(res, "cảm ơn cháu nhé"))
	if f, _ := w.followupRow(c.ID); f.Comment.String != comment {
		t.Errorf("a bare thanks at the comment question replaced the comment kept: %q, want %q", f.Comment.String, comment)
	}
	keep := w.vi("followup.comment_keep_typed")
	if !hasButton(got, keep) || !strings.Contains(got.Text, "cảm ơn cháu nhé") {
		t.Fatalf("the thanks: %q %v, want it offered with %q", got.Text, got.Buttons(), keep)
	}
	// Kept with its button: it replaces the comment, as asked.
	w.pressOn(res, got.ID, keep)
	if f, _ := w.followupRow(c.ID); f.Comment.String != "cảm ơn cháu nhé" {
		t.Errorf("after %q: comment %q", keep, f.Comment.String)
	}
}
