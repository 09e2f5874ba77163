package handlers_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// whoseWords are the phrases that give a rating or a comment to the one
// reading: after a hand-over, the reader may not be the one who gave it.
var whoseWords = []string{"Ông/bà đã chấm", "ông/bà đã chấm", "Nhận xét Ông/bà", "Nhận xét ông/bà", "nhận xét của Ông/bà", "nhận xét của ông/bà",
	"You rated", "Your comment", "your comment"}

func saysWhose(text string) string {
	// The thanks for a rating just given is the reader's own.
	text = strings.NewReplacer("Cảm ơn Ông/bà đã chấm", "", "Cảm ơn ông/bà đã chấm", "", "Thank you for rating", "").Replace(text)
	for _, w := range whoseWords {
		if strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// A son opened his mother's link, rated the help 2★ with a comment, then
// left the dossier to her ("↪ Để người nhà theo dõi hồ sơ này"). His
// mother's screens said "Ông/bà đã chấm 2★" and "Nhận xét Ông/bà đã gửi:
// …": his rating and comment presented as hers. They now say what the
// dossier holds, not who gave it — in Vietnamese and in English, after the
// volunteer corrects the code and after the son's /forget. She may rate
// again: one rating per case, the last one counts, the comment kept is
// shown to be kept, replaced or cleared.
func TestHandedOverRatingIsNotTheReaders(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	v := w.volunteer("Vân")
	const wrong, right = "000.00.12.H26-251127-0710", "000.00.12.H26-251127-0701"
	ms := w.finishWithCode(v, wrong)
	c, _ := w.lastCase(v)
	token := qrToken(t, ms[0].Photo)
	const said = "Các em hướng dẫn hơi vội"

	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	w.press(son, w.vi("followup.consent_yes"))
	w.press(son, "2★")
	w.send(son, said)
	w.send(son, "/start")
	w.press(son, w.vi("followup.pass_button"))
	w.press(son, w.vi("followup.pass_confirm"))

	check := func(what string, got *telegramtest.Message, wants ...string) {
		t.Helper()
		if p := saysWhose(got.Text); p != "" {
			t.Errorf("%s: %q gives the son's rating or comment to the reader: %q", what, p, got.Text)
		}
		for _, want := range wants {
			if !strings.Contains(got.Text, want) {
				t.Errorf("%s: %q lacks %q", what, got.Text, want)
			}
		}
	}

	mother := w.srv.NewUser("Mẹ", "vi")
	w.send(mother, "/start "+token)
	got := last(t, w.press(mother, w.vi("followup.consent_yes")))
	check("the mother's screen after agreeing", got, w.vi("followup.rate_again", locales.Data{"Rating": 2}))
	if !hasButton(got, "✓2★") {
		t.Errorf("the rating given is not marked: %v", got.Buttons())
	}
	check("the mother's /start", last(t, w.send(mother, "/start")), w.vi("followup.rate_again", locales.Data{"Rating": 2}))

	// The volunteer corrects the code: she is told, and her screen still
	// says the rating without giving it to her.
	clk.advance(3 * time.Minute)
	w.send(v, right)
	w.press(v, w.vi("case.replace_button", locales.Data{"Case": c.ID}))
	check("the correction told", last(t, drain(mother)), right)
	check("her /start after the correction", last(t, w.send(mother, "/start")), right,
		w.vi("followup.rate_again", locales.Data{"Rating": 2}))

	// The son's /forget, after the hand-over, erases nothing of hers.
	if got := last(t, w.forgetConfirmed(son)); got.Text != w.vi("followup.forget_nothing") {
		t.Errorf("the son's /forget after the hand-over: %q", got.Text)
	}
	check("her /start after the son's /forget", last(t, w.send(mother, "/start")),
		w.vi("followup.rate_again", locales.Data{"Rating": 2}))

	// In English.
	w.send(mother, "/lang en")
	check("her /start in English", last(t, w.send(mother, "/start")), w.en("followup.rate_again", locales.Data{"Rating": 2}))
	got = last(t, w.press(mother, "4★"))
	check("her rating again, in English", got, said)
	got = last(t, w.press(mother, w.en("followup.comment_delete")))
	check("the comment cleared, in English", got, w.en("followup.comment_deleted"))
	w.send(mother, "/lang vi")

	// She may rate again: her rating replaces his; his comment is shown
	// as the dossier's, to keep, replace or clear.
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 4 || f.Comment.Valid {
		t.Errorf("after her rating: %+v", f)
	}
	w.press(mother, "3★")
	w.send(mother, said)
	got = last(t, w.press(mother, "5★"))
	check("her rating again, the comment kept shown", got, said)
	check("the comment cleared", last(t, w.press(mother, w.vi("followup.comment_delete"))), w.vi("followup.comment_deleted"))
	if f, _ := w.followupRow(c.ID); f.Rating.Int16 != 5 || f.Comment.Valid {
		t.Errorf("after her rating again: %+v", f)
	}
}

// The son holds the link in Telegram; his mother reports the problem on
// the link's page. His /start said "Ông/bà đã báo hồ sơ có vướng mắc": her
// report given to him. It now says the problem is recorded, whoever
// reported it, in both languages, before and after he rates.
func TestProblemFromThePageIsNotTheReaders(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	ms := w.finishWithCode(v, "000.00.12.H26-251127-0720")
	token := qrToken(t, ms[0].Photo)
	son := w.srv.NewUser("Con trai", "vi")
	w.send(son, "/start "+token)
	w.press(son, w.vi("followup.consent_yes"))

	serve := w.webPage()
	// The report is the button of the question the page's asks (review 33D).
	m := regexp.MustCompile(`name="form" value="([^"]+)"`).FindStringSubmatch(serve("GET", "/f/"+token+"/problem", nil).Body.String())
	if m == nil {
		t.Fatal("no form on the page")
	}
	serve("POST", "/f/"+token+"/problem", url.Values{"form": {m[1]}, "lang": {"vi"}})

	for _, c := range []struct{ lang, said string }{{"vi", "ông/bà đã báo"}, {"en", "You reported"}} {
		w.send(son, "/lang "+c.lang)
		got := last(t, w.send(son, "/start"))
		if !strings.Contains(got.Text, w.texts.For(c.lang).T("followup.status_problem")) || strings.Contains(strings.ToLower(got.Text), strings.ToLower(c.said)) {
			t.Errorf("/start in %s after the page's report: %q", c.lang, got.Text)
		}
	}
	w.press(son, "3★")
	got := last(t, w.press(son, w.en("followup.comment_skip")))
	if !strings.Contains(got.Text, w.en("followup.status_problem")) || strings.Contains(got.Text, "You reported") {
		t.Errorf("rated after the page's report: %q", got.Text)
	}
}
