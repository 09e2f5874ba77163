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
	for _, c := range []struct {
		name string
		lang string
		vs   []storage.VolunteerCount
		want []string
	}{
		{"names apart, and one removed from the team", "vi",
			[]storage.VolunteerCount{v(1, "An", "X", day(1)), v(2, "", "", time.Time{}), v(3, "Bình", "X", day(1))},
			[]string{"An", "Tình nguyện viên không còn trong đội", "Bình"}},
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
		{"two removed, one of them with lines in two communes", "vi",
			[]storage.VolunteerCount{v(9, "", "X", time.Time{}), v(5, "", "X", time.Time{}), v(9, "", "Y", time.Time{})},
			[]string{"Tình nguyện viên không còn trong đội (X, số 1)", "Tình nguyện viên không còn trong đội (X, số 2)", "Tình nguyện viên không còn trong đội (Y)"}},
		{"numbered in the tally's order, in English", "en",
			[]storage.VolunteerCount{v(8, "Hoa", "X", day(1)), v(7, "Hoa", "X", day(1)), v(3, "", "X", time.Time{})},
			[]string{"Hoa (no. 1)", "Hoa (no. 2)", "Former member"}},
	} {
		got := volunteerNames(texts.For(c.lang), c.vs, nil)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
