package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// A resident whose Telegram is in English chose English (/lang en) and
// then said /forget. The goodbye came in English, as it should, but said
// nothing of their language: /forget erased it with the rest (the guest
// row), and from the next message on dvcbot wrote in Vietnamese, its
// default for anyone it does not know, without a word why. The goodbye
// now says so, and how to have English again; the choice is not kept.
func TestForgetSaysTheLanguageGoesToo(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, token := w.slip("Vân", "000.00.12.H26-251127-2111")
	res := w.srv.NewUser("Anna", "en")
	w.send(res, "/lang en")
	w.send(res, "/start "+token)
	w.press(res, w.en("followup.consent_yes"))

	bye := last(t, w.forgetConfirmed(res))
	if !strings.HasPrefix(bye.Text, w.en("followup.forgotten")) || !strings.Contains(bye.Text, w.en("followup.forgotten_language", locales.Data{"Default": "Tiếng Việt", "Code": "en"})) {
		t.Errorf("/forget after /lang en: %q", bye.Text)
	}
	var users int
	if err := w.store.DB().Get(&users, `SELECT count(*) FROM users WHERE telegram_id = $1`, res.ID); err != nil || users != 0 {
		t.Errorf("after /forget the resident has %d user rows (%v)", users, err)
	}
	// As anyone the bot does not know: Vietnamese first.
	if got := w.send(res, "/start"); len(got) == 0 || !strings.HasPrefix(got[0].Text, w.vi("start.guest", locales.Data{"Name": "Anna"})[:20]) {
		t.Errorf("/start after /forget: %q", texts(got))
	}

	// One who never chose a language is told nothing of it: Vietnamese
	// stays Vietnamese.
	_, token = w.slip("Vy", "000.00.12.H26-251127-2112")
	viet := w.srv.NewUser("Bà Năm", "vi")
	w.send(viet, "/start "+token)
	if got := last(t, w.forgetConfirmed(viet)); got.Text != w.vi("followup.forgotten") {
		t.Errorf("/forget without a language chosen: %q", got.Text)
	}
}

// /forget's list in a chat following two dossiers, in English. "Delete
// all" tapped twice (the second tap left the phone before the first's
// answer came): the first erased everything and the chat's language with
// it, so the second was answered in Vietnamese, over the English
// confirmation. "Keep them" tapped after "Delete all" said "Nothing
// deleted: dvcbot keeps following the dossiers as before" — false. Presses
// on the list are now answered in the list's language, and "Keep them"
// after the erase says nothing is kept. A list drawn before a restart
// works after it.
func TestForgetListPressedTwiceOrLate(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, ta := w.slip("Vân", "000.00.12.H26-251127-2113")
	_, tb := w.slip("Vy", "000.00.12.H26-251127-2114")
	son := w.srv.NewUser("Son", "en")
	w.send(son, "/lang en")
	w.send(son, "/start "+ta)
	w.send(son, "/start "+tb)

	list := last(t, w.forgetConfirmed(son))
	all := dataOf(t, list, w.en("followup.forget_all_button", locales.Data{"Count": 2}))
	keep := dataOf(t, list, w.en("followup.forget_keep_button"))
	w.restart() // the buttons live in nothing but the message

	p1, err := son.PressData(list.ID, all)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := son.PressData(list.ID, all)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, p1, p2)
	drain(son)
	got := msgByID(t, son, list.ID).Text
	if !strings.HasPrefix(got, w.en("followup.forgotten_all", locales.Data{"Count": 2})) &&
		!strings.HasPrefix(got, w.en("followup.forget_nothing")) {
		t.Errorf("\"Delete all\" tapped twice: the list shows %q", got)
	}
	for _, a := range son.Answers() {
		if a.Text != "" && !isEnglish(w, a.Text) {
			t.Errorf("a tap on the English list answered in Vietnamese: %q", a.Text)
		}
	}

	id, err := son.PressData(list.ID, keep)
	if err != nil {
		t.Fatal(err)
	}
	w.bot.WaitHandled(t, id)
	drain(son)
	if got := msgByID(t, son, list.ID).Text; got == w.en("followup.forget_kept") || got == w.vi("followup.forget_kept") {
		t.Errorf("\"Keep them\" after \"Delete all\": %q", got)
	} else if !strings.HasPrefix(got, w.en("followup.forgotten_all", locales.Data{"Count": 2})) {
		// What "Delete all" said stays, its language line with it
		// (review 21d2; review 34C: until then "Keep them" wrote "nothing
		// is kept" over it).
		t.Errorf("\"Keep them\" after \"Delete all\": %q, want %q first", got, w.en("followup.forgotten_all", locales.Data{"Count": 2}))
	}
}

// isEnglish: s is one of the English texts a tap on /forget's list may be
// answered with.
func isEnglish(w *world, s string) bool {
	for _, id := range []string{"followup.forget_nothing", "followup.gone", "button.stale", "followup.forget_already"} {
		if s == w.en(id) {
			return true
		}
	}
	return false
}
