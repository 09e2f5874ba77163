package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 34C, item 3: /forget's "Không xoá" pressed on the message whose
// "🗑" had just erased (the second tap landing on the next row, or a
// change of mind that left the phone before the goodbye came). Its data
// named no dossier, so it could not tell that message from any other: it
// wrote "dvcbot không giữ thông tin theo dõi hồ sơ nào…" over the goodbye,
// and the words that said what went were gone. It now names what its
// question named, and is answered as a second tap of "🗑" is: a pop-up
// saying it is erased already, the goodbye left as it was — for the
// question about one dossier and for the list of several alike.
func TestReview34CKeepAfterTheEraseLeavesTheGoodbye(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run(map[int]string{1: "one", 2: "all"}[n], func(t *testing.T) {
			w := newWorld(t)
			res := w.srv.NewUser("Chị Lan", "vi")
			for _, code := range []string{"000.00.12.H26-251127-3441", "000.00.12.H26-251127-3442"}[:n] {
				_, token := w.slip("Vân", code)
				w.send(res, "/start "+token)
			}
			ask := last(t, w.send(res, "/forget"))
			erase, bye := forgetOneData(ask), w.vi("followup.forgotten")
			if n > 1 {
				erase = dataOf(t, ask, w.vi("followup.forget_all_button", locales.Data{"Count": n}))
				bye = w.vi("followup.forgotten_all", locales.Data{"Count": n})
			}
			keep := dataOf(t, ask, w.vi("followup.forget_keep_button"))
			if erase == "" {
				t.Fatalf("/forget: %q %v", ask.Text, ask.Buttons())
			}
			w.forgeAnswer(res, ask.ID, erase)
			if got := w.followupsOf(res); got != 0 {
				t.Fatalf("%d follow-ups left after 🗑", got)
			}
			if m := msgByID(t, res, ask.ID); m.Text != bye {
				t.Fatalf("after 🗑: %q, want %q", m.Text, bye)
			}
			if a := w.forgeAnswer(res, ask.ID, keep); a != w.vi("followup.forget_already") {
				t.Errorf("\"Không xoá\" after 🗑: answered %q, want %q", a, w.vi("followup.forget_already"))
			}
			if m := msgByID(t, res, ask.ID); m.Text != bye || len(m.Buttons()) != 0 {
				t.Errorf("\"Không xoá\" after 🗑: the message reads %q %v, want what 🗑 said: %q", m.Text, m.Buttons(), bye)
			}
		})
	}
}
