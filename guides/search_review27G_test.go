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
