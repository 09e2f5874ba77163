package guides

import (
	"slices"
	"testing"
)

// Review 32D: searches a volunteer types at the counter, as they type
// them: the abbreviations of civil status the one-stop staff write on
// every form — "KS" (khai sinh), "KT" (khai tử), "GKS" (giấy khai sinh) —
// found nothing, while "CCCD", "GPLX", "LLTP" found their guides.
func TestReview32DCivilStatusAbbreviations(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"KS", "khai sinh"}, {"ks", "khai sinh"}, {"dang ky KS", "dang ky khai sinh"}, {"lam KS cho con", "lam khai sinh cho con"},
		{"KT", "khai tử"}, {"đăng ký KT cho bố", "đăng ký khai tử cho bố"}, {"trich luc KS", "trich luc khai sinh"},
		{"GKS", "giấy khai sinh"}, {"sửa tên trên GKS", "sửa tên trên giấy khai sinh"}, {"ban sao GKS", "ban sao giay khai sinh"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// A paper "hết hiệu lực" (no longer valid) is one "hết hạn" (expired), as
// the guides name it: "bằng lái hết hiệu lực" found nothing while "bằng
// lái hết hạn" found the licence's renewal.
func TestReview32DNoLongerValidIsExpired(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"bằng lái hết hiệu lực", "bằng lái hết hạn"}, {"bang lai het hieu luc", "bang lai het han"},
		{"bang lai xe het hieu luc", "bang lai xe het han"}, {"hộ chiếu hết hiệu lực", "hộ chiếu hết hạn"},
		{"thẻ bhyt hết hiệu lực", "thẻ bhyt hết hạn"}, {"căn cước hết hiệu lực", "căn cước hết hạn"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// A village ("thôn", "xóm") is a place like a ward: "tạm trú ở thôn" found
// the residence confirmation alone ("thôn" a typo of its "thông tin"),
// not the temporary residence; "làm căn cước cho con từ đủ 14 tuổi" found
// the certified copy first ("từ" read as a word of its name), while "đủ
// 14 tuổi" is an age.
func TestReview32DVillageAndAge(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"tạm trú ở thôn", "tạm trú"}, {"tam tru o thon", "tam tru"}, {"tạm trú ở xóm", "tạm trú"},
		{"đăng ký tạm trú ở thôn Đông", "đăng ký tạm trú"}, {"khai sinh ở xóm 5", "khai sinh"},
		{"làm căn cước cho con từ đủ 14 tuổi", "làm căn cước cho con đủ 14 tuổi"},
		{"lam can cuoc cho con tu du 14 tuoi", "lam can cuoc cho con du 14 tuoi"},
		{"hộ chiếu cho con từ 14 tuổi", "hộ chiếu cho con dưới 14 tuổi"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// A fee's payment gone wrong: "thanh toán không thành công" and "thanh
// toán bị lỗi" found the payment guide, "nộp phí bị lỗi", "nộp phí không
// được" nothing ("nộp phí", a fee's words, were dropped before the trouble
// was read).
func TestReview32DFeePaymentInTrouble(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"nộp phí bị lỗi", "nop phi bi loi", "nộp phí không được", "nộp lệ phí bị lỗi", "đóng phí không được",
		"thanh toán bị lỗi", "thanh toán không thành công"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "thanh-toan" {
			t.Errorf("Search(%q) = %v, want thanh-toan first", q, got)
		}
	}
	// A procedure in trouble is still searched as typed; a fee asked of
	// none still finds nothing.
	for _, tt := range []struct{ query, as string }{{"tạm trú bị lỗi", "tạm trú bị lỗi"}, {"lệ phí bao nhiêu", ""}, {"phí dịch vụ", ""}} {
		got := searchIDs(c, tt.query)
		if tt.as == "" && len(got) > 0 || tt.as != "" && (len(got) == 0 || got[0] != "tam-tru") {
			t.Errorf("Search(%q) = %v", tt.query, got)
		}
	}
}
