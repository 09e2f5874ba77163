package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A resident who rated 4★ and wrote a comment taps 3★ on an older message
// (the stars stay under the comment question). The bot asked again for "a
// short comment" as if there were none, under "Không nhận xét": the comment
// kept before was neither shown nor said to stay, and "Không nhận xét" kept
// it while saying the opposite. There was no way to take it back but
// /forget. Now, as on the web page where the box shows it back, the
// question shows the comment kept, a typed one replaces it, "Giữ nhận xét
// này" keeps it and "🗑 Xoá nhận xét" clears it.
func TestRatingAgainShowsTheKeptComment(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0040")
	c, _ := w.lastCase(v)
	res := w.srv.NewUser("Cư dân", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	w.press(res, w.vi("followup.consent_yes"))
	asked := last(t, w.press(res, "4★"))
	if !hasButton(asked, w.vi("followup.comment_skip")) || hasButton(asked, w.vi("followup.comment_keep")) {
		t.Fatalf("the first comment question: %q %v", asked.Text, asked.Buttons())
	}
	const said = "Các cháu nhiệt tình lắm"
	w.send(res, said)

	// 3★ tapped on the old question: the comment is shown, and kept.
	got := last(t, w.press(res, "3★"))
	kept := w.vi("followup.comment_kept_ask", locales.Data{"Comment": said, "Max": 200})
	if !strings.Contains(got.Text, kept) || !hasButton(got, w.vi("followup.comment_keep")) ||
		!hasButton(got, w.vi("followup.comment_delete")) || hasButton(got, w.vi("followup.comment_skip")) {
		t.Fatalf("rating again: %q %v, want it to show %q", got.Text, got.Buttons(), kept)
	}
	got = last(t, w.press(res, w.vi("followup.comment_keep")))
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 3 || f.Comment.String != said {
		t.Errorf("kept: %+v", f)
	}
	if !strings.Contains(got.Text, w.vi("followup.thanks")) {
		t.Errorf("after keeping: %q", got.Text)
	}

	// A new one typed replaces it (the stars of the first question, still
	// in the chat).
	rate := func(n string) *telegramtest.Message {
		return last(t, w.forge(res, asked.ID, "f:rate:"+strconv.FormatInt(c.ID, 10)+"."+n+":0"))
	}
	rate("5")
	w.send(res, "Rất tốt")
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 5 || f.Comment.String != "Rất tốt" {
		t.Errorf("replaced: %+v", f)
	}

	// Cleared: nothing kept, said so; asked again, the first question.
	rate("4")
	got = last(t, w.press(res, w.vi("followup.comment_delete")))
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 4 || f.Comment.Valid {
		t.Errorf("cleared: %+v", f)
	}
	if !strings.Contains(got.Text, w.vi("followup.comment_deleted")) || !hasButton(got, "✓4★") || hasButton(got, w.vi("followup.comment_delete")) {
		t.Errorf("after clearing: %q %v", got.Text, got.Buttons())
	}
	got = rate("2")
	if !hasButton(got, w.vi("followup.comment_skip")) || strings.Contains(got.Text, "Rất tốt") {
		t.Errorf("rating again with no comment kept: %q %v", got.Text, got.Buttons())
	}
}
