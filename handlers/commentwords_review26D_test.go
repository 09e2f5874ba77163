package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// atCommentQuestion opens a dossier's link as a resident in lang, agrees to
// the reminders and rates it; with first, comments it and rates it again:
// the chat is at the comment question, "Giữ nhận xét này" below it. It
// returns the resident and the case's id.
func (w *world) atCommentQuestion(lang, code, first string) (*telegramtest.User, int64) {
	w.t.Helper()
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, code)
	c, _ := w.lastCase(v)
	tr := w.texts.For(lang)
	res := w.srv.NewUser("Bà", lang)
	if lang != "vi" {
		w.send(res, "/lang "+lang)
	}
	w.send(res, "/start "+qrToken(w.t, ms[0].Photo))
	w.press(res, tr.T("followup.consent_yes"))
	w.press(res, "5★")
	if first != "" {
		w.send(res, first)
		w.press(res, "4★")
	}
	return res, c.ID
}

// commentAsked reports whether m is the comment question of a dossier
// with comment first ("" for none), in tr's language.
func commentAsked(tr *locales.Localizer, m *telegramtest.Message, first string) bool {
	if first == "" {
		return strings.Contains(m.Text, tr.T("followup.comment_ask", locales.Data{"Max": storage.MaxComment})) && hasButton(m, tr.T("followup.comment_skip"))
	}
	return strings.Contains(m.Text, first) && hasButton(m, tr.T("followup.comment_keep")) && hasButton(m, tr.T("followup.comment_delete"))
}

// Walk (review 26, item 1): at the comment question, /help, /lang and the
// commands a resident is answered something else for (/new, /resume)
// left the question open without showing it again: "bot này dùng thế
// nào" typed next was kept as the comment, in place of the one given
// before, "Đã ghi nhận nhận xét". The question now comes back below the
// answer, as a case's screen does; and words that ask the bot something
// are not kept without a tap: offered, with the button that keeps them.
func TestReview26DCommentQuestionComesBackAfterACommand(t *testing.T) {
	for _, tc := range []struct {
		lang, first string
		cmds        []string
		question    string
	}{
		{"vi", "Bạn hướng dẫn rất tận tình", []string{"/help", "/new", "/resume", "/help"}, "bot này dùng thế nào"},
		{"vi", "", []string{"/help", "/resume"}, "làm sao để xem hồ sơ"},
		{"en", "Very kind, thank you", []string{"/help", "/new"}, "how do I use this bot?"},
		{"en", "", []string{"/help"}, "What does this bot do"},
	} {
		t.Run(tc.lang+"/"+tc.first, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			res, id := w.atCommentQuestion(tc.lang, "000.00.12.H26-251127-2601", tc.first)
			tr := w.texts.For(tc.lang)
			for _, cmd := range tc.cmds {
				if got := last(t, w.send(res, cmd)); !commentAsked(tr, got, tc.first) {
					t.Errorf("after %s at the comment question, the last message: %q %v, want the question again", cmd, got.Text, got.Buttons())
				}
			}
			got := last(t, w.send(res, tc.question))
			if strings.Contains(got.Text, tr.T("followup.comment_kept")) || !hasButton(got, tr.T("followup.comment_keep_typed")) {
				t.Errorf("%q at the comment question: %q %v, want it offered, not kept", tc.question, got.Text, got.Buttons())
			}
			if f, _ := w.followupRow(id); f.Comment.String != tc.first {
				t.Errorf("the comment after %q: %q, want %q", tc.question, f.Comment.String, tc.first)
			}
			// Meant as the comment: the button keeps it.
			w.press(res, tr.T("followup.comment_keep_typed"))
			if f, _ := w.followupRow(id); f.Comment.String != tc.question {
				t.Errorf("the comment once kept by its button: %q, want %q", f.Comment.String, tc.question)
			}
		})
	}
}

// /lang at the comment question, then English by its button: the
// question comes back below, in English.
func TestReview26DCommentQuestionComesBackAfterLang(t *testing.T) {
	for _, first := range []string{"Bạn hướng dẫn rất tận tình", ""} {
		t.Run(first, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2602", first)
			w.send(res, "/lang")
			got := last(t, w.press(res, "English"))
			if !commentAsked(w.texts.For("en"), got, first) {
				t.Errorf("after /lang → English at the comment question (comment %q): %q %v, want the question again in English", first, got.Text, got.Buttons())
			}
			got = last(t, w.send(res, "/lang vi"))
			if !commentAsked(w.texts.For("vi"), got, first) {
				t.Errorf("after /lang vi at the comment question (comment %q): %q %v, want the question again", first, got.Text, got.Buttons())
			}
			// A comment typed now is the comment, as the question says.
			const next = "Hướng dẫn kỹ, dễ hiểu"
			if got := last(t, w.send(res, next)); !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
				t.Errorf("a comment typed after /lang: %q", got.Text)
			}
			if f, _ := w.followupRow(id); f.Comment.String != next {
				t.Errorf("the comment: %q, want %q", f.Comment.String, next)
			}
		})
	}
}

