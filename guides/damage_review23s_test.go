package guides

import (
	"slices"
	"testing"
)

// Review 23s: "vneid bị hỏng" (the VNeID app is broken) listed nine guides,
// every procedure naming VNeID among them (ly-lich-tu-phap second). What
// broke, when no paper, is an app or an account: searched without the
// damage's words, the account and payment guides found answer alone when
// there are some.
func TestABrokenAppFindsItsAccountGuides(t *testing.T) {
	c := shippedCatalog(t)
	got := searchIDs(c, "vneid bị hỏng")
	if len(got) == 0 || len(got) > 5 {
		t.Fatalf("Search(vneid bị hỏng) = %v, want the VNeID guides alone", got)
	}
	for _, id := range []string{"dang-nhap-vneid", "vneid-mat-khau", "vneid-muc-2"} {
		if i := slices.Index(got, id); i < 0 || i > 3 {
			t.Errorf("Search(vneid bị hỏng) = %v, want %s among the first four", got, id)
		}
	}
	for _, not := range []string{"ly-lich-tu-phap", "tam-tru", "thong-bao-luu-tru", "khai-bao-tam-vang"} {
		if slices.Contains(got, not) {
			t.Errorf("Search(vneid bị hỏng) = %v, offers %s", got, not)
		}
	}
	// A procedure broken is still that procedure.
	for _, tt := range []struct{ query, want string }{
		{"vneid bi hong", "vneid-muc-2"},
		{"đăng nhập vneid bị hỏng", "dang-nhap-vneid"},
		{"thanh toán online bị hỏng", "thanh-toan"},
		{"đăng ký biển số hỏng", "dang-ky-xe"},
		{"mở tiệm tạp hoá hỏng", "dang-ky-ho-kinh-doanh"},
	} {
		if got := searchIDs(c, tt.query); !slices.Contains(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %s among them", tt.query, got, tt.want)
		}
	}
}

// Found by the differential run: "vneid bị lỗi" dropped "lỗi" (no word of
// a name) and kept "bị", which found the payment guide alone.
func TestAWordDroppedTakesItsBi(t *testing.T) {
	c := shippedCatalog(t)
	if got := searchIDs(c, "vneid bị lỗi"); slices.Equal(got, []string{"thanh-toan"}) {
		t.Errorf("Search(vneid bị lỗi) = %v, the payment guide alone", got)
	}
}

// Found by the differential run: "đăng ký xe hỏng" (the registration
// paper) lost the vehicle registration when only the account guides were
// kept; they are kept alone only when one is the best found.
func TestABrokenProcedureKeepsItsGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"đăng ký xe bị hỏng", "dang ky xe hong"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "dang-ky-xe" {
			t.Errorf("Search(%q) = %v, want dang-ky-xe first", q, got)
		}
	}
}
