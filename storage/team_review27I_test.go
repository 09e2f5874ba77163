package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 27I: a search of nothing but kinds ("phường", repeated) found
// every member of a ward; marks typed were read away ("Lân" found Lan
// Hương).
func TestMatchesMemberReview27I(t *testing.T) {
	for _, c := range []struct {
		search, name, commune string
		want                  bool
	}{
		{"phuong", "Lan", "Phường Quy Nhơn", false},
		{"phuong phuong phuong", "Lan", "Phường Quy Nhơn", false},
		{"phuong", "Phương", "Phường Quy Nhơn", true}, // her name
		{"xa", "Xa", "Phường An Hội Tây", true},
		{"xa", "Lan", "Xã Phú Phong", false},
		{"phuong quy", "Lan", "Phường Quy Nhơn", true},
		{"Lân", "Lan Hương", "", false},
		{"Lân", "Lan", "", true}, // written without marks: it may be her
		{"Lân", "Lân", "", true},
		{"lan", "Lân", "", true},
	} {
		if got := storage.MatchesMember(c.search, c.name, c.commune); got != c.want {
			t.Errorf("MatchesMember(%q, %q, %q) = %v, want %v", c.search, c.name, c.commune, got, c.want)
		}
	}
	for s, want := range map[string]bool{"phuong": true, "Phường xã": true, "thị trấn": true, "phuong 1": false, "lan": false, "": false} {
		if got := storage.OnlyKinds(s); got != want {
			t.Errorf("OnlyKinds(%q) = %v, want %v", s, got, want)
		}
	}
}

// Review 27I: "Quảng Yên" is not the old Xã Quang Yên.
func TestMatchesOldNameMarks(t *testing.T) {
	const quang = "Xã Quang Yên, Huyện Sông Lô, Tỉnh Vĩnh Phúc"
	for _, c := range []struct {
		search string
		want   bool
	}{{"Quảng Yên", false}, {"quang yen", true}, {"Quang Yên", true}, {"Quang Yên Sông Lô", true}} {
		if got := storage.MatchesOldName(c.search, quang); got != c.want {
			t.Errorf("MatchesOldName(%q, %q) = %v, want %v", c.search, quang, got, c.want)
		}
	}
}

// Review 27I: the communes a search names whole, by their current names
// first, then by their old names; in a unit or the country. PreferCurrent
// keeps the current ones when there are.
func TestCommunesNamed(t *testing.T) {
	t.Parallel()
	store := storagetest.Open(t)
	ctx := context.Background()
	named := func(province, commune, search string) []storage.NamedCommune {
		t.Helper()
		var ns []storage.NamedCommune
		if err := store.InTx(ctx, func(tx *storage.Tx) (err error) {
			ns, err = tx.CommunesNamed(ctx, province, commune, search)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return ns
	}
	// The current ward, not the old Phường Đại Mỗ of Tây Mỗ.
	ns := named("", "", "Phường Đại Mỗ")
	if len(ns) != 2 || ns[1].Current || ns[1].Name != "Phường Tây Mỗ" {
		t.Errorf("Phường Đại Mỗ: %+v", ns)
	}
	if ns = storage.PreferCurrent(ns); len(ns) != 1 || !ns[0].Current || ns[0].FullName() != "Phường Đại Mỗ, Thành phố Hà Nội" {
		t.Errorf("Phường Đại Mỗ, as meant: %+v", ns)
	}
	// Its old name, with its old district, names the ward it is part of now.
	if ns := named("", "", "dai mo nam tu liem"); len(ns) != 1 || ns[0].Current || ns[0].Name != "Phường Tây Mỗ" {
		t.Errorf("dai mo nam tu liem: %+v", ns)
	}
	// Two current communes of one name.
	if ns := storage.PreferCurrent(named("", "", "xa yen lang")); len(ns) != 2 || ns[0].FullName() != "Xã Yên Lãng, Phú Thọ" || ns[1].FullName() != "Xã Yên Lãng, Thành phố Hà Nội" {
		t.Errorf("xa yen lang: %+v", ns)
	}
	// "phuong 1": old names only (Phường 1 Bảo Lộc by its old Phường 1, Thành
	// phố Bảo Lộc), not the current name it begins; a province's own.
	all, hcm := named("", "", "phuong 1"), named("79", "", "phuong 1")
	if len(all) <= len(hcm) || len(hcm) < 10 {
		t.Errorf("phuong 1: %d in the country, %d in Thành phố Hồ Chí Minh", len(all), len(hcm))
	}
	for _, n := range all {
		if n.Current {
			t.Errorf("phuong 1 names %+v", n)
		}
	}
	for _, n := range hcm {
		if n.ProvinceCode != "79" {
			t.Errorf("phuong 1 in Thành phố Hồ Chí Minh names %+v", n)
		}
	}
	// A commune's own, and nothing else.
	if ns := named("79", "26743", "ben thanh"); len(ns) != 2 || ns[0].Code != "26743" || ns[1].Code != "26743" || ns[1].Label != "Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh" {
		t.Errorf("ben thanh in Phường Bến Thành: %+v", ns)
	}
	if ns := named("79", "26882", "ben thanh"); len(ns) != 0 {
		t.Errorf("ben thanh in Phường An Hội Tây: %+v", ns)
	}
	if ns := named("", "", "phuong"); len(ns) != 0 {
		t.Errorf("phuong: %+v", ns)
	}
}
