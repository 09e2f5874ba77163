package guides

import "testing"

// A volunteer greets the bot ("xin chào") or thanks it after a case ("cảm
// ơn"), outside any flow: the words were searched, "xin chào" found three
// unrelated procedures ("chao" read as a typo of a guide's word) and "cảm
// ơn" answered that no procedure matches it. Courtesy alone is no search;
// a procedure's name with it still is.
func TestCourtesyIsNoSearch(t *testing.T) {
	for _, s := range []string{"xin chào", "xin chao", "Chào bạn", "chào bot", "alo", "hello", "Hi", "chào anh ạ", "Chào buổi sáng"} {
		if got := Courtesy(s); got != Greeting {
			t.Errorf("Courtesy(%q) = %d, want a greeting", s, got)
		}
	}
	for _, s := range []string{"cảm ơn", "cám ơn nhiều", "cam on ban", "thanks", "thank you", "ok", "Oke cảm ơn nhé", "ok 👍", "dạ, cảm ơn anh", "Cảm ơn cháu nhiều nhé", "chào, cảm ơn bot", "camon"} {
		if got := Courtesy(s); got != Thanks {
			t.Errorf("Courtesy(%q) = %d, want thanks", s, got)
		}
	}
	c := shippedCatalog(t)
	for _, s := range []string{"khai sinh", "xin chào, khai sinh", "cảm ơn, làm tam tru", "ly lich", "ok khai tu", "hello vneid", "vang", "tam vang", "ban sao"} {
		if got := Courtesy(s); got != NotCourtesy {
			t.Errorf("Courtesy(%q) = %d, want none", s, got)
		}
		if len(c.Search(s)) == 0 {
			t.Errorf("Search(%q) found nothing", s)
		}
	}
}
