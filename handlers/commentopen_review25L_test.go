package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
)

// Walk W1 (review 25): a resident following two dossiers, the first rated
// and commented, rated the second ("5 sao") and typed a thanks for it: it
// was offered as a replacement of the first dossier's comment (the only one
// with a comment), and the second stayed without. Words typed while one
// dossier is rated without a comment are offered as that one's comment.
func TestReview25LCommentTypedGoesToTheDossierRatedWithoutOne(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code1, code2 = "000.00.12.H26-251127-0078", "000.00.12.H26-251127-0099"
	ms := w.finishWithCode(v, code1)
	token1 := qrToken(t, ms[0].Photo)
	ms = w.finishWithCode(v, code2)
	token2 := qrToken(t, ms[0].Photo)
	c2, _ := w.lastCase(v)

	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+token1)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.send(res, "Cảm ơn các bạn, rất nhiệt tình")

	w.send(res, "/start "+token2)
	w.press(res, w.vi("followup.consent_yes"))
	w.send(res, "5 sao")
	w.send(res, "/start")
	const typed = "Bạn tình nguyện viên hướng dẫn rất kỹ"
	got := last(t, w.send(res, typed))
	if strings.Contains(got.Text, w.vi("followup.comment_given")) || !strings.Contains(got.Text, code2) || strings.Contains(got.Text, code1) {
		t.Errorf("%q typed with %s rated and no comment: %q, want it offered as %s's comment", typed, code2, got.Text, code2)
	}
	w.press(res, w.vi("followup.comment_keep_typed"))
	if f, _ := w.followupRow(c2.ID); f.Comment.String != typed {
		t.Errorf("%s's comment: %q, want %q", code2, f.Comment.String, typed)
	}
	c1 := c2.ID - 1
	if f, _ := w.followupRow(c1); f.Comment.String != "Cảm ơn các bạn, rất nhiệt tình" {
		t.Errorf("%s's comment: %q, want it untouched", code1, f.Comment.String)
	}
}

// Walk W1 (review 25): a thanks typed before the resident answered the
// reminders' question was told to "press the stars below" above the
// question's buttons, with no stars. It is told to answer the question
// first; once agreed, the stars are below as the words say.
func TestReview25LThanksBeforeTheConsentPointsToTheQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0101")
	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+qrToken(t, ms[0].Photo))
	got := last(t, w.send(res, "Các bạn hướng dẫn rất nhiệt tình, cảm ơn"))
	if strings.Contains(got.Text, w.vi("followup.typed_thanks_rate")) || !strings.Contains(got.Text, w.vi("followup.typed_thanks_later")) ||
		!hasButton(got, w.vi("followup.consent_yes")) || hasButton(got, "5★") {
		t.Errorf("a thanks before the reminders' answer: %q %v", got.Text, got.Buttons())
	}
	w.press(res, w.vi("followup.consent_yes"))
	got = last(t, w.send(res, "Các bạn hướng dẫn rất nhiệt tình, cảm ơn"))
	if !strings.Contains(got.Text, w.vi("followup.typed_thanks_rate")) || !hasButton(got, "5★") {
		t.Errorf("a thanks once agreed: %q %v", got.Text, got.Buttons())
	}
}

// Walk W1 (review 25): /lang after "no guide yet" drew the
// screen again as "the last search found no procedure; type another
// name" — the advice the answer replaced, which finds the look-alike
// guide. It says again that no guide covers it.
func TestReview25LNoGuideAnswerDrawnAgain(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Vân")
	w.send(u, "/new")
	if m := last(t, w.send(u, "sang tên xe máy")); !strings.Contains(m.Text, w.vi("case.no_guide")) {
		t.Fatalf("\"sang tên xe máy\": %q", m.Text)
	}
	en := w.texts.For("en")
	if m := last(t, w.send(u, "/lang en")); !strings.Contains(m.Text, en.T("case.no_guide")) || strings.Contains(m.Text, en.T("case.no_match_again")) {
		t.Errorf("after /lang en: %q", m.Text)
	}
}
