package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// longCards says whether any of ms is a dossier's long card (its details,
// as /start shows them): what a typed line re-sent every time.
func (w *world) longCards(ms []*telegramtest.Message) bool {
	w.t.Helper()
	procedure := w.vi("followup.procedure", locales.Data{"Guide": guide(w.t, "khai-sinh").Title.Vi})
	for _, m := range ms {
		if strings.Contains(m.Text, procedure) {
			return true
		}
	}
	return false
}

// Review 24 (R): at the rating question, a resident who typed the stars
// ("5 sao", "5*", "năm sao") was told dvcbot works only through its
// buttons, the long card sent again. A typed star count is the rating now,
// as the star button takes it (the comment question follows), and typing
// it again changes nothing.
func TestRatingTypedIsTheRating(t *testing.T) {
	for _, tc := range []struct {
		typed  string
		rating int16
	}{{"5 sao", 5}, {"5*", 5}, {"năm sao", 5}, {"4★", 4}, {"3/5", 3}, {"cho 4 sao nhé", 4}, {"2 stars", 2}} {
		t.Run(tc.typed, func(t *testing.T) {
			w := newWorld(t, handlers.WithClock(newClock().now))
			_, res, id := w.agreedResident("000.00.12.H26-251127-2411")
			for i := range 2 {
				ms := w.send(res, tc.typed)
				got := last(t, ms)
				if w.longCards(ms) || !strings.Contains(got.Text, w.vi("followup.comment_ask", locales.Data{"Max": storage.MaxComment})) ||
					!hasButton(got, w.vi("followup.comment_skip")) {
					t.Errorf("%q (%d) is answered %q %v", tc.typed, i+1, texts(ms), got.Buttons())
				}
				if f, _ := w.followupRow(id); f.Rating.Int16 != tc.rating || f.Comment.Valid {
					t.Errorf("after %q (%d): %+v", tc.typed, i+1, f)
				}
			}
		})
	}
}

// Words after the stars are the comment, held to the comment's rules:
// kept when they may be, refused (the rating kept) when they hold
// personal data.
func TestRatingTypedWithAComment(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	_, res, id := w.agreedResident("000.00.12.H26-251127-2412")
	ms := w.send(res, "5 stars, very kind")
	if got := last(t, ms); w.longCards(ms) || !strings.Contains(got.Text, w.vi("followup.comment_kept")) {
		t.Errorf("\"5 stars, very kind\" is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(id); f.Rating.Int16 != 5 || f.Comment.String != "very kind" {
		t.Errorf("after \"5 stars, very kind\": %+v", f)
	}
}

// A phone number after the stars is refused as at the comment question:
// the rating is kept, the comment not.
func TestRatingTypedWithPersonalData(t *testing.T) {
	w2 := newWorld(t, handlers.WithClock(newClock().now))
	_, res2, id2 := w2.agreedResident("000.00.12.H26-251127-2413")
	ms := w2.send(res2, "4 sao, có gì gọi 0912345678")
	if got := last(t, ms); !strings.Contains(got.Text, w2.vi("followup.comment_number", locales.Data{"Max": storage.MaxComment})) {
		t.Errorf("a comment with a phone number after the stars is answered %q", texts(ms))
	}
	if f, _ := w2.followupRow(id2); f.Rating.Int16 != 4 || f.Comment.Valid {
		t.Errorf("after the stars and a phone number: %+v", f)
	}
}

// Review 24 (R): a thanks typed once the stars are given ("Cháu tình
// nguyện viên rất nhiệt tình, cảm ơn cháu") was dropped with the "only
// buttons" reply. Once rated it is offered as the comment, through the
// comment's checks, kept with a press; typed before any star it is
// thanked in a few words, the stars below, without the long card.
func TestThanksTypedIsTheComment(t *testing.T) {
	const thanks = "Cháu tình nguyện viên rất nhiệt tình, cảm ơn cháu"
	w := newWorld(t, handlers.WithClock(newClock().now))
	_, res, id := w.agreedResident("000.00.12.H26-251127-2414")

	ms := w.send(res, thanks)
	got := last(t, ms)
	if w.longCards(ms) || strings.Contains(texts(ms)[0], w.vi("followup.typed")) ||
		!strings.Contains(got.Text, w.vi("followup.typed_thanks_rate")) || !hasButton(got, "5★") {
		t.Errorf("a thanks before the stars is answered %q %v", texts(ms), got.Buttons())
	}
	if f, _ := w.followupRow(id); f.Rating.Valid || f.Comment.Valid {
		t.Errorf("a thanks before the stars recorded %+v", f)
	}

	w.press(res, "5★")
	w.press(res, w.vi("followup.comment_skip"))
	// Once the comment question closed, what is typed may have been meant
	// for another dossier (one erased since): it is offered, not kept.
	ms = w.send(res, thanks)
	got = last(t, ms)
	if w.longCards(ms) || !strings.Contains(got.Text, w.vi("followup.typed_thanks_keep", locales.Data{"Comment": thanks})) ||
		!hasButton(got, w.vi("followup.comment_keep_typed")) {
		t.Errorf("a thanks after the stars is answered %q %v", texts(ms), got.Buttons())
	}
	if f, _ := w.followupRow(id); f.Comment.Valid {
		t.Errorf("a thanks after the stars kept before the button: %+v", f)
	}
	kept := last(t, w.press(res, w.vi("followup.comment_keep_typed")))
	if !strings.Contains(kept.Text, w.vi("followup.comment_kept")) {
		t.Errorf("the thanks kept: %q", kept.Text)
	}
	if f, _ := w.followupRow(id); f.Rating.Int16 != 5 || f.Comment.String != thanks {
		t.Errorf("after the thanks: %+v", f)
	}
}

// Review 24 (R): a daughter following her mother's and her father's
// dossiers got both long cards again on every line she typed. A typed
// line now shows each dossier by its name line, where it stands and its
// buttons; a typed star count asks which dossier, rating none.
func TestTwoDossiersTypedLinesAreShort(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	const mother, father = "000.00.12.H26-251127-2415", "000.00.12.H26-251127-2416"
	motherCase, motherToken := w.slip("Vân", mother)
	fatherCase, fatherToken := w.slip("Vy", father)
	daughter := w.srv.NewUser("Con gái", "vi")
	w.send(daughter, "/start "+motherToken)
	w.press(daughter, w.vi("followup.consent_yes"))
	w.send(daughter, "/start "+fatherToken)
	w.press(daughter, w.vi("followup.consent_yes"))

	for _, typed := range []string{"bao giờ có kết quả", "5 sao"} {
		ms := w.send(daughter, typed)
		all := strings.Join(texts(ms), "\n")
		if w.longCards(ms) || !strings.Contains(all, mother) || !strings.Contains(all, father) {
			t.Errorf("%q is answered %q", typed, texts(ms))
		}
	}
	for _, id := range []int64{motherCase, fatherCase} {
		if f, _ := w.followupRow(id); f.Rating.Valid {
			t.Errorf("\"5 sao\" with two dossiers rated case %d: %+v", id, f)
		}
	}
}
