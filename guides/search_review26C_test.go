package guides

import "testing"

// Review 26C: a marriage with a foreigner named by the foreigner's
// nationality ("kết hôn với người Hàn Quốc", "lấy vợ người Nhật", "marry a
// Korean"), or by the country it is done in ("kết hôn ở Nhật"), found the
// marriage guide of two Vietnamese citizens living in Vietnam, which says
// not to choose that procedure. It is the same "no guide yet" as "kết hôn
// với người nước ngoài"; a place whose name begins like a country's ("Mỹ
// Đình", "Quảng Nam", "Lào Cai") is no country.
func TestReview26CMarriageWithANationalityHasNoGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"kết hôn với người Hàn Quốc", "ket hon voi nguoi han quoc", "đăng ký kết hôn với chồng Trung Quốc",
		"lấy vợ người Nhật", "lay vo nguoi nhat", "lấy chồng Đài Loan", "kết hôn với người Mỹ",
		"đăng ký kết hôn với người Hoa Kỳ", "kết hôn với người quốc tịch Úc", "cưới vợ người Lào",
		"kết hôn với người Nhật Bản ở Hà Nội", "kết hôn với người Pháp cần giấy tờ gì",
		"đăng ký kết hôn với người Campuchia", "kết hôn với người Singapore", "ket hon voi nguoi thai lan",
		"marry a Korean", "marriage to a Japanese citizen", "get married to an American", "marriage with a Chinese man",
		"marry a Taiwanese", "marriage registration with a Canadian",
		// Where it is done, or a Vietnamese living abroad.
		"đăng ký kết hôn ở Nhật", "kết hôn tại Hàn Quốc", "kết hôn bên Mỹ", "get married in Japan",
		"kết hôn với Việt kiều", "kết hôn với người Mỹ gốc Việt",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing (a marriage with a foreigner)", q, got)
		}
		if !c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = false, want true", q)
		}
	}
	for _, q := range []string{
		"kết hôn", "đăng ký kết hôn ở Hà Nội", "kết hôn lần hai", "đăng ký kết hôn ở phường Mỹ Đình",
		"kết hôn với người Quảng Nam", "dang ky ket hon o quang nam", "kết hôn với người Lào Cai",
		"đăng ký kết hôn cho người lao động", "kết hôn với người Mỹ Tho", "ket hon tai phuong my dinh",
		"đăng ký kết hôn với anh Đức", "đăng ký kết hôn cho chồng Đức", "kết hôn với vợ Nga",
		"đăng ký kết hôn cho người anh", "kết hôn ở Lào Cai", "đăng ký kết hôn tại phường Mỹ Đình",
		"ket hon o nga son", "đăng ký kết hôn ở Đức Phổ", "tra cứu trạng thái đăng ký kết hôn", "marriage registration", "get married in Hanoi",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "ket-hon" {
			t.Errorf("Search(%q) = %v, want ket-hon first", q, got)
		}
		if c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = true, want false", q)
		}
	}
	if c.NoGuide("marry my girlfriend") {
		t.Errorf("NoGuide(%q) = true, want false", "marry my girlfriend")
	}
	// The marital status certificate asked to marry a foreigner is a guide's.
	for _, q := range []string{"xác nhận tình trạng hôn nhân để kết hôn với người Hàn Quốc", "giấy xác nhận tình trạng hôn nhân để lấy chồng Đài Loan",
		"giấy xác nhận độc thân để lấy chồng Hàn Quốc"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "xac-nhan-hon-nhan" {
			t.Errorf("Search(%q) = %v, want xac-nhan-hon-nhan first", q, got)
		}
		if c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = true, want false", q)
		}
	}
}
