package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 33A: "/new khai tu" — a volunteer starting the next resident's
// procedure, mid-case or not — drew the whole procedure list, the words
// ignored, as "/team linh" did until review 26W. The words are searched now,
// as typed on the list: the same results as /new and then "khai tu", and a
// case open on screen is paused as /new pauses it.
func TestReview33AWordsAfterNewAreSearched(t *testing.T) {
	w := newWorld(t)
	for _, tc := range []struct {
		name, words string
		midCase     bool
	}{
		{"Tìm Một", "khai tu", false},
		{"Tìm Hai", "khai tu", true},
		{"Tìm Ba", "tam tru", true},
	} {
		vol := w.volunteer(tc.name)
		if tc.midCase {
			w.startBirthCase(vol)
		}
		w.send(vol, "/new")
		want := last(t, w.send(vol, tc.words))
		if tc.midCase {
			w.send(vol, "/resume") // the one case paused: on its step again
			if c, _ := w.lastCase(vol); c.Status != storage.CaseOpen {
				t.Fatalf("%s: set-up: /resume left the case %s", tc.name, c.Status)
			}
		}
		got := last(t, fresh(w.send(vol, "/new "+tc.words)))
		wantText := want.Text
		if tc.midCase {
			// Since review 34A the results of /new's words say, as its list
			// (drawn above the results typed there) does, that a case is
			// open: newwords_review34A_test.go.
			wantText += "\n\n" + w.texts.For("vi").N("case.open_cases", 1)
		}
		if got.Text != wantText || len(got.Buttons()) != len(want.Buttons()) {
			t.Errorf("%s: /new %s: %q %v\nwant, as /new then %q: %q %v", tc.name, tc.words, got.Text, got.Buttons(), tc.words, wantText, want.Buttons())
		}
		if tc.midCase {
			if c, _ := w.lastCase(vol); c.Status != storage.CasePaused {
				t.Errorf("%s: /new %s mid-case left the case %s", tc.name, tc.words, c.Status)
			}
		}
		if strings.Contains(got.Text, w.vi("case.pick")) {
			t.Errorf("%s: /new %s drew the procedure list: %q", tc.name, tc.words, got.Text)
		}
	}
}