// Walk (review 26, item 2): a greeting typed at the comment question
// ("xin chào", "hello") was kept as the comment, the one given before
// replaced. It is greeted, and the question stays open below it: the
// comment typed next is kept.
func TestReview26DGreetingAtTheCommentQuestion(t *testing.T) {
	for _, tc := range []struct{ lang, first, hello, comment string }{
		{"vi", "Bạn hướng dẫn rất tận tình", "xin chào", "Hướng dẫn kỹ, dễ hiểu"},
		{"vi", "", "Chào bạn ạ", "Hướng dẫn kỹ, dễ hiểu"},
		{"en", "Very kind, thank you", "hello", "Clear and patient help"},
		{"en", "", "Hi there", "Clear and patient help"},
	} {
		t.Run(tc.lang+"/"+tc.hello, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			res, id := w.atCommentQuestion(tc.lang, "000.00.12.H26-251127-2603", tc.first)
			tr := w.texts.For(tc.lang)
			got := last(t, w.send(res, tc.hello))
			if strings.Contains(got.Text, tr.T("followup.comment_kept")) || !strings.Contains(got.Text, tr.T("followup.comment_greeting")) ||
				!commentAsked(tr, got, tc.first) {
				t.Errorf("%q at the comment question: %q %v, want a greeting and the question again", tc.hello, got.Text, got.Buttons())
			}
			if f, _ := w.followupRow(id); f.Comment.String != tc.first {
				t.Errorf("the comment after %q: %q, want %q", tc.hello, f.Comment.String, tc.first)
			}
			if got := last(t, w.send(res, tc.comment)); !strings.Contains(got.Text, tr.T("followup.comment_kept")) {
				t.Errorf("the comment typed after the greeting: %q", got.Text)
			}
			if f, _ := w.followupRow(id); f.Comment.String != tc.comment {
				t.Errorf("the comment: %q, want %q", f.Comment.String, tc.comment)
			}
		})
	}
}

// The comment question drawn again below /help leaves one live copy: the
// one above loses its buttons. /forget then erases the comment as before,
// and the stars of the copy below, pressed after it, find nothing.
func TestReview26DCommentQuestionDrawnAgainLeavesOneCopy(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	const first = "Bạn hướng dẫn rất tận tình"
	res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2604", first)
	above := res.Last()
	if !hasButton(above, w.vi("followup.comment_keep")) {
		t.Fatalf("the comment question: %q %v", above.Text, above.Buttons())
	}
	below := last(t, w.send(res, "/help"))
	for _, m := range res.Messages() {
		if m.ID == above.ID && len(m.Buttons()) > 0 {
			t.Errorf("the comment question above /help kept its buttons: %v", m.Buttons())
		}
	}
	if below.ID == above.ID || !commentAsked(w.texts.For("vi"), below, first) {
		t.Errorf("below /help: %q %v", below.Text, below.Buttons())
	}
	// Through a question offered, a command and a greeting: one copy
	// with the question's buttons, the last.
	w.send(res, "bot này dùng thế nào")
	w.send(res, "/resume")
	below = last(t, w.send(res, "xin chào"))
	for _, m := range res.Messages() {
		if m.ID != below.ID && hasButton(m, w.vi("followup.comment_keep")) {
			t.Errorf("a copy of the comment question above the last keeps its buttons: %q", m.Text)
		}
	}
	if got := last(t, w.forgetConfirmed(res)); !strings.Contains(got.Text, w.vi("followup.forgotten_comment")) {
		t.Errorf("/forget after the question was drawn again: %q", got.Text)
	}
	if _, ok := w.followupRow(id); ok {
		t.Errorf("the follow-up is kept after /forget")
	}
	// The question closed with the follow-up loses its buttons (review
	// 27B); a star that left the phone before finds nothing.
	noButtons(t, res, below.ID, "the comment question erased by /forget")
	tap, err := res.PressData(below.ID, dataOf(t, below, "3★"))
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, tap)
	drain(res)
	if a := lastAnswer(t, res); a != w.vi("followup.gone") {
		t.Errorf("a star of the copy below pressed after /forget: answered %q", a)
	}
}

// What reads as a question at the comment question, and what does not:
// "được không" asks at the end of a sentence only.
func TestReview26DQuestionOrComment(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-2605", "")
	for _, q := range []string{"bot này dùng thế nào.", "xem hồ sơ ở đây được không ạ", "Khi nào có kết quả", "có kết quả chưa"} {
		got := last(t, w.send(res, q))
		if !hasButton(got, w.vi("followup.comment_keep_typed")) {
			t.Errorf("%q at the comment question: %q %v, want it offered", q, got.Text, got.Buttons())
		}
		if f, _ := w.followupRow(id); f.Comment.Valid {
			t.Errorf("%q was kept: %q", q, f.Comment.String)
		}
	}
	const comment = "Tốt, nhanh, được không cần đi lại"
	if got := last(t, w.send(res, comment)); !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
		t.Errorf("%q at the comment question: %q", comment, got.Text)
	}
	if f, _ := w.followupRow(id); f.Comment.String != comment {
		t.Errorf("the comment: %q, want %q", f.Comment.String, comment)
	}
}
