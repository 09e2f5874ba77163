package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
)

// Found walking the demo as a resident: a chat following a dossier rated
// with a comment (C) and one rated without (A) opened a third link (B),
// agreed, and typed small talk under B's stars: it was offered as A's
// comment ("Giữ lời nhắn … làm nhận xét … cho hồ sơ dưới đây?", A shown
// below), though B was the dossier on screen. Words typed under a dossier's
// card are not offered to another's; once A is on screen again, they are.
func TestTypedWordsAreNotOfferedToADossierOffScreen(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	_, tokenC := w.slip("Vân", "000.00.12.H26-251127-3001")
	caseA, tokenA := w.slip("Vân", "000.00.12.H26-251127-3002")
	caseB, tokenB := w.slip("Vân", "000.00.12.H26-251127-3003")
	res := w.srv.NewUser("Bà Tư", "vi")
	w.send(res, "/start "+tokenC)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.send(res, "Cháu hướng dẫn rất tận tình")
	w.send(res, "/start "+tokenA)
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.press(res, w.vi("followup.comment_skip"))
	w.send(res, "/start "+tokenB)
	w.press(res, w.vi("followup.consent_yes")) // B's stars on screen

	const typed = "Hôm nay trời đẹp quá"
	offer := w.vi("followup.typed_thanks_keep", locales.Data{"Comment": typed})
	ms := w.send(res, typed)
	for _, m := range ms {
		if strings.Contains(m.Text, offer) || hasButton(m, w.vi("followup.comment_keep_typed")) {
			t.Fatalf("words typed under dossier B's stars are offered as A's comment: %q", texts(ms))
		}
	}
	for _, id := range []int64{caseA, caseB} {
		if f, _ := w.followupRow(id); f.Comment.Valid {
			t.Errorf("case %d's comment after the words typed: %+v", id, f)
		}
	}

	// A on screen again (its link opened anew): the words are offered to A.
	w.send(res, "/start "+tokenA)
	if got := last(t, w.send(res, typed)); !strings.Contains(got.Text, offer) {
		t.Errorf("words typed under dossier A's card are answered %q", got.Text)
	}
}
