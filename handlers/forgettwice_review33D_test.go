package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// Review 33D, item 1: "🗑 Xoá theo dõi cả N hồ sơ" on /forget's list
// tapped twice. The first tap erased every follow-up and said so on the
// list ("Đã xoá thông tin theo dõi N hồ sơ…"); the second found nothing
// left and put "dvcbot không giữ thông tin theo dõi hồ sơ nào…" over it —
// true, but the words that said what went were gone. What the first tap
// said stays; the second is answered by a pop-up. Whether the second tap
// carries the list with its buttons (it left the phone before the first's
// edit reached Telegram: "fast") or without, the message stays; and the
// language line of a chat that had chosen English stays with it.
func TestReview33DForgetAllTappedTwiceKeepsWhatTheFirstSaid(t *testing.T) {
	for _, tc := range []struct {
		name string
		lang string
		fast bool
	}{
		{name: "vi/slow", lang: "vi"},
		{name: "vi/fast", lang: "vi", fast: true},
		{name: "en/fast", lang: "en", fast: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			_, ta := w.slip("Vân", "000.00.12.H26-251127-3311")
			_, tb := w.slip("Vy", "000.00.12.H26-251127-3312")
			res := w.srv.NewUser("Chị Lan", tc.lang)
			tr := w.texts.For(tc.lang)
			if tc.lang != "vi" {
				w.send(res, "/lang "+tc.lang)
			}
			w.send(res, "/start "+ta)
			w.send(res, "/start "+tb)
			list := last(t, w.forgetConfirmed(res))
			all := tr.T("followup.forget_all_button", locales.Data{"Count": 2})
			if !hasButton(list, all) {
				t.Fatalf("/forget's list: %q %v", list.Text, list.Buttons())
			}
			want := tr.T("followup.forgotten_all", locales.Data{"Count": 2})
			if tc.lang != "vi" {
				want += "\n\n" + tr.T("followup.forgotten_language", locales.Data{"Default": "Tiếng Việt", "Code": tc.lang})
			}
			before := len(res.Answers())
			w.tapTwice(res, list, all, tc.fast)
			if n := w.followupsOf(res); n != 0 {
				t.Fatalf("%d follow-ups left after \"all\"", n)
			}
			if m := msgByID(t, res, list.ID); m.Text != want || len(m.Buttons()) != 0 {
				t.Errorf("after \"all\" tapped twice the list reads %q %v, want what the first tap said: %q", m.Text, m.Buttons(), want)
			}
			answers := res.Answers()[before:]
			if len(answers) != 2 || answers[1].Text != tr.T("followup.forget_already") {
				t.Errorf("the two taps were answered %+v, the second want %q", answers, tr.T("followup.forget_already"))
			}
		})
	}
}

// Review 33D, item 1: review 32C kept what the first tap of one dossier's
// "🗑" on /forget's list said when the second tap came after the list had
// lost its buttons, but it read those buttons off the update: a second tap
// that left the phone before the first's edit reached Telegram carries the
// list with every button, and it drew "không còn" and the list again over
// what the first said. Told from what is stored now (the message the
// follow-up was erased from), not from the pressed message.
func TestReview33DForgetOneOfTheListTappedTwiceFast(t *testing.T) {
	for _, n := range []int{2, 3} {
		t.Run(strings.Repeat("I", n), func(t *testing.T) {
			w := newWorld(t)
			res := w.srv.NewUser("Chị Lan", "vi")
			for _, code := range []string{"000.00.12.H26-251127-3321", "000.00.12.H26-251127-3322", "000.00.12.H26-251127-3323"}[:n] {
				_, token := w.slip("Vân", code)
				w.send(res, "/start "+token)
			}
			list := last(t, w.forgetConfirmed(res))
			if len(list.Buttons()) != n+2 {
				t.Fatalf("/forget's list: %q %v", list.Text, list.Buttons())
			}
			said := strings.SplitN(w.vi("followup.forgotten_one", locales.Data{"Guide": "\x00"}), "\x00", 2)[0]
			w.tapTwice(res, list, list.Buttons()[0].Text, true)
			if got := w.followupsOf(res); got != n-1 {
				t.Fatalf("%d follow-ups left", got)
			}
			m := msgByID(t, res, list.ID)
			if !strings.HasPrefix(m.Text, said) || strings.Contains(m.Text, w.vi("followup.gone")) || len(m.Buttons()) != 0 {
				t.Errorf("after 🗑 tapped twice (the second before the first's edit came) the list reads %q %v, want what the first tap said", m.Text, m.Buttons())
			}
		})
	}
}

// What review 33D keeps: a dossier erased elsewhere (its web page) while
// /forget's list is on screen is still said gone when its "🗑" is pressed,
// and the list drawn again with what is left; "all" pressed once the web
// page erased them all says nothing is kept, buttons off. Neither press
// is a second tap: nothing was erased from that message.
func TestReview33DForgetListErasedOnTheWebIsStillRedrawn(t *testing.T) {
	w := newWorld(t)
	res := w.srv.NewUser("Chị Lan", "vi")
	var tokens []string
	for _, code := range []string{"000.00.12.H26-251127-3331", "000.00.12.H26-251127-3332", "000.00.12.H26-251127-3333"} {
		_, token := w.slip("Vân", code)
		w.send(res, "/start "+token)
		tokens = append(tokens, token)
	}
	list := last(t, w.forgetConfirmed(res))
	if err := w.store.ForgetFollowup(context.Background(), tokens[0]); err != nil {
		t.Fatal(err)
	}
	w.settle(res)
	w.forgeAnswer(res, list.ID, list.Buttons()[0].CallbackData)
	m := msgByID(t, res, list.ID)
	if !strings.HasPrefix(m.Text, w.vi("followup.gone")) || len(m.Buttons()) != 2+2 {
		t.Errorf("🗑 of a dossier erased on its web page: %q %v, want %q and the list of the two left", m.Text, m.Buttons(), w.vi("followup.gone"))
	}

	list = msgByID(t, res, list.ID)
	all := dataOf(t, list, w.vi("followup.forget_all_button", locales.Data{"Count": 2}))
	for _, token := range tokens[1:] {
		if err := w.store.ForgetFollowup(context.Background(), token); err != nil {
			t.Fatal(err)
		}
	}
	w.settle(res)
	w.forgeAnswer(res, list.ID, all)
	if m := msgByID(t, res, list.ID); m.Text != w.vi("followup.forget_nothing") || len(m.Buttons()) != 0 {
		t.Errorf("\"all\" once the web page erased them all: %q %v, want %q", m.Text, m.Buttons(), w.vi("followup.forget_nothing"))
	}
}
