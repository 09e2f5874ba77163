package storage_test

import (
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Thừa Thiên Huế became Thành phố Huế on 2025-01-01, before the 2025
// merger, so the merger's list knows only "Thành phố Huế" as the old
// province: coordinators still type the name they used for decades, and
// /tally answered "I could not read that period".
func TestProvinceNamedThuaThienHue(t *testing.T) {
	for _, text := range []string{"thua thien hue", "Thừa Thiên Huế", "tinh thua thien hue", "thua thien-hue", "Thừa Thiên - Huế"} {
		m, ok, err := storage.ProvinceNamed(text)
		if err != nil {
			t.Fatal(err)
		}
		if !ok || m.Province.Name != "Thành phố Huế" || m.Old != "Thừa Thiên Huế" {
			t.Errorf("ProvinceNamed(%q) = %+v, %v; want Thành phố Huế, formerly Thừa Thiên Huế", text, m, ok)
		}
	}
	// The city's own name is still the city's, with no old name.
	if m, ok, _ := storage.ProvinceNamed("thanh pho hue"); !ok || m.Old != "" {
		t.Errorf("ProvinceNamed(thanh pho hue) = %+v, %v", m, ok)
	}
}
