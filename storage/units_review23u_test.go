package storage_test

import (
	"context"
	"encoding/csv"
	"os"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
	"github.com/dvcbot/dvcbot/storage/storagetest"
	"github.com/dvcbot/dvcbot/vntext"
)

// Review 23u: the last rows of units/ward_mappings.csv (those with no old
// ward code) often carry a new ward code of another numbering — a code
// that is no commune's (400 old names were dropped) or another province's
// commune: "Phường 24, Quận Bình Thạnh" was an old name of Phường Long
// Bình, Cần Thơ (code 31473) instead of Phường Bình Thạnh, Hồ Chí Minh;
// "Xã Phú Thị, Huyện Gia Lâm" of Xã Thuận An, Lâm Đồng. Every row's new
// commune is found by its name and province, which name one commune each.
func TestOldNamesBelongToTheCommuneTheyName(t *testing.T) {
	t.Parallel()
	st := storagetest.Open(t)
	ctx := context.Background()
	for _, c := range []struct {
		q, province string
		want        string // the commune's code
	}{
		{"phuong 24 binh thanh", "79", "26929"},        // was 31473, Long Bình (Cần Thơ)
		{"phu thi gia lam", "01", "00562"},             // was 24682, Thuận An (Lâm Đồng)
		{"nguyen trung truc ba dinh", "01", "00004"},   // was dropped (code 14776: none)
		{"quynh hung quynh luu", "40", "17179"},        // was 14452, Quỳnh Lưu (Ninh Bình)
		{"van xuan vinh tuong", "25", "09076"},         // was 31459, Vĩnh Tường (Cần Thơ)
		{"bat trang gia lam", "01", "00577"},           // was dropped (code 583)
		{"phuong 12 go vap", "79", "26882"},            // a row that was right stays so
		{"ky ninh ky anh", "42", "18781"},              // was 16576, Ngọc Sơn (Thanh Hóa)
		{"hiep thuan hiep duc quang nam", "", "20779"}, // was 28501, Hiệp Đức (Đồng Tháp)
	} {
		var ms []storage.CommuneMatch
		inTx(t, st, func(tx *storage.Tx) (err error) {
			ms, err = tx.SearchCommunes(ctx, c.q, c.province, 50)
			return err
		})
		found := false
		for _, m := range ms {
			if m.Code == c.want {
				found = true
			} else if !m.IsCurrent && m.ProvinceCode != c.province && c.province != "" {
				t.Errorf("SearchCommunes(%q, %q) found %s %s (%s) outside the province", c.q, c.province, m.Code, m.Name, m.Label)
			}
		}
		if !found {
			t.Errorf("SearchCommunes(%q, %q) lacks %s:\n%s", c.q, c.province, c.want, labels(ms))
		}
	}
	// A commune is found by its name and province: no two share them.
	var twins []string
	if err := st.DB().SelectContext(ctx, &twins, `SELECT name || ', ' || province_code FROM communes
		GROUP BY name, province_code HAVING count(*) > 1`); err != nil {
		t.Fatal(err)
	}
	if len(twins) > 0 {
		t.Errorf("communes of one name in one province: %q", twins)
	}
	// Every old name is the old name of the commune its row names, by name
	// and province, and of no other.
	want := map[string]bool{}
	f, err := os.Open("units/ward_mappings.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] { // old_ward_code,old_ward_name,old_district_name,old_province_name,new_ward_code,new_ward_name,new_province_name
		want[vntext.NFC(r[1]+", "+r[2]+", "+r[3]+" → "+r[5]+", "+r[6])] = true
	}
	var got []string
	if err := st.DB().SelectContext(ctx, &got, `SELECT n.label || ' → ' || c.name || ', ' || p.name
		FROM commune_names n JOIN communes c ON c.code = n.commune_code JOIN provinces p ON p.code = c.province_code
		WHERE NOT n.is_current`); err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, g := range got {
		stored[g] = true
		if !want[g] {
			t.Errorf("an old name of a commune its row does not name: %s", g)
		}
	}
	for w := range want {
		if !stored[w] {
			t.Errorf("an old name not stored: %s", w)
		}
	}
}
