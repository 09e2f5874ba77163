package guides

import "testing"

// TestSearchWithAPlaceFindsTheProcedure: volunteers type the procedure with
// where it is for – "tam tru o phuong 5", "khai sinh ở xã Tân Phú" – and
// every word had to be found in a guide's names, so the place's words
// ("phường", "Tân", "Phú", "5") sank the search: "nothing found". The place
// (a unit's word and what follows, or "ở"/"tại"/"in"/"at" and what follows)
// no longer does; the guide meant comes first, as without the place.
func TestSearchWithAPlaceFindsTheProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"tam tru o phuong 5", "tam-tru"},
		{"tạm trú ở phường 5", "tam-tru"},
		{"khai sinh ở xã Tân Phú", "khai-sinh"},
		{"khai sinh o xa tan phu", "khai-sinh"},
		{"đăng ký tạm trú tại phường Bến Thành", "tam-tru"},
		{"dang ky tam tru tai phuong ben thanh", "tam-tru"},
		{"đăng ký thường trú phường Bến Thành", "thuong-tru"},
		{"khai tử ở thị trấn Củ Chi", "khai-tu"},
		{"kết hôn tại UBND xã Tân Phú", "ket-hon"},
		{"tạm trú p5 q3", "tam-tru"},
		{"tam tru P.5, Q.3", "tam-tru"},
		{"tạm trú tại TP Hồ Chí Minh", "tam-tru"},
		{"khai sinh ở Tân Phú", "khai-sinh"},
		{"xác nhận tình trạng hôn nhân ở phường 5", "xac-nhan-hon-nhan"},
		{"temporary residence in ward 5", "tam-tru"},
		{"birth registration at Tan Phu commune", "khai-sinh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	// Words of a guide's own name that are also a unit's word are not a
	// place: "tình trạng" (tỉnh), "tài khoản" (tại), "cơ quan" are read as typed.
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"xác nhận tình trạng hôn nhân", "xac-nhan-hon-nhan"},
		{"tài khoản thanh toán", "tai-khoan-thanh-toan"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	// A place alone is no procedure.
	for _, q := range []string{"phường 5", "ở xã Tân Phú", "tại phường Bến Thành"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
	}
}
