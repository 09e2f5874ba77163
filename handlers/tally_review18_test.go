package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// A tally opened by a commune's name typed after a report reads a second
// name the way /tally's own screen does: "Thành Bến" (the words swapped)
// or a name begun ("Bến Th") lists the communes of the coordinator's
// province it finds, rather than ending the flow for a procedure search
// that finds nothing (review 18, second reading).
func TestTallyTypedUnitFlowReadsALooseName(t *testing.T) {
	w, _, _ := tallyWorld(t)
	prov := w.tallyMember("Phương", "", storage.RoleProvinceCoordinator)
	for _, second := range []string{"Thành Bến", "Bến Th"} {
		typedTally(t, w, prov, "Tháng này", true)
		if m := only(t, fresh(w.send(prov, "Bến Thành"))); !w.periodScreenOf(m, benThanhFull) { // a list of one until review 33C
			t.Fatalf("\"Bến Thành\" after a report: %q", m.Text)
		}
		m := only(t, fresh(w.send(prov, second)))
		if !hasButton(m, benThanhFull) {
			t.Errorf("%q on the screen \"Bến Thành\" opened: %q, want the communes it finds", second, m.Text)
		}
		fresh(w.send(prov, "/cancel"))
	}
	// Words that name no commune of theirs still go to the search.
	typedTally(t, w, prov, "Tháng này", true)
	only(t, fresh(w.send(prov, "Bến Thành")))
	if ms := fresh(w.send(prov, "khai sinh")); !foundKhaiSinh(ms) {
		t.Errorf("\"khai sinh\" after Bến Thành's list: %+v, want the procedure found", ms)
	}
}
