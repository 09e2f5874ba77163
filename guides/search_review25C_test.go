package guides

import "testing"

// Searches a volunteer types that found nothing useful (review 25C).
// Changing the phone number a VNeID account is registered with is done at
// the commune police, which the password guide says ("Đã đổi số điện thoại
// thì phải ra công an xã/phường", its description and its error "Đã đổi số
// điện thoại"): it answers. Transferring a vehicle ("sang tên xe") and
// marrying a foreigner ("có yếu tố nước ngoài", which the marriage guide
// tells the volunteer not to choose) have no guide: nothing is found – not
// the new motorbike's registration, nor the marriage of two Vietnamese
// citizens – and NoGuide says so, for the volunteer to be told plainly.
func TestReview25CSearchAnswersOrSaysNoGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"đổi số điện thoại vneid", "doi so dien thoai vneid", "thay đổi số điện thoại VNeID",
		"cập nhật số điện thoại vneid", "vneid đổi số điện thoại", "change VNeID phone number",
		"đổi sđt vneid", "doi sdt vneid", "cập nhật sđt VNeID",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "vneid-mat-khau" {
			t.Errorf("Search(%q) = %v, want vneid-mat-khau first", q, got)
		}
		if c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = true, want false (a guide answers)", q)
		}
	}
	for _, q := range []string{
		"sang tên xe", "sang ten xe may", "sang tên xe máy cho con", "đăng ký sang tên xe",
		"kết hôn với người nước ngoài", "đăng ký kết hôn có yếu tố nước ngoài",
		"ket hon voi nguoi nuoc ngoai", "ket hon o nuoc ngoai", "đăng ký khai sinh tại đại sứ quán",
		"passport at the embassy", "marriage with a foreigner", "get married to a foreigner",
		"marriage registration with a foreign element",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing (no guide covers it)", q, got)
		}
		if !c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = false, want true", q)
		}
	}
	// What a guide answers, or what names no procedure, is not "no guide
	// yet": the plain "no match" and its hint to type fewer words stay.
	for _, q := range []string{
		"đăng ký kết hôn", "kết hôn", "đăng ký xe", "đăng ký xe máy mới mua", "khai sinh",
		"đăng ký bán thuốc", "sáng mai làm khai sinh", "số điện thoại của bà là gì", "xin chào",
	} {
		if c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = true, want false", q)
		}
	}
}
