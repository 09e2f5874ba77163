package guides

import (
	"slices"
	"testing"
)

// Review 27G: a lost marriage certificate of a marriage with a foreigner
// ("mất giấy kết hôn với chồng Hàn", "lost my marriage certificate, husband
// is korean") was answered "no guide yet", as the marriage itself is. The
// certificate is not issued again: its loss is answered by a copy of the
// marriage extract (trich-luc-ho-tich, which covers a marriage with a
// foreigner registered in Vietnam), as the domestic "mất giấy kết hôn" is.
// The loss of another paper said beside such a marriage, and the marriage
// registered again or at all, still have no guide.
func TestReview27GLostForeignMarriageCertificateFindsTheExtractGuide(t *testing.T) {
	c := shippedCatalog(t)
	if got := searchIDs(c, "mất giấy kết hôn"); len(got) == 0 || got[0] != "trich-luc-ho-tich" {
		t.Fatalf("Search(%q) = %v, want trich-luc-ho-tich first (the domestic loss)", "mất giấy kết hôn", got)
	}
	for _, q := range []string{
		"mất giấy kết hôn với chồng Hàn", "mat giay ket hon voi chong han",
		"xin lại giấy kết hôn với người nước ngoài", "cấp lại giấy kết hôn với người nước ngoài",
		"bị mất giấy đăng ký kết hôn với người Hàn Quốc", "làm mất giấy chứng nhận kết hôn với chồng Đài Loan",
		"làm lại giấy kết hôn với chồng Hàn", "giấy kết hôn với người Trung Quốc bị mất",
		"lost my marriage certificate, husband is korean", "lost marriage certificate with a foreigner",
		"replace my marriage certificate, my wife is chinese",
	} {
		got := searchIDs(c, q)
		if len(got) == 0 || got[0] != "trich-luc-ho-tich" {
			t.Errorf("Search(%q) = %v, want trich-luc-ho-tich first", q, got)
		}
		if slices.Contains(got, "ket-hon") {
			t.Errorf("Search(%q) = %v: the marriage guide of two Vietnamese citizens offered", q, got)
		}
	}
	for _, q := range []string{
		"đăng ký lại kết hôn với người nước ngoài", "kết hôn với người Hàn Quốc",
		"mất hộ chiếu, kết hôn với chồng Hàn", "lost passport, married to a korean",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if !c.NoGuide(q) {
			t.Errorf("NoGuide(%q) = false, want true", q)
		}
	}
}

// "chồng" alone found the permanent residence (its alias "nhập khẩu về nhà
// chồng"), the ID card ("căn cước hỏng" run together holds "chong") and the
// unemployment benefit ("bị cho nghỉ việc" run together holds it too); "vợ"
// found nothing, and was told to type fewer words. A spouse, a parent or a
// grandparent typed alone names whom a procedure is for, not which: nothing
// is found, and ForWhomOnly says so (the volunteer is asked which
// procedure). Typed with a procedure, the person is dropped as "mẹ" is
// ("thường trú cho vợ" found the birth registration by its "thường trú cho
// trẻ mới sinh"); a phrase of a guide's name keeps it ("về nhà chồng").
func TestReview27GSpouseAloneNamesNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"chồng", "chong", "vợ", "vo", "chồng tôi", "vợ tôi", "cho chồng", "cho vợ",
		"làm cho chồng", "vợ chồng", "mẹ", "cho mẹ", "bố", "bà", "chồng ở Hàn Quốc",
		"my husband", "husband", "my wife", "for my mother"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if !c.ForWhomOnly(q) {
			t.Errorf("ForWhomOnly(%q) = false, want true", q)
		}
		if c.NoGuide(q) || c.AsksOfNoProcedure(q) {
			t.Errorf("NoGuide or AsksOfNoProcedure(%q) = true, want false", q)
		}
	}
	for _, tt := range []struct{ q, want string }{
		{"thường trú cho vợ", "thuong-tru"},
		{"thuong tru cho vo", "thuong-tru"},
		{"đăng ký thường trú cho chồng", "thuong-tru"},
		{"nhập khẩu về nhà chồng", "thuong-tru"},
		{"về nhà chồng", "thuong-tru"},
		{"nhà chồng", "thuong-tru"},
		{"khai tử cho chồng", "khai-tu"},
		{"chồng mất", "khai-tu"},
		{"vợ mất", "khai-tu"},
		{"căn cước cho vợ", "the-can-cuoc"},
		{"tạm trú cho vợ", "tam-tru"},
		{"căn cước hỏng", "the-can-cuoc"},
		{"bị cho nghỉ việc", "tro-cap-that-nghiep"},
		// A spouse taken is a marriage ("lấy chồng" found the VNeID
		// password's "lấy lại mật khẩu" once "chồng" was whom for).
		{"lấy chồng", "ket-hon"},
		{"lay vo", "ket-hon"},
		{"cưới vợ", "ket-hon"},
	} {
		if got := searchIDs(c, tt.q); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, got, tt.want)
		}
		if c.ForWhomOnly(tt.q) {
			t.Errorf("ForWhomOnly(%q) = true, want false", tt.q)
		}
	}
	for _, q := range []string{"khai sinh", "bao nhiêu tiền", "xin chào", "chồng Hàn", "abcxyz"} {
		if c.ForWhomOnly(q) {
			t.Errorf("ForWhomOnly(%q) = true, want false", q)
		}
	}
}
