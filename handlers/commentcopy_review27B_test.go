package handlers_test

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// liveCommentCopies are the messages of the chat that show the comment
// question's own button ("Không nhận xét", or "Giữ nhận xét này" once a
// comment is kept): the copies of the question a tap still acts on.
func liveCommentCopies(u *telegramtest.User, tr *locales.Localizer) []*telegramtest.Message {
	var live []*telegramtest.Message
	for _, m := range u.Messages() {
		if hasButton(m, tr.T("followup.comment_skip")) || hasButton(m, tr.T("followup.comment_keep")) {
			live = append(live, m)
		}
	}
	return live
}

// oneLiveCommentCopy fails unless the chat shows exactly one live copy of
// the comment question, and returns it.
func oneLiveCommentCopy(t *testing.T, u *telegramtest.User, tr *locales.Localizer, after string) *telegramtest.Message {
	t.Helper()
	live := liveCommentCopies(u, tr)
	if len(live) != 1 {
		var texts []string
		for _, m := range live {
			texts = append(texts, m.Text)
		}
		t.Fatalf("after %s: %d live copies of the comment question, want 1: %q", after, len(live), texts)
	}
	return live[0]
}

// Review 27B, item 1: the replies at the comment question that draw it
// again — text refused for the personal data it holds, keyboard mash, a
// sticker, an edited message, a text over the limit, a star count typed —
// drew a new copy and left the one above with its live buttons: two copies
// of the question, a star on the upper one reopening it there. One copy
// is live, the last; the one above has no buttons; the comment typed next
// is kept once.
func TestReview27BCommentQuestionRedrawnLeavesOneCopy(t *testing.T) {
	sticker := func(res *telegramtest.User) int64 {
		return res.SendMessage(models.Message{Sticker: &models.Sticker{FileID: "s", Type: "regular"}})
	}
	for _, tc := range []struct {
		name, first string
		do          func(w *world, res *telegramtest.User)
	}{
		{"number", "", func(w *world, res *telegramtest.User) { w.send(res, "Gọi tôi số 0912345678 nhé") }},
		{"number/kept", "Bạn hướng dẫn rất tận tình", func(w *world, res *telegramtest.User) { w.send(res, "Gọi tôi số 0912345678 nhé") }},
		{"mash", "", func(w *world, res *telegramtest.User) { w.send(res, "asdfgh;;;") }},
		{"mash/kept", "Bạn hướng dẫn rất tận tình", func(w *world, res *telegramtest.User) { w.send(res, "asdfgh;;;") }},
		{"sticker", "", func(w *world, res *telegramtest.User) { w.bot.WaitHandled(w.t, sticker(res)); drain(res) }},
		{"edited", "", func(w *world, res *telegramtest.User) { w.bot.WaitHandled(w.t, res.EditLast("Rất tốt")); drain(res) }},
		{"long", "", func(w *world, res *telegramtest.User) { w.send(res, strings.Repeat("Rất tốt. ", 600)) }},
		{"stars", "", func(w *world, res *telegramtest.User) { w.send(res, "4 sao") }},
		{"stars/kept", "Bạn hướng dẫn rất tận tình", func(w *world, res *telegramtest.User) { w.send(res, "3 sao") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			tr := w.texts.For("vi")
			res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2701", tc.first)
			above := oneLiveCommentCopy(t, res, tr, "the rating")
			tc.do(w, res)
			tc.do(w, res) // twice: each copy takes the one above's buttons off
			below := oneLiveCommentCopy(t, res, tr, tc.name)
			if below.ID == above.ID || below.ID != res.Last().ID {
				t.Errorf("after %s the live copy is message %d (the question was %d, the last message %d)", tc.name, below.ID, above.ID, res.Last().ID)
			}
			// The question is still open: the comment typed now is kept,
			// once.
			const comment = "Hướng dẫn kỹ, dễ hiểu"
			if got := last(t, w.send(res, comment)); !strings.Contains(got.Text, tr.T("followup.comment_kept")) {
				t.Errorf("the comment typed after %s: %q", tc.name, got.Text)
			}
			if f, _ := w.followupRow(id); f.Comment.String != comment {
				t.Errorf("the comment after %s: %q, want %q", tc.name, f.Comment.String, comment)
			}
		})
	}
}

// A star tapped on another screen of the dossier while the comment
// question is open on a message moves the question there: the message it
// was on loses its buttons (its stars would reopen it above), and a
// double tap on the stars records the rating once.
func TestReview27BStarsElsewhereMoveTheQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	tr := w.texts.For("vi")
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-2702")
	c, _ := w.lastCase(v)
	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+qrToken(w.t, ms[0].Photo))
	a := last(t, w.press(res, tr.T("followup.consent_yes")))
	b := last(t, w.send(res, "/start")) // the dossier again, with its stars
	if a.ID == b.ID || !hasButton(a, "5★") || !hasButton(b, "5★") {
		t.Fatalf("two screens with stars: %q %v / %q %v", a.Text, a.Buttons(), b.Text, b.Buttons())
	}
	w.doubleTap(res, b, "5★")
	if got := lastAnswer(t, res); got != tr.T("followup.rated_already") {
		t.Errorf("the second tap of 5★: answered %q, want %q", got, tr.T("followup.rated_already"))
	}
	if live := oneLiveCommentCopy(t, res, tr, "a double tap on 5★"); live.ID != b.ID {
		t.Errorf("the comment question is on message %d, want %d", live.ID, b.ID)
	}
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 5 {
		t.Errorf("the rating after a double tap on 5★: %d", f.Rating.Int16)
	}
	// A star on the screen above: the question moves there.
	w.pressOn(res, a.ID, "4★")
	if live := oneLiveCommentCopy(t, res, tr, "4★ on the screen above"); live.ID != a.ID {
		t.Errorf("the comment question is on message %d, want %d", live.ID, a.ID)
	}
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 4 {
		t.Errorf("the rating: %d, want 4 (the last tapped)", f.Rating.Int16)
	}
	noButtons(t, res, b.ID, "the comment question the star above moved")
	if got := last(t, w.send(res, "Rất tốt")); !strings.Contains(got.Text, tr.T("followup.comment_kept")) {
		t.Errorf("the comment: %q", got.Text)
	}
}
