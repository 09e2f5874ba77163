package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Review 21r: /forget's list in English, two dossiers; "Delete all"
// pressed twice, then "Keep them": the message already said what "Keep
// them" would say, so nothing was edited — and nothing was answered
// either, the press left without a word. It is answered with a pop-up
// saying the data is already deleted.
func TestKeepThemAfterTheEraseIsAnswered(t *testing.T) {
	clk := newClock()
	w := newWorld(t, handlers.WithClock(clk.now))
	_, ta := w.slip("Vân", "000.00.12.H26-251127-2141")
	_, tb := w.slip("Vy", "000.00.12.H26-251127-2142")
	son := w.srv.NewUser("Son", "en")
	w.send(son, "/lang en")
	w.send(son, "/start "+ta)
	w.send(son, "/start "+tb)

	list := last(t, w.forgetConfirmed(son))
	all := dataOf(t, list, w.en("followup.forget_all_button", locales.Data{"Count": 2}))
	keep := dataOf(t, list, w.en("followup.forget_keep_button"))
	for _, data := range []string{all, all, keep} {
		id, err := son.PressData(list.ID, data)
		if err != nil {
			t.Fatal(err)
		}
		w.bot.WaitHandled(t, id)
		drain(son)
	}
	if got := lastAnswer(t, son); got != w.en("followup.forget_already") {
		t.Errorf("\"Keep them\" after the erase: answered %q, want %q", got, w.en("followup.forget_already"))
	}
}
