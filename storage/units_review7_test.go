package storage_test

import (
	"context"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// A province is found by its name as typed, current or from before the 2025
// merger ("binh duong" is in Thành phố Hồ Chí Minh now), and the province
// found is the database's, code and name.
func TestProvinceNamed(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	tests := []struct {
		text     string
		wantCode string
		wantName string
		wantOld  string
		notFound bool
	}{
		{text: "binh duong", wantCode: hcmc, wantName: hcmcName, wantOld: "Bình Dương"},
		{text: "Tỉnh Bình Dương", wantCode: hcmc, wantName: hcmcName, wantOld: "Bình Dương"},
		{text: "ba ria vung tau", wantCode: hcmc, wantName: hcmcName, wantOld: "Bà Rịa - Vũng Tàu"},
		{text: "Bà Rịa – Vũng Tàu", wantCode: hcmc, wantName: hcmcName, wantOld: "Bà Rịa - Vũng Tàu"},
		{text: "quang nam", wantCode: daNang, wantName: "Thành phố Đà Nẵng", wantOld: "Quảng Nam"},
		{text: "kon tum", wantName: "Quảng Ngãi", wantOld: "Kon Tum"},
		{text: "hoa binh", wantName: "Phú Thọ", wantOld: "Hoà Bình"},
		{text: "ho chi minh", wantCode: hcmc, wantName: hcmcName},
		{text: "TP HCM", wantCode: hcmc, wantName: hcmcName},
		{text: "tphcm", wantCode: hcmc, wantName: hcmcName},
		{text: "Đồng Nai", wantName: "Đồng Nai"},
		{text: "tinh dong nai", wantName: "Đồng Nai"},
		{text: "quang ngai", wantName: "Quảng Ngãi"}, // kept its name: not "merged"
		{text: "hai phong", wantName: "Thành phố Hải Phòng"},
		{text: "binh", notFound: true},     // a word of a name is not the name
		{text: "binh duo", notFound: true}, // nor the start of one
		{text: "phuong binh duong", notFound: true},
		{text: "tinh", notFound: true},
		{text: "", notFound: true},
	}
	for _, tt := range tests {
		m, ok, err := storage.ProvinceNamed(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if ok == tt.notFound {
			t.Errorf("ProvinceNamed(%q) = %+v, %v", tt.text, m, ok)
			continue
		}
		if !ok {
			continue
		}
		if m.Name != tt.wantName || m.Old != tt.wantOld || (tt.wantCode != "" && m.Code != tt.wantCode) {
			t.Errorf("ProvinceNamed(%q) = %+v, want %s %q (old %q)", tt.text, m, tt.wantCode, tt.wantName, tt.wantOld)
		}
		inTx(t, st, func(tx *storage.Tx) error {
			p, err := tx.Province(ctx, m.Code)
			if err != nil || p != m.Province {
				t.Errorf("ProvinceNamed(%q) = %+v; the database has %+v (%v)", tt.text, m.Province, p, err)
			}
			return nil
		})
	}
}
