package guides

// Searches a volunteer at a one-stop counter types for the procedure in
// front of them (review of the guides, 2026-11-30): each test failed when
// it was written.

import "testing"

func searchIDs(c *Catalog, q string) []string {
	var ids []string
	for _, g := range c.Search(q) {
		ids = append(ids, g.ID)
	}
	return ids
}

// A procedure's common name with the everyday words around it – "thủ tục",
// "hướng dẫn", "xin cấp", "đăng ký", "trực tuyến", "online" – finds
// nothing: every word typed must be in one of the guide's names, and these
// words are not (nor dropped like "cho", "làm", "muốn"). The bot answers
// "Không tìm thấy thủ tục nào khớp" to "thủ tục khai sinh", while "làm hộ
// chiếu online" and "đăng ký tạm trú online" work.
func TestSearchCommonNameWithEverydayWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"thủ tục khai sinh", "khai-sinh"},
		{"thu tuc khai sinh", "khai-sinh"},
		{"huong dan dang ky tam tru", "tam-tru"},
		{"dang ky tam tru truc tuyen", "tam-tru"}, // "dang ky tam tru online" finds it
		{"đăng ký hộ chiếu", "ho-chieu"},
		{"xin cap ho chieu", "ho-chieu"},
		{"doi bang lai online", "doi-gplx"}, // "lam ho chieu online" finds its guide
		{"thu tuc ket hon", "ket-hon"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A family whose relative died comes to the counter with the "giấy báo
// tử". Typing it, or "người nhà mất" – an alias of the death guide itself –
// lists birth registration, or the civil-status extract, the VNeID password
// and the bank account before linked death registration ("mất" is also
// "lost", and "người", "nhà" are dropped as filler words).
func TestSearchDeathInTheFamily(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"người nhà mất", "nguoi nha mat", "giấy báo tử", "giay bao tu"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "khai-tu" {
			t.Errorf("Search(%q) = %v, want khai-tu first", q, got)
		}
	}
}
