package handlers

import (
	"slices"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

// The report's lines are told apart from the unit's members of the same
// name who have no line (they are not shown themselves), and two who
// joined on the same day by the time they joined.
func TestVolunteerNamesWithNamesakes(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2026, 10, d, h, m, 0, 0, vietnam) }
	v := func(id int64, name, commune string, joined time.Time) storage.VolunteerCount {
		return storage.VolunteerCount{ID: id, FirstName: name, Commune: commune, Joined: joined}
	}
	for _, c := range []struct {
		name          string
		lines, others []storage.VolunteerCount
		want          []string
	}{
		{"a namesake of the commune with no case",
			[]storage.VolunteerCount{v(1, "Linh", "X", at(1, 9, 0)), v(2, "An", "X", at(1, 9, 0))},
			[]storage.VolunteerCount{v(3, "Linh", "X", at(5, 9, 0))},
			[]string{"An", "Linh (vào 01/10/2026)"}}, // as many cases: by name
		{"a namesake of another commune",
			[]storage.VolunteerCount{v(1, "Linh", "X", at(1, 9, 0))},
			[]storage.VolunteerCount{v(3, "Linh", "Y", at(1, 9, 0))},
			[]string{"Linh (X)"}},
		{"joined the same day",
			[]storage.VolunteerCount{v(1, "Linh", "X", at(1, 8, 49)), v(2, "Linh", "X", at(3, 9, 0))},
			[]storage.VolunteerCount{v(3, "Linh", "X", at(1, 15, 2))},
			[]string{"Linh (vào 01/10/2026, lúc 08:49)", "Linh (vào 03/10/2026)"}},
		{"the same minute: the number, by their ids (review 30: the same in every report)",
			[]storage.VolunteerCount{v(8, "Hoa", "X", at(1, 9, 0))},
			[]storage.VolunteerCount{v(7, "Hoa", "X", at(1, 9, 0))},
			[]string{"Hoa (số 2)"}},
		{"one volunteer's two communes, no namesake: one person (review 30)",
			[]storage.VolunteerCount{v(1, "Bình", "X", at(1, 9, 0)), v(1, "Bình", "Y", at(1, 9, 0))},
			nil,
			[]string{"Bình"}},
		{"one volunteer's two communes, a namesake in one of them",
			[]storage.VolunteerCount{v(1, "Bình", "X", at(1, 9, 0)), v(1, "Bình", "Y", at(1, 9, 0))},
			[]storage.VolunteerCount{v(2, "Bình", "X", at(1, 9, 0))},
			[]string{"Bình (X, Y)"}},
	} {
		got, _ := volunteerNames(texts.For("vi"), tallyPeople(c.lines), c.others)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	// The text names one of several communes without them: its line names
	// them after the count (review 30), not twice.
	lines := []storage.VolunteerCount{v(1, "Bình", "X", at(1, 9, 0)), v(1, "Bình", "Y", at(1, 9, 0)), v(4, "Bình", "Z", at(1, 9, 0)),
		v(5, "Bình", "X", at(1, 9, 0)), v(5, "Bình", "Y", at(1, 9, 0)), v(6, "Cúc", "X", at(1, 9, 0)), v(6, "Cúc", "Y", at(1, 9, 0))}
	lines[5].Role, lines[6].Role = storage.RoleCoordinator, storage.RoleCoordinator
	names, short := volunteerNames(texts.For("vi"), tallyPeople(lines), nil)
	if want := []string{"Bình (X, Y, số 1)", "Bình (Z)", "Bình (X, Y, số 2)", "Cúc (điều phối viên)"}; !slices.Equal(names, want) {
		t.Errorf("names: got %q, want %q", names, want)
	}
	if want := []string{"Bình (số 1)", "Bình (Z)", "Bình (số 2)", "Cúc (điều phối viên)"}; !slices.Equal(short, want) {
		t.Errorf("the text's names: got %q, want %q", short, want)
	}
}
