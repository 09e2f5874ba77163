package handlers_test

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/locales"
)

// An admin's /team asks which province: a name typed there ("tp hcm") was
// answered "use the buttons" above the grid of 34, while /invite takes it.
// It now opens that province's team, an old province's name with its note;
// a text that names none is told so, the grid again below.
func TestTeamTypedProvince(t *testing.T) {
	w := newWorld(t)
	w.send(w.admin, "/team")
	m := last(t, w.send(w.admin, "tp hcm"))
	if !strings.Contains(m.Text, "Thành phố Hồ Chí Minh") || hasButton(m, "Gia Lai") {
		t.Fatalf("a province typed on /team's first screen did not open its team:\n%s\n%q", m.Text, m.Buttons())
	}
	w.send(w.admin, "/team")
	m = last(t, w.send(w.admin, "binh duong"))
	if want := w.vi("tally.province_merged", locales.Data{"Old": "Bình Dương", "Province": "Thành phố Hồ Chí Minh"}); !strings.Contains(m.Text, want) {
		t.Errorf("an old province's name does not say where it is now (want %q):\n%s", want, m.Text)
	}
	w.send(w.admin, "/team")
	m = last(t, w.send(w.admin, "xyz"))
	if !strings.Contains(m.Text, w.vi("team.province_unknown")) || !hasButton(m, "Gia Lai") {
		t.Errorf("a text that names no province: %q %q", m.Text, m.Buttons())
	}
}
