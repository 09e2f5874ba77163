package storage_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Review 20m: " City" after any name found the whole province ("Nam Dinh
// City" → Ninh Bình, "Kon Tum City" → Quảng Ngãi), though in English "X
// City" is the former provincial city, one ward or a few now. A kind, before
// the name or after it, is left off only where it is the province's (or
// the merged one's): "city" / "thành phố" for the six cities, "province" /
// "tỉnh" for the provinces. So "Nam Dinh City" and "thành phố Nam Định" are
// no province, and both find the wards of the former city.
func TestProvinceNamedKindAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, wantName, wantOld string
		notFound                bool
	}{
		{text: "Ho Chi Minh City", wantName: hcmcName},
		{text: "Hue City", wantName: "Thành phố Huế"},
		{text: "Da Nang City", wantName: "Thành phố Đà Nẵng"},
		{text: "Hanoi City", wantName: "Thành phố Hà Nội"},
		{text: "thanh pho can tho", wantName: "Thành phố Cần Thơ"},
		{text: "TP HCM", wantName: hcmcName},
		{text: "Dong Nai Province", wantName: "Đồng Nai"},
		{text: "tỉnh Đồng Nai", wantName: "Đồng Nai"},
		{text: "Binh Duong Province", wantName: hcmcName, wantOld: "Bình Dương"},
		{text: "Quang Nam Province", wantName: "Thành phố Đà Nẵng", wantOld: "Quảng Nam"},
		{text: "Nam Dinh", wantName: "Ninh Bình", wantOld: "Nam Định"},
		{text: "Nam Dinh City", notFound: true},
		{text: "thành phố Nam Định", notFound: true},
		{text: "tp nam dinh", notFound: true},
		{text: "Hai Duong City", notFound: true},
		{text: "Kon Tum City", notFound: true},
		{text: "Bac Giang City", notFound: true},
		{text: "ha giang city", notFound: true},
		{text: "Phu Tho City", notFound: true},
		{text: "Gia Lai City", notFound: true},
		{text: "Lao Cai City", notFound: true},
		{text: "Hanoi Province", notFound: true},
		{text: "city", notFound: true},
		{text: "province", notFound: true},
	}
	for _, tt := range tests {
		m, ok, err := storage.ProvinceNamed(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if ok == tt.notFound || ok && (m.Name != tt.wantName || m.Old != tt.wantOld) {
			t.Errorf("ProvinceNamed(%q) = %+v, %v; want %q (old %q), found %v", tt.text, m, ok, tt.wantName, tt.wantOld, !tt.notFound)
		}
	}
}

// Review 20m: "X City" finds the communes "thành phố X" finds (the wards of
// the former city), where it found none.
func TestSearchCommunesCityAfter(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	codes := func(tx *storage.Tx, q string) []string {
		t.Helper()
		ms, err := tx.SearchCommunes(ctx, q, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		var cs []string
		for _, m := range ms {
			cs = append(cs, m.Name+" "+m.Code)
		}
		return cs
	}
	inTx(t, st, func(tx *storage.Tx) error {
		for _, c := range [][2]string{
			{"Nam Dinh City", "thành phố Nam Định"},
			{"Kon Tum City", "thành phố Kon Tum"},
			{"ha giang city", "thanh pho ha giang"},
			{"Vung Tau City", "thành phố Vũng Tàu"},
		} {
			en, vi := codes(tx, c[0]), codes(tx, c[1])
			if len(vi) == 0 || !slices.Equal(en, vi) {
				t.Errorf("%q found %v; %q found %v", c[0], en, c[1], vi)
			}
		}
		if got := codes(tx, "Nam Dinh City"); !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "Phường Nam Định ") }) {
			t.Errorf("Nam Dinh City found %v, not Phường Nam Định", got)
		}
		return nil
	})
}
