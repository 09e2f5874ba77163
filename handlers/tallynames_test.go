package handlers

import (
	"slices"
	"testing"
	"time"

	"github.com/dvcbot/dvcbot/locales"
	"github.com/dvcbot/dvcbot/storage"
)

func TestVolunteerNames(t *testing.T) {
	texts, err := locales.Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2026, 10, d, 9, 0, 0, 0, vietnam) }
	v := func(id int64, name, commune string, joined time.Time) storage.VolunteerCount {
		return storage.VolunteerCount{ID: id, FirstName: name, Commune: commune, Joined: joined}
	}
	cases := func(v storage.VolunteerCount, n int) storage.VolunteerCount { v.Cases = n; return v }
	former := func(v storage.VolunteerCount, n int) storage.VolunteerCount { v.Former = n; return v }
	role := func(v storage.VolunteerCount, r string) storage.VolunteerCount { v.Role = r; return v }
	for _, c := range []struct {
		name string
		lang string
		vs   []storage.VolunteerCount
		want []string
	}{
		{"names apart, and one removed from the team", "vi",
			[]storage.VolunteerCount{v(1, "An", "X", day(1)), v(2, "", "", time.Time{}), v(3, "Bình", "X", day(1))},
			[]string{"Tình nguyện viên không còn trong đội", "An", "Bình"}}, // as many cases: by name
		{"communes apart", "vi",
			[]storage.VolunteerCount{v(1, "Minh", "X", day(1)), v(2, "Minh", "Y", day(1))},
			[]string{"Minh (X)", "Minh (Y)"}},
		{"a commune beside none", "vi",
			[]storage.VolunteerCount{v(1, "Minh", "X", day(1)), v(2, "Minh", "", day(1))},
			[]string{"Minh (X)", "Minh"}},
		{"one commune, days apart", "vi",
			[]storage.VolunteerCount{v(1, "Lan", "X", day(1)), v(2, "Lan", "X", day(2))},
			[]string{"Lan (vào 01/10/2026)", "Lan (vào 02/10/2026)"}},
		{"one commune, days apart, in English", "en",
			[]storage.VolunteerCount{v(1, "Lan", "X", day(1)), v(2, "Lan", "X", day(2))},
			[]string{"Lan (joined 1 Oct 2026)", "Lan (joined 2 Oct 2026)"}},
		{"nothing but the number", "vi",
			[]storage.VolunteerCount{v(7, "Hoa", "X", day(1)), v(8, "Hoa", "X", day(1))},
			[]string{"Hoa (số 1)", "Hoa (số 2)"}}, // never their Telegram id
		{"each part only where it is needed", "vi",
			[]storage.VolunteerCount{v(1, "Nam", "X", day(1)), v(2, "Nam", "X", day(1)), v(3, "Nam", "Y", day(1)),
				v(4, "Nam", "X", day(3))},
			[]string{"Nam (X, vào 01/10/2026, số 1)", "Nam (X, vào 01/10/2026, số 2)", "Nam (Y)", "Nam (X, vào 03/10/2026)"}},
		{"days unknown", "vi",
			[]storage.VolunteerCount{v(1, "Hai", "X", time.Time{}), v(2, "Hai", "X", time.Time{}), v(3, "Hai", "X", day(1))},
			[]string{"Hai (số 1)", "Hai (số 2)", "Hai (vào 01/10/2026)"}},
		{"two removed, one of them with lines in two communes: one person each", "vi",
			[]storage.VolunteerCount{cases(v(9, "", "X", time.Time{}), 3), cases(v(5, "", "X", time.Time{}), 2), cases(v(9, "", "Y", time.Time{}), 1)},
			[]string{"Tình nguyện viên không còn trong đội (X, Y)", "Tình nguyện viên không còn trong đội (X)"}},
		{"two removed alike, by their own numbers (review 30)", "vi",
			[]storage.VolunteerCount{former(v(9, "", "X", time.Time{}), 7), former(v(5, "", "X", time.Time{}), 3)},
			[]string{"Tình nguyện viên không còn trong đội (số 3)", "Tình nguyện viên không còn trong đội (số 7)"}},
		{"numbered by their ids, not the tally's order, in English (review 30)", "en",
			[]storage.VolunteerCount{cases(v(8, "Hoa", "X", day(1)), 2), cases(v(7, "Hoa", "X", day(1)), 1), v(3, "", "X", time.Time{})},
			[]string{"Hoa (no. 2)", "Hoa (no. 1)", "Former member"}},
		{"a coordinator's role (review 30)", "vi",
			[]storage.VolunteerCount{role(v(1, "Minh", "X", day(1)), storage.RoleCoordinator), role(v(2, "Minh", "X", day(2)), storage.RoleVolunteer),
				role(v(3, "Phương", "X", day(1)), storage.RoleProvinceCoordinator), role(v(4, "Quân", "", day(1)), storage.RoleAdmin)},
			[]string{"Minh (vào 01/10/2026, điều phối viên)", "Minh (vào 02/10/2026)", "Phương (điều phối viên cấp tỉnh)", "Quân (quản trị viên)"}},
	} {
		got, _ := volunteerNames(texts.For(c.lang), tallyPeople(c.vs), nil)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
