package vntext

import "testing"

// Review 27I, item 3: a mark typed says which name is meant ("Quảng Yên" is
// not "Quang Yên"); a mark left out, or a tone placed in the other style,
// still fits.
func TestMarksFit(t *testing.T) {
	for _, c := range []struct {
		search, text string
		want         bool
	}{
		{"Quảng Yên", "Xã Quảng Yên, Huyện Thanh Ba", true},
		{"Quảng Yên", "Xã Quang Yên, Huyện Sông Lô", false},
		{"quang yen", "Xã Quảng Yên", true},
		{"Quang Yên", "Xã Quảng Yên", true}, // the tone left out
		{"Dai Mo", "Phường Đại Mỗ", true},
		{"Đai mo", "Phường Đại Mỗ", true},
		{"Đại Mỗ", "Phường Đại Mỗ", true},
		{"Dại", "Phường Đại Mỗ", true}, // đ's stroke left out
		{"Đai", "Phường Dại", false},   // a stroke typed that the name has not
		{"Hoà Bình", "Xã Hòa Bình", true},
		{"Hòa", "Xã Hoà Bình", true},
		{"Hóa", "Xã Hoà Bình", false},
		{"Lân", "Lan Phường Quy Nhơn", false},
		{"Lân", "Lan", true},   // a name written without marks: any fit
		{"Tuấ", "Tuấn", true},  // a word begun
		{"Tuà", "Tuấn", false}, // another tone
		{"phường 12", "Phường 12, Quận Gò Vấp", true},
		{"12", "", true}, // no mark: the caller's to match
	} {
		if got := MarksFit(c.search, c.text); got != c.want {
			t.Errorf("MarksFit(%q, %q) = %v, want %v", c.search, c.text, got, c.want)
		}
	}
	// A name and a commune: each its own way.
	if !MarksFit("Ngọc Quảng", "Ngoc", "Xã Quảng Yên") || MarksFit("Ngọc Quảng", "Ngoc", "Xã Quang Yên") || MarksFit("Ngọc", "Ngôc", "") {
		t.Error("MarksFit of a name and a commune")
	}
}
