package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
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
		// A number with no plea to call ("gọi tôi…" is one since review 29: callBack).
		{"number", "", func(w *world, res *telegramtest.User) { w.send(res, "Số tôi 0912345678 nhé") }},
		{"number/kept", "Bạn hướng dẫn rất tận tình", func(w *world, res *telegramtest.User) { w.send(res, "Số tôi 0912345678 nhé") }},
		{"mash", "", func(w *world, res *telegramtest.User) { w.send(res, "asdfgh;;;") }},
		{"mash/kept", "Bạn hướng dẫn rất tận tình", func(w *world, res *telegramtest.User) { w.send(res, "asdfgh;;;") }},
		{"sticker", "", func(w *world, res *telegramtest.User) { w.bot.WaitHandled(w.t, sticker(res)); drain(res) }},
		{"edited", "", func(w *world, res *telegramtest.User) {
			w.bot.WaitHandled(w.t, res.EditLast("Rất tốt"))
			drain(res)
		}},
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

// Review 27B, item 2: "📬 Đã nhận kết quả" tapped twice, its "✓ Đúng"
// tapped twice, and the same buttons on an older screen of the dossier:
// the result is recorded once, and each late tap is answered as noted,
// the screen where the dossier stands below it.
func TestReview27BReceivedTappedTwice(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	tr := w.texts.For("vi")
	_, res, id := w.agreedResident("000.00.12.H26-251127-2703")
	a := res.Last() // where the dossier stands, its stars and 📬
	b := last(t, w.send(res, "/start"))
	if a.ID == b.ID || !hasButton(a, tr.T("followup.result_got")) || !hasButton(b, tr.T("followup.result_got")) {
		t.Fatalf("two screens with %q: %q %v / %q %v", tr.T("followup.result_got"), a.Text, a.Buttons(), b.Text, b.Buttons())
	}
	w.doubleTap(res, b, tr.T("followup.result_got"))
	if got := msgByID(t, res, b.ID); !hasButton(got, tr.T("followup.received_yes")) {
		t.Fatalf("after a double tap on 📬: %q %v, want the question", got.Text, got.Buttons())
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupWaiting {
		t.Fatalf("📬 recorded before its question was answered: %+v", f)
	}
	// 📬 on the screen above: the question moves there, the copy below
	// loses its buttons; the one above is confirmed twice.
	bAsk := msgByID(t, res, b.ID)
	w.pressOn(res, a.ID, tr.T("followup.result_got"))
	noButtons(t, res, b.ID, "the received question 📬 above moved")
	w.doubleTap(res, msgByID(t, res, a.ID), tr.T("followup.received_yes"))
	if got := lastAnswer(t, res); got != tr.T("followup.noted_already") {
		t.Errorf("the second tap of %q: answered %q, want %q", tr.T("followup.received_yes"), got, tr.T("followup.noted_already"))
	}
	var ended string
	if err := w.store.DB().Get(&ended, `SELECT ended_at::text FROM followups WHERE case_id = $1`, id); err != nil {
		t.Fatal(err)
	}
	if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived || f.Result.String != storage.ResultReceived {
		t.Errorf("after ✓ Đúng: %+v", f)
	}
	// Taps that left the phone before, on the copy below: answered as
	// noted, nothing recorded again.
	clk.advance(time.Hour)
	for _, late := range []struct {
		m     *telegramtest.Message
		label string
	}{{bAsk, tr.T("followup.received_yes")}, {b, tr.T("followup.result_got")}} {
		label := late.label
		data := dataOf(t, late.m, label)
		tap, err := res.PressData(late.m.ID, data)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, tap)
		drain(res)
		if got := lastAnswer(t, res); got != tr.T("followup.noted_already") {
			t.Errorf("a late tap of %q: answered %q, want %q", label, got, tr.T("followup.noted_already"))
		}
	}
	var again string
	if err := w.store.DB().Get(&again, `SELECT ended_at::text FROM followups WHERE case_id = $1`, id); err != nil || again != ended {
		t.Errorf("the result recorded again: ended %s, then %s (%v)", ended, again, err)
	}
}

