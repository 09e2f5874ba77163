package handlers_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// Review 16: /new typed at the dossier-code question says the case was
// saved without a code (review 15), but every other way out of the case
// there — /tally, /team a coordinator who helped a resident types — closes
// it the same way, as "no code", and said nothing: the coordinator, who
// thinks it paused, finds no case to /resume and does not know the code
// may still be attached. They are told too, with how to attach the code
// from the flow they are in now (/new, then the code).
func TestLeavingAtTheCodeByAnotherFlowSaysTheCaseWasSaved(t *testing.T) {
	for _, cmd := range []string{"/tally", "/team"} {
		t.Run(cmd, func(t *testing.T) {
			w := newWorld(t)
			u := w.member("Điều phối", storage.RoleCoordinator, "26882")
			w.toOutcome(u, "khai-sinh", true)
			w.press(u, w.vi("outcome.submitted"))
			ms := w.send(u, cmd)
			c, _ := w.lastCase(u)
			if c.Status != "closed" {
				t.Fatalf("left at its code by %s, the case is %s", cmd, c.Status)
			}
			want := w.vi("case.left_at_code_elsewhere", locales.Data{"Case": c.ID, "Minutes": 30})
			if count(ms, want) != 1 {
				t.Fatalf("%s at the code question: %q, want once %q", cmd, texts(ms), want)
			}
			// Said above the flow's screen, which stays the last message.
			if got := last(t, ms); strings.Contains(got.Text, "#"+strconv.FormatInt(c.ID, 10)) {
				t.Errorf("%s: the note is the last message %q, not above the screen", cmd, got.Text)
			}
			// The way it says works: /new, then the code, attaches it.
			const code = "000.00.12.H26-261201-0042"
			w.send(u, "/new")
			w.send(u, code)
			w.press(u, w.vi("case.attach_button", locales.Data{"Case": c.ID}))
			var kept string
			if err := w.store.DB().Get(&kept, `SELECT coalesce(max(dossier_code), '') FROM followups WHERE case_id = $1`, c.ID); err != nil {
				t.Fatal(err)
			}
			if kept != code {
				t.Errorf("the code sent after /new as the note says: kept %q, want %q", kept, code)
			}
			// Said once.
			if ms := w.send(u, cmd); strings.Contains(strings.Join(texts(ms), "\n"), "#"+strconv.FormatInt(c.ID, 10)) {
				t.Errorf("%s again: %q", cmd, texts(ms))
			}
		})
	}
}

// /leave confirmed at the code question closes the case too, but the one
// who left can no longer /new: they are not told to send the code that way.
func TestLeavingTheTeamAtTheCodeSaysNoWayToAttach(t *testing.T) {
	w := newWorld(t)
	u := w.volunteer("Rời đội")
	w.toOutcome(u, "khai-sinh", true)
	w.press(u, w.vi("outcome.submitted"))
	w.send(u, "/leave")
	ms := w.press(u, w.vi("leave.yes"))
	c, _ := w.lastCase(u)
	if c.Status != "closed" {
		t.Fatalf("left the team at its code, the case is %s", c.Status)
	}
	if strings.Contains(strings.Join(texts(ms), "\n"), "/new") {
		t.Errorf("/leave at the code question: %q; the one who left cannot /new", texts(ms))
	}
}
