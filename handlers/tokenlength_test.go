package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// A follow-up link with one character dropped or added (/start with 23 or
// 25 characters) was answered as one whose follow-up ended — "không còn
// hiệu lực (đã hết hạn hoặc đã bị xoá)" —, while "/start abc" got the hint
// that characters may be missing or extra. No token has such a length: it
// is a link mistyped, and gets that hint, pasted too; to a resident with
// their dossiers below. A token's length still opens its follow-up or says
// it is gone.
func TestTokenOfWrongLengthIsAMistypedLink(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	v := w.volunteer("Vân")
	const code = "000.00.12.H26-251127-0371"
	token := qrToken(t, w.finishWithCode(v, code)[0].Photo)
	if len(token) != storage.TokenLen || !storage.TokenLength(len(storage.NewToken())) {
		t.Fatalf("the slip's token %q is %d characters, storage.TokenLen %d", token, len(token), storage.TokenLen)
	}

	guest := w.srv.NewUser("Khách", "vi")
	for _, typed := range []string{
		"/start " + token[:len(token)-1],
		"/start " + token[1:],
		"/start " + token + "x",
		"/start https://t.me/dvcbot?start=" + token[:len(token)-1],
		"https://t.me/dvcbot?start=" + token[2:], // pasted, no /start
	} {
		if got := last(t, w.send(guest, typed)); got.Text != w.vi("start.bad_link") {
			t.Errorf("%q by someone unknown: %q, want %q", typed, got.Text, w.vi("start.bad_link"))
		}
	}
	// A member trying a resident's link: not an invite's answer either.
	if got := last(t, w.send(v, "/start "+token[:len(token)-1])); got.Text != w.vi("start.bad_link") {
		t.Errorf("a link one character short by a volunteer: %q", got.Text)
	}

	// A resident who follows the dossier: as for "/start abc".
	res := w.srv.NewUser("Bà", "vi")
	w.send(res, "/start "+token)
	got := w.send(res, "/start "+token[:len(token)-1])
	if len(got) == 0 || got[0].Text != w.vi("start.bad_link_resident") || !strings.Contains(joined(got), code) {
		t.Errorf("a link one character short by the resident: %q, want %q and the dossier", joined(got), w.vi("start.bad_link_resident"))
	}

	// A token's length, of no follow-up: gone, as before.
	if got := last(t, w.send(guest, "/start "+strings.Repeat("A", storage.TokenLen))); got.Text != w.vi("followup.not_found") {
		t.Errorf("an unknown token of a token's length: %q", got.Text)
	}
}
