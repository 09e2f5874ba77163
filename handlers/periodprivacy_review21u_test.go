package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Review 21u, after r21t read a typed period before the personal-data
// check on the search screen: a single date is a one-day period, so a
// recent child's date of birth ("15/10/2025") typed by a volunteer was
// echoed back in "no procedure matches" instead of refused. Only a
// coordinator's span of days is read as a period there; a single day,
// and anything a volunteer types, is looked for personal data first. (A
// coordinator's day typed outside any flow is a report of that day.)
func TestADateOfBirthIsNotReadAsAPeriod(t *testing.T) {
	w, _, _ := tallyWorld(t)
	vol := w.tallyMember("An", anHoiTayCode, storage.RoleVolunteer)
	for _, tt := range []struct {
		who  string
		text string
	}{
		{"volunteer", "15/10/2025"}, {"volunteer", "ngày 15/10/2025"}, {"volunteer", "2025-10-15"},
		{"volunteer", "1/11 - 20/11"},
	} {
		ms := fresh(w.send(vol, tt.text))
		if len(ms) != 1 {
			var texts []string
			for _, m := range ms {
				texts = append(texts, m.Text)
			}
			t.Errorf("a %s's %q: %d messages, want one: %q", tt.who, tt.text, len(ms), texts)
			continue
		}
		m := ms[0]
		if m.Text != w.vi("case.query_date") {
			t.Errorf("a %s's %q: %q, want it refused as a date of birth", tt.who, tt.text, m.Text)
		}
		if strings.Contains(m.Text, "15/10") {
			t.Errorf("a %s's %q is echoed: %q", tt.who, tt.text, m.Text)
		}
	}
}

// Review 21u: on the screen a mistyped period opened (a report on
// screen, then "tahng này"), "cảm ơn", "ok" and a dossier code were
// answered as one more period not understood. They are small talk and a
// code, as they are anywhere else.
func TestMistypedPeriodScreenLetsSmallTalkAndCodesGo(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.send(coord, "/tally hom nay")
	if m := firstText(w.send(coord, "tahng này")); !strings.Contains(m, w.vi("tally.bad_period")) {
		t.Fatalf("the typo after a report: %q", m)
	}
	for _, text := range []string{"cảm ơn", "ok"} {
		if m := firstText(fresh(w.send(coord, text))); strings.Contains(m, w.vi("tally.bad_period")) {
			t.Errorf("%q on the mistyped period's screen: %q, want small talk", text, m)
		}
	}
	w.send(coord, "/tally hom nay")
	w.send(coord, "tahng này")
	// A coordinator with no case awaiting a code is told so (the period's
	// screen refused it as a resident's data).
	if m := firstText(fresh(w.send(coord, "000.00.12.H26-251127-0009"))); m != w.vi("case.code_no_case") {
		t.Errorf("a dossier code on the mistyped period's screen: %q, want the code's answer %q", m, w.vi("case.code_no_case"))
	}
}

// Review 21u (reread): "cảm ơn" on a screen that leaves for the search (a
// mistyped period's) was greeted ("👋 Chào bạn!"): the search answered any
// small talk as a greeting. Thanks are thanked, as outside any screen.
func TestThanksLeavingForTheSearchIsThanked(t *testing.T) {
	w, _, _ := tallyWorld(t)
	coord := w.tallyMember("Cường", anHoiTayCode, storage.RoleCoordinator)
	w.send(coord, "/tally hom nay")
	w.send(coord, "tahng này")
	if m := firstText(fresh(w.send(coord, "cảm ơn"))); m != w.vi("smalltalk.thanks") {
		t.Errorf("thanks on the mistyped period's screen: %q, want %q", m, w.vi("smalltalk.thanks"))
	}
}
