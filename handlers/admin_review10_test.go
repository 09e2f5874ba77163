package handlers_test

import "testing"

// An administrator's cases need a row with their first name
// (docs/privacy.md: "an administrator's id and first name once they start
// a case"): the tallies list them by it. Found in review (2026-11-30): an
// administrator who had chosen a language first (/lang stores a guest row,
// with no name) kept that nameless row, and the tallies listed their cases
// under "Tình nguyện viên không còn trong đội", a volunteer who left the team.
func TestAdministratorWhoChoseALanguageIsNamedOnTheirCases(t *testing.T) {
	w := newWorld(t)
	w.send(w.admin, "/lang")
	w.press(w.admin, w.vi("lang.name"))
	if got := w.userRow(w.admin); got.FirstName != "" {
		t.Fatalf("after /lang the row has the name %q: /lang stores none", got.FirstName)
	}
	w.startBirthCase(w.admin)
	if got := w.userRow(w.admin); got.FirstName != w.admin.FirstName {
		t.Errorf("the administrator's row after their first case has the name %q, want %q", got.FirstName, w.admin.FirstName)
	}
}
