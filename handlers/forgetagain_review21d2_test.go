package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// /forget's list in English, in a chat that had chosen English and
// follows two dossiers. "Delete all" erased both and the language choice,
// and the list became the goodbye, which says so and how to have English
// again ("send /lang en"). A second tap of "Delete all" (it left the
// phone before the first's answer), or "Keep them" pressed after, edited
// that goodbye into "dvcbot keeps no dossier follow-up data for this
// account." alone: the only words on how to have English back were gone.
// They stay, whatever is pressed on the list after. A chat that never
// chose a language is told nothing of it, as before.
func TestForgetListPressedAgainKeepsTheLanguageLine(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, ta := w.slip("Vân", "000.00.12.H26-251127-2123")
	_, tb := w.slip("Vy", "000.00.12.H26-251127-2124")
	son := w.srv.NewUser("Son", "en")
	w.send(son, "/lang en")
	w.send(son, "/start "+ta)
	w.send(son, "/start "+tb)
	langLine := w.en("followup.forgotten_language", locales.Data{"Default": "Tiếng Việt", "Code": "en"})

	list := last(t, w.forgetConfirmed(son))
	all := dataOf(t, list, w.en("followup.forget_all_button", locales.Data{"Count": 2}))
	keep := dataOf(t, list, w.en("followup.forget_keep_button"))
	one := list.Buttons()[0].CallbackData // the first dossier's
	for i, data := range []string{all, all, keep, one} {
		id, err := son.PressData(list.ID, data)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(son)
		if got := msgByID(t, son, list.ID).Text; !strings.Contains(got, langLine) {
			t.Errorf("press %d (%s) on the English list: the message says %q, without %q", i+1, data, got, langLine)
		}
	}

	// Never chosen: nothing said of the language, however often pressed.
	_, tc := w.slip("Vi", "000.00.12.H26-251127-2125")
	_, td := w.slip("Vu", "000.00.12.H26-251127-2126")
	ba := w.srv.NewUser("Bà Năm", "vi")
	w.send(ba, "/start "+tc)
	w.send(ba, "/start "+td)
	list = last(t, w.forgetConfirmed(ba))
	all = dataOf(t, list, w.vi("followup.forget_all_button", locales.Data{"Count": 2}))
	keep = dataOf(t, list, w.vi("followup.forget_keep_button"))
	// The second tap of "all" leaves what the first said (review 33D: it
	// said "dvcbot không giữ…" over it); so does "Không xoá" pressed after
	// (review 34C).
	for i, data := range []string{all, all, keep} {
		id, err := ba.PressData(list.ID, data)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(ba)
		got := msgByID(t, ba, list.ID).Text
		if strings.Contains(got, "/lang") {
			t.Errorf("press %d on the Vietnamese list of one who chose no language: %q", i+1, got)
		}
		if want := w.vi("followup.forgotten_all", locales.Data{"Count": 2}); got != want {
			t.Errorf("press %d on the Vietnamese list: %q, want %q", i+1, got, want)
		}
	}
}
