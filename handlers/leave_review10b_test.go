package handlers_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// A commune's only coordinator who leaves left nobody told: the notice
// went to the commune's other coordinators, and there are none. The
// province coordinators, who alone can now invite a coordinator there,
// are told instead (as they are of a volunteer leaving a commune that has
// no coordinator).
func TestLastCoordinatorLeavingTellsTheProvince(t *testing.T) {
	w := newWorld(t)
	pc := w.member("Minh", storage.RoleProvinceCoordinator, "")
	coord := w.member("Hà", storage.RoleCoordinator, quyNhon)
	drain(pc)

	only(t, w.send(coord, "/leave"))
	w.press(coord, w.vi("leave.yes"))
	if u := w.userRow(coord); u.Role != storage.RoleGuest {
		t.Fatalf("the coordinator did not leave: %+v", u)
	}
	told := drain(pc)
	want := w.vi("leave.notice", locales.Data{"Name": "Hà", "Role": w.vi("role.coordinator"), "Unit": quyNhonVi})
	if len(told) != 1 || told[0].Text != want {
		t.Errorf("the province coordinator was told %+v, want %q", told, want)
	}

	// With a coordinator in the commune, the volunteer's leaving is theirs
	// to know: the province is not told.
	coord2 := w.member("Bình", storage.RoleCoordinator, quyNhon)
	vol := w.member("Lan", storage.RoleVolunteer, quyNhon)
	drain(pc)
	drain(coord2)
	only(t, w.send(vol, "/leave"))
	w.press(vol, w.vi("leave.yes"))
	if told := drain(coord2); len(told) != 1 {
		t.Errorf("the commune's coordinator was told %+v", told)
	}
	if told := drain(pc); len(told) != 0 {
		t.Errorf("the province coordinator was told %+v", told)
	}
}
