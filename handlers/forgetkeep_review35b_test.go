package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/locales"
)

// residentList is a resident's chat at /forget's list.
type residentList struct {
	user   *telegramtest.User
	tokens []string              // the dossiers' link tokens, oldest first: the list's rows
	list   *telegramtest.Message // the list
	keep   string                // its "Không xoá" button's callback data
}

// forgetList is /forget's list of the n dossiers (n ≥ 2) a new
// resident's chat follows.
func (w *world) forgetList(n int) *residentList {
	w.t.Helper()
	r := &residentList{user: w.srv.NewUser("Chị Lan", "vi")}
	for i := range n {
		_, token := w.slip("Vân", "000.00.12.H26-251127-35"+string(rune('0'+i/10))+string(rune('0'+i%10)))
		w.send(r.user, "/start "+token)
		r.tokens = append(r.tokens, token)
	}
	r.list = last(w.t, w.forgetConfirmed(r.user))
	if len(r.list.Buttons()) != n+2 {
		w.t.Fatalf("/forget's list of %d: %q %v", n, r.list.Text, r.list.Buttons())
	}
	r.keep = dataOf(w.t, r.list, w.vi("followup.forget_keep_button"))
	return r
}

// Review 35b, item 2: "Không xoá" under /forget's list of several
// dossiers named the list's newest case only (review 34C). A late tap —
// the second tap of a double tap landing on the next row, a change of
// mind sent before the answer came, pressed again after a restart — on
// the message one of the others had just been erased from found its case
// still followed and wrote "Không xoá gì: thông tin theo dõi các hồ sơ vẫn
// được giữ như trước" over what the erase said: the words that said what
// went were lost, and what replaced them was untrue. It now names every
// case the list showed: the message keeps what the erase said, and the
// pop-up says the others are kept.
func TestReview35bKeepAfterOneOfTheListWasErasedThere(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n, row  int  // dossiers listed; the row erased (0: the oldest)
		fast    bool // "Không xoá" left the phone before the erase was handled
		restart bool // pressed after a restart
	}{
		{name: "oldest of 2", n: 2, row: 0},
		{name: "oldest of 3", n: 3, row: 0},
		{name: "middle of 3", n: 3, row: 1},
		{name: "double tap", n: 3, row: 1, fast: true},
		{name: "after a restart", n: 3, row: 0, restart: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			r := w.forgetList(tc.n)
			erase := r.list.Buttons()[tc.row].CallbackData
			if tc.fast {
				first, err := r.user.PressData(r.list.ID, erase)
				if err != nil {
					t.Fatal(err)
				}
				second, err := r.user.PressData(r.list.ID, r.keep)
				if err != nil {
					t.Fatal(err)
				}
				w.bot.WaitHandled(t, first)
				w.bot.WaitHandled(t, second)
				w.settle(r.user)
			} else {
				w.forgeAnswer(r.user, r.list.ID, erase)
			}
			said := msgByID(t, r.user, r.list.ID).Text
			erased := strings.SplitN(w.vi("followup.forgotten_one", locales.Data{"Guide": "\x00"}), "\x00", 2)[0]
			if !strings.HasPrefix(said, erased) {
				t.Fatalf("after 🗑 the list reads %q, want what the erase said", said)
			}
			if tc.restart {
				w.restart()
			}
			a := lastAnswer(t, r.user) // the double tap's second
			if !tc.fast {
				a = w.forgeAnswer(r.user, r.list.ID, r.keep)
			}
			if a != w.vi("followup.forget_kept_rest") {
				t.Errorf("\"Không xoá\" after 🗑: answered %q, want %q", a, w.vi("followup.forget_kept_rest"))
			}
			if got := w.followupsOf(r.user); got != tc.n-1 {
				t.Errorf("%d follow-ups left, want %d", got, tc.n-1)
			}
			if m := msgByID(t, r.user, r.list.ID); m.Text != said || len(m.Buttons()) != 0 {
				t.Errorf("\"Không xoá\" after 🗑: the list reads %q %v, want what the erase said: %q", m.Text, m.Buttons(), said)
			}
		})
	}
}

// Review 35b, item 2: "Không xoá" pressed once a dossier of the list was
// erased elsewhere (its web page) while the list was on screen: nothing
// was erased from this message, but "…vẫn được giữ như trước" is untrue
// of the one that went. It says how many are still kept. Pressed with
// nothing changed, and twice, it says nothing was erased, as before.
func TestReview35bKeepAfterTheWebErasedOneSaysWhatIsLeft(t *testing.T) {
	w := newWorld(t)
	r := w.forgetList(3)
	if err := w.store.ForgetFollowup(context.Background(), r.tokens[0]); err != nil {
		t.Fatal(err)
	}
	w.settle(r.user)
	w.forgeAnswer(r.user, r.list.ID, r.keep)
	want := w.texts.For("vi").N("followup.forget_kept_left", 2)
	if m := msgByID(t, r.user, r.list.ID); m.Text != want || len(m.Buttons()) != 0 {
		t.Errorf("\"Không xoá\" after the web page erased one: %q %v, want %q", m.Text, m.Buttons(), want)
	}

	r = w.forgetList(2)
	w.tapTwice(r.user, r.list, w.vi("followup.forget_keep_button"), true)
	if m := msgByID(t, r.user, r.list.ID); m.Text != w.vi("followup.forget_kept") || len(m.Buttons()) != 0 {
		t.Errorf("\"Không xoá\" tapped twice: %q %v, want %q", m.Text, m.Buttons(), w.vi("followup.forget_kept"))
	}
	if got := w.followupsOf(r.user); got != 2 {
		t.Errorf("%d follow-ups left, want 2", got)
	}
}

// Review 35b, item 2: the button names the cases its list showed within
// Telegram's 64 bytes of callback data, however many and however large
// their numbers; a list too long for them all names the newest, and a
// press with one of the others erased says how many are kept, true
// whether it went from this message or another.
func TestReview35bKeepOfALongListFitsItsData(t *testing.T) {
	w := newWorld(t)
	if _, err := w.store.DB().Exec(`SELECT setval(pg_get_serial_sequence('cases', 'id'), 9000000000)`); err != nil {
		t.Fatal(err)
	}
	r := w.forgetList(6)
	for _, b := range r.list.Buttons() {
		if len(b.CallbackData) > 64 {
			t.Errorf("%q: %d bytes of callback data", b.Text, len(b.CallbackData))
		}
	}
	w.forgeAnswer(r.user, r.list.ID, r.list.Buttons()[0].CallbackData)
	w.forgeAnswer(r.user, r.list.ID, r.keep)
	if m := msgByID(t, r.user, r.list.ID); strings.Contains(m.Text, w.vi("followup.forget_kept")) {
		t.Errorf("\"Không xoá\" after 🗑 of the oldest of six: %q, and one was erased", m.Text)
	}
}
