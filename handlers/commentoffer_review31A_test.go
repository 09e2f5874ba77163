package handlers_test

import (
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 31A, item 2: at the comment question, words that read as a
// question ("bot này dùng thế nào") are offered as the comment with "✓
// Giữ làm nhận xét", and the answer says /help tells how to use the bot.
// /help there, or /lang (typed, or its button), drew the question again
// below without the offer: the words were no longer to be kept, and the
// resident who switched language lost the button the line above named.
// The question comes back as it was, the words offered with their button,
// in the language now chosen; the button keeps them.
func TestReview31ACommentOfferSurvivesHelpAndLang(t *testing.T) {
	for _, tc := range []struct {
		name string
		lang string // the language after
		do   func(w *world, res *telegramtest.User) []*telegramtest.Message
	}{
		{"/lang en", "en", func(w *world, res *telegramtest.User) []*telegramtest.Message { return w.send(res, "/lang en") }},
		{"/lang, English", "en", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			w.send(res, "/lang")
			return w.press(res, "English")
		}},
		{"/help", "vi", func(w *world, res *telegramtest.User) []*telegramtest.Message { return w.send(res, "/help") }},
		{"a sticker", "vi", func(w *world, res *telegramtest.User) []*telegramtest.Message {
			w.bot.WaitHandled(w.t, res.SendMessage(models.Message{Sticker: &models.Sticker{FileID: "s", Type: "regular"}}))
			return drain(res)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			res, id := w.atCommentQuestion("vi", "000.00.12.H26-251127-3121", "")
			const words = "bot này dùng thế nào"
			offer := last(t, w.send(res, words))
			if !hasButton(offer, w.vi("followup.comment_keep_typed")) {
				t.Fatalf("the offer: %q %v", offer.Text, offer.Buttons())
			}
			tr := w.texts.For(tc.lang)
			got := last(t, tc.do(w, res))
			want := tr.T("followup.comment_question", locales.Data{"Comment": words})
			if !strings.Contains(got.Text, want) || !hasButton(got, tr.T("followup.comment_keep_typed")) ||
				!hasButton(got, tr.T("followup.comment_skip")) || !hasButton(got, "5★") && !hasButton(got, "✓5★") {
				t.Fatalf("after %s at the offer: %q %v, want the offer again, in %s", tc.name, got.Text, got.Buttons(), tc.lang)
			}
			for _, m := range res.Messages() {
				if m.ID != got.ID && hasButton(m, w.vi("followup.comment_keep_typed")) {
					t.Errorf("an older copy of the offer keeps its buttons: %q", m.Text)
				}
			}
			w.press(res, tr.T("followup.comment_keep_typed"))
			if f, _ := w.followupRow(id); f.Comment.String != words {
				t.Errorf("the comment once kept by its button: %q", f.Comment.String)
			}
		})
	}
}
