package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/handlers"
	"github.com/dvcbot/dvcbot/storage"
)

// heldAnywhere counts the rows of followups and conversations whose text
// holds s.
func (w *world) heldAnywhere(s string) int {
	w.t.Helper()
	var n int
	if err := w.store.DB().Get(&n, `SELECT (SELECT count(*) FROM followups WHERE comment LIKE '%' || $1 || '%')
		+ (SELECT count(*) FROM conversations WHERE data::text LIKE '%' || $1 || '%')`, s); err != nil {
		w.t.Fatal(err)
	}
	return n
}

// Review 29 (F), item 1: a resident whose comment "tốt" was kept typed "nhờ
// cháu gọi lại 0903123456". The bot asked them to send it again to replace
// the comment, and refused it when they did: it held a phone number. A plea
// to be called back is no comment: it is said at once that the number is
// not kept and nothing was saved, that dvcbot calls nobody, and what helps —
// the commune's help point, and the problem report for the dossier, which
// tells the volunteer. Sent again, the same; the comment stays "tốt".
func TestReview29CallBackWithAPhoneNumber(t *testing.T) {
	const phone = "0903123456"
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2921")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "4★")
	w.send(res, "tốt")
	for i := range 2 {
		ms := w.send(res, "nhờ cháu gọi lại "+phone)
		got := only(t, ms)
		if !strings.Contains(got.Text, w.vi("followup.typed_personal")) || !strings.Contains(got.Text, w.vi("followup.call_back")) ||
			strings.Contains(got.Text, w.vi("followup.comment_given")) || strings.Contains(got.Text, w.vi("followup.comment_number")) ||
			!hasButton(got, w.vi("followup.problem_confirm")) || strings.Contains(got.Text, phone) {
			t.Errorf("the plea sent (%d) is answered %q", i+1, texts(ms))
		}
	}
	if f, _ := w.followupRow(caseID); f.Comment.String != "tốt" || f.Status != storage.FollowupWaiting {
		t.Errorf("after the plea: %+v", f)
	}
	if n := w.heldAnywhere(phone); n != 0 {
		t.Errorf("the phone number is held in %d rows", n)
	}
	// The report offered is the one the button asks: it tells.
	w.press(res, w.vi("followup.problem_confirm"))
	if f, _ := w.followupRow(caseID); f.Status != storage.FollowupProblem {
		t.Errorf("the problem confirmed under the plea's answer: %+v", f)
	}
	// Once reported, nothing is left to report: the help point alone.
	ms := w.send(res, "gọi lại cho tôi")
	if got := only(t, ms); got.Text != w.vi("followup.call_back") || len(got.Buttons()) != 0 {
		t.Errorf("the plea once the problem is reported is answered %q", texts(ms))
	}
}

// A phone number typed with no plea, by a resident whose comment is kept:
// not "send it again" (to be refused then), but said at once not kept, the
// comment kept shown and the question open to replace it; typed again
// there, refused as a comment is. In English too.
func TestReview29PhoneNumberTypedIsRefusedAtOnce(t *testing.T) {
	const phone = "0903 123 457"
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2922")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "5★")
	w.send(res, "Rất tận tình")
	ms := w.send(res, "số của tôi là "+phone)
	if got := only(t, ms); !strings.HasPrefix(got.Text, w.vi("followup.typed_personal")) ||
		strings.Contains(got.Text, w.vi("followup.comment_given")) || !strings.Contains(got.Text, "Rất tận tình") {
		t.Errorf("the number is answered %q", texts(ms))
	}
	ms = w.send(res, "số của tôi là "+phone)
	if got := last(t, ms); !strings.HasPrefix(got.Text, w.vi("followup.comment_number")) {
		t.Errorf("the number sent again is answered %q", texts(ms))
	}
	w.send(res, "/cancel")
	w.send(res, "/lang en")
	ms = w.send(res, "my number is "+phone)
	if got := only(t, ms); !strings.HasPrefix(got.Text, w.en("followup.typed_personal")) {
		t.Errorf("the number in English is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(caseID); f.Comment.String != "Rất tận tình" {
		t.Errorf("after the number: %+v", f)
	}
	if n := w.heldAnywhere("123 457"); n != 0 {
		t.Errorf("the phone number is held in %d rows", n)
	}
}

// "Gọi lại cho tôi" typed at the comment question was kept as the
// comment on the help. It is the plea's answer; the rating stays, no
// comment is kept, the question's buttons go. In English: "call me back".
func TestReview29CallBackAtTheCommentQuestion(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	caseID, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2923")
	w.press(res, w.vi("followup.consent_yes"))
	w.press(res, "3★")
	ms := w.send(res, "gọi lại cho tôi nhé")
	got := last(t, ms)
	if !strings.Contains(got.Text, w.vi("followup.call_back")) || !hasButton(got, w.vi("followup.problem_confirm")) {
		t.Errorf("the plea at the comment question is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(caseID); f.Comment.Valid || f.Rating.Int16 != 3 {
		t.Errorf("after the plea at the comment question: %+v", f)
	}
	if live := liveCommentCopies(res, w.texts.For("vi")); len(live) != 0 {
		t.Errorf("the comment question keeps its buttons: %d copies", len(live))
	}
	w.send(res, "/lang en")
	w.press(res, "4★")
	ms = w.send(res, "please call me back")
	if got := last(t, ms); !strings.Contains(got.Text, w.en("followup.call_back")) {
		t.Errorf("\"please call me back\" at the comment question is answered %q", texts(ms))
	}
	if f, _ := w.followupRow(caseID); f.Comment.Valid {
		t.Errorf("after \"please call me back\": %+v", f)
	}
}

// A phone number typed before any rating: not only "dvcbot works through
// its buttons", but that it is not kept, with the card below as before.
func TestReview29PhoneNumberTypedBeforeRating(t *testing.T) {
	w := newWorld(t, handlers.WithClock(newClock().now))
	_, _, res := w.openedFollowup("Vân", "000.00.12.H26-251127-2924")
	ms := w.send(res, "sđt của bà là 0903123458")
	if len(ms) < 2 || ms[0].Text != w.vi("followup.typed_personal")+" "+w.vi("followup.typed") || !hasButton(last(t, ms), w.vi("followup.consent_yes")) {
		t.Errorf("a number before rating is answered %q", texts(ms))
	}
	if n := w.heldAnywhere("0903123458"); n != 0 {
		t.Errorf("the phone number is held in %d rows", n)
	}
}
