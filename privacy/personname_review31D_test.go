package privacy

import "testing"

// Review 31D: "/invite Thanh Hà" (whom a commune coordinator invites) is
// also Xã Thanh Hà's name. PersonName tells a name a person may have from
// one that can only be a place.
func TestReview31DPersonName(t *testing.T) {
	for _, s := range []string{"Thanh Hà", "thanh ha", "Ngọc Hà", "Nguyễn Văn An", "Dũng", "dung", "Lan", "Trần Phú"} {
		if !PersonName(s) {
			t.Errorf("PersonName(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"", "xã Thanh Hà", "Thanh Hà, Hải Phòng", "An Hội Đông", "Gò Vấp", "Dùng", "phường 3", "Bình Thạnh",
		"Nguyễn Thị Thanh Hà Hương", "12"} {
		if PersonName(s) {
			t.Errorf("PersonName(%q) = true, want false", s)
		}
	}
}
