package guides

import "testing"

// A volunteer greets the bot ("xin chào") or thanks it after a case ("cảm
// ơn"), outside any flow: the words were searched, "xin chào" found three
// unrelated procedures ("chao" read as a typo of a guide's word) and "cảm
// ơn" answered that no procedure matches it. Courtesy alone is no search;
// a procedure's name with it still is.
func TestCourtesyIsNoSearch(t *testing.T) {
	for _, s := range []string{"xin chào", "xin chao", "Chào bạn", "chào bot", "alo", "hello", "Hi", "cảm ơn", "cám ơn nhiều", "cam on ban", "thanks", "thank you", "ok", "Oke cảm ơn nhé", "ok 👍", "dạ, cảm ơn anh", "chào anh ạ"} {
		if !Courtesy(s) {
			t.Errorf("Courtesy(%q) = false", s)
		}
	}
	c := shippedCatalog(t)
	for _, s := range []string{"khai sinh", "xin chào, khai sinh", "cảm ơn, làm tam tru", "ly lich", "ok khai tu", "hello vneid", "vang", "tam vang", "ban sao"} {
		if Courtesy(s) {
			t.Errorf("Courtesy(%q) = true", s)
		}
		if len(c.Search(s)) == 0 {
			t.Errorf("Search(%q) found nothing", s)
		}
	}
}
