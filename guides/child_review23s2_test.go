package guides

import "testing"

// Review 23s2: a passport for a child ("hộ chiếu trẻ em") found the VNeID
// wallet first ("trẻ" read as the beginning of its "trên"), and with the
// child's age ("dưới 14 tuổi") nothing. The passport guide covers
// under-14s (its checklist says so); "trẻ em" says whom for, as "cho con"
// does. Where a guide's name holds it ("thẻ bhyt trẻ em"), it is kept.
func TestChildIsWhomFor(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"hộ chiếu trẻ em", "ho-chieu"},
		{"ho chieu tre em", "ho-chieu"},
		{"hộ chiếu cho trẻ em", "ho-chieu"},
		{"ho chieu cho tre em", "ho-chieu"},
		{"ho chieu tre em duoi 14 tuoi", "ho-chieu"},
		{"làm hộ chiếu cho con dưới 14 tuổi", "ho-chieu"},
		{"căn cước 25 tuổi", "the-can-cuoc"},
		{"cách làm căn cước 25 tuổi", "the-can-cuoc"},
		{"passport for a child", "ho-chieu"},
		{"thẻ bhyt trẻ em", "khai-sinh"},
		{"cho hỏi thẻ bhyt trẻ em", "khai-sinh"},
		{"the bhyt tre em cho con", "khai-sinh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}
