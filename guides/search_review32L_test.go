package guides

import "testing"

// Review 32L: how volunteers name the VNeID account's level 2 and a
// child's account. "xác thực mức 2" (with or without marks) and "định
// danh cho trẻ sơ sinh" found nothing, while "định danh mức 2" and
// "định danh cho con" found the level-2 guide, whose steps cover a child
// under 14 registered in a parent's app.
func TestReview32LLevelTwoAndAChildsAccount(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"xác thực mức 2 vneid", "xac thuc muc 2 vneid", "xac thuc muc 2", "xác thực mức độ 2",
		"xac thuc tai khoan muc 2 cho me", "định danh cho trẻ sơ sinh", "thủ tục định danh cho trẻ",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "vneid-muc-2" {
			t.Errorf("Search(%q) = %v, want vneid-muc-2 first", q, got)
		}
	}
	// A child's birth is still the birth registration.
	if got := searchIDs(c, "khai sinh cho trẻ"); len(got) == 0 || got[0] != "khai-sinh" {
		t.Errorf("Search(%q) = %v, want khai-sinh first", "khai sinh cho trẻ", got)
	}
}