// The comment question drawn again twice before Telegram took the first
// copy (a slow connection, an outage): the first copy's id came back after
// the chat had moved on, and it kept its buttons for good. It loses them
// once sent: one live copy, the last.
func TestReview27BCommentCopySentLateLosesItsButtons(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	tr := w.texts.For("vi")
	res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2704", "")
	w.srv.Inject(telegramtest.Fault{Method: "sendMessage", Code: 502})
	w.bot.WaitHandled(t, res.SendText("asdfgh;;;"))
	w.bot.WaitHandled(t, res.SendText("Số tôi 0912345678 nhé")) // no plea to call (review 29: callBack)
	w.srv.ClearFaults()
	w.settle(res)
	if live := oneLiveCommentCopy(t, res, tr, "two copies drawn during an outage"); live.ID != res.Last().ID {
		t.Errorf("the live copy is message %d, the last %d", live.ID, res.Last().ID)
	}
	const comment = "Hướng dẫn kỹ, dễ hiểu"
	w.send(res, comment)
	if f, _ := w.followupRow(id); f.Comment.String != comment {
		t.Errorf("the comment: %q, want %q", f.Comment.String, comment)
	}
}

// A reminder closes the comment question left open (what is typed after
// it is no comment): the question's copy loses its buttons with it, as
// the "received?" questions it closes do.
func TestReview27BReminderTakesTheCommentQuestionsButtonsOff(t *testing.T) {
	clk := newClock() // Friday 27/11/2026
	w := newWorld(t, handlers.WithClock(clk.now))
	tr := w.texts.For("vi")
	res, _ := w.atCommentQuestion("vi", "000.00.12.H26-251127-2705", "")
	asked := oneLiveCommentCopy(t, res, tr, "the rating")
	clk.advance(6*24*time.Hour - 6*time.Hour) // Thursday 3/12, 10:00 in Vietnam: the first working day after the due date
	if n, err := w.h.SendDueReminders(context.Background()); err != nil || n != 1 {
		t.Fatalf("reminders sent: %d, %v", n, err)
	}
	w.settle(res)
	if live := liveCommentCopies(res, tr); len(live) != 0 {
		t.Errorf("after the reminder, %d copies of the comment question keep their buttons", len(live))
	}
	noButtons(t, res, asked.ID, "the comment question the reminder closed")
	if got := res.Last(); !hasButton(got, tr.T("followup.reminder_not")) {
		t.Errorf("the last message: %q %v, want the reminder", got.Text, got.Buttons())
	}
}

// "✓ Giữ làm nhận xét" keeps the words its own message offers: a tap on
// an older offer, whose words another offer replaced, kept the newer
// words — not what the tapped message showed. It is out of date now,
// nothing kept; and a double tap on the live one keeps the words once,
// the second tap answered that they are kept.
func TestReview27BKeepOfferedWordsTappedLate(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	tr := w.texts.For("vi")
	res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2706", "")
	const first, second = "bot này dùng thế nào", "làm sao để xem hồ sơ"
	x := last(t, w.send(res, first))
	y := last(t, w.send(res, second))
	if x.ID == y.ID || !hasButton(y, tr.T("followup.comment_keep_typed")) {
		t.Fatalf("two offers: %q / %q %v", x.Text, y.Text, y.Buttons())
	}
	noButtons(t, res, x.ID, "the first offer")
	tap, err := res.PressData(x.ID, dataOf(t, x, tr.T("followup.comment_keep_typed")))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, tap)
	drain(res)
	if got := lastAnswer(t, res); got != tr.T("button.stale") {
		t.Errorf("a late tap on the first offer's button: answered %q, want %q", got, tr.T("button.stale"))
	}
	if f, _ := w.followupRow(id); f.Comment.Valid {
		t.Errorf("a late tap on the first offer kept %q", f.Comment.String)
	}
	// The offer is still open below: kept by its own button, once.
	w.doubleTap(res, y, tr.T("followup.comment_keep_typed"))
	if got := lastAnswer(t, res); got != tr.T("followup.comment_kept") {
		t.Errorf("the second tap of the keep button: answered %q, want %q", got, tr.T("followup.comment_kept"))
	}
	if got := msgByID(t, res, y.ID); !strings.Contains(got.Text, tr.T("followup.comment_kept")) {
		t.Errorf("after a double tap on the keep button: %q", got.Text)
	}
	if f, _ := w.followupRow(id); f.Comment.String != second {
		t.Errorf("the comment: %q, want %q", f.Comment.String, second)
	}
}
