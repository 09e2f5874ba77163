package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/bot/telegramtest"
	"github.com/dvcbot/dvcbot/jobs"
	"github.com/dvcbot/dvcbot/storage"
)

// twoCopies31A is Bà Sáu's dossier (reminder agreed, not rated) shown
// twice: /start, then /start again — an older copy of the card, A, with
// its buttons, and the newest, B.
func twoCopies31A(t *testing.T, code string) (w *world, res *telegramtest.User, id int64, a, b *telegramtest.Message, clock *jobs.Clock) {
	t.Helper()
	w, res, id, clock = reminded30B(t, code)
	a = last(t, w.send(res, "/start"))
	b = last(t, w.send(res, "/start"))
	if a.ID == b.ID || len(a.Buttons()) == 0 || len(b.Buttons()) == 0 {
		t.Fatalf("two copies of the card: %+v %+v", a, b)
	}
	return w, res, id, a, b, clock
}

// liveCopies are the messages of u's chat naming code that have buttons.
func liveCopies(u *telegramtest.User, code string) []int {
	var ids []int
	for _, m := range u.Messages() {
		if strings.Contains(m.Text, code) && len(m.Buttons()) > 0 {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// Review 31A, item 3: a press on an older copy of a dossier's card acts on
// the dossier as it stands and draws it there — and the newer copy kept
// its buttons: two live cards, each offering what the other had just
// changed. The copy pressed is the live one now; the newer loses its
// buttons, as /lang's copy does (one live card). The same buttons pressed
// then on both copies (a stale tap left on the newer) act once.
// (That stale tap, acted on as it stands, drew the newer copy again: two
// live copies then, until review 32: TestReview32CTapInFlightOnTheNewerCopyLeavesOneLiveCard.)
func TestReview31AOlderCopyPressedLeavesOneLiveCard(t *testing.T) {
	for _, tc := range []struct {
		name    string
		label   string // pressed on the older copy
		confirm string // then on the screen it drew, if any
		check   func(t *testing.T, w *world, id int64)
	}{
		{"🔕", "followup.stop_button", "", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Consent.Bool {
				t.Errorf("consent %+v", f.Consent)
			}
		}},
		{"star", "4★", "", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Rating.Int16 != 4 {
				t.Errorf("rating %+v", f.Rating)
			}
		}},
		{"📬", "followup.result_got", "followup.received_yes", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Status != storage.FollowupReceived {
				t.Errorf("status %q", f.Status)
			}
		}},
		{"⚠", "followup.reminder_problem", "followup.problem_confirm", func(t *testing.T, w *world, id int64) {
			if f, _ := w.followupRow(id); f.Status != storage.FollowupProblem {
				t.Errorf("status %q", f.Status)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := "000.00.12.H26-261123-3131"
			w, res, id, a, b, _ := twoCopies31A(t, code)
			label := tc.label
			if strings.HasPrefix(label, "followup.") {
				label = w.vi(label)
			}
			w.pressOn(res, a.ID, label)
			if tc.confirm != "" {
				w.pressOn(res, a.ID, w.vi(tc.confirm))
			}
			tc.check(t, w, id)
			if live := liveCopies(res, code); len(live) > 1 || len(live) == 1 && live[0] != a.ID {
				t.Errorf("after %s pressed on the older copy (%d), the live copies are %v, want the one pressed at most", tc.name, a.ID, live)
			}
			// The same button still on the phone's newer copy (a tap that
			// left before its buttons went): nothing is done twice.
			w.forgeAnswer(res, b.ID, dataOf(t, b, label))
			if tc.confirm != "" {
				if m := msgByID(t, res, b.ID); hasButton(m, w.vi(tc.confirm)) {
					w.forgeAnswer(res, b.ID, dataOf(t, m, w.vi(tc.confirm)))
				}
			}
			tc.check(t, w, id)
		})
	}
}
