package guides

import (
	"slices"
	"testing"
)

// Review 31, leftover 2: a search of words typed around a procedure's
// name and nothing else listed the guides those words look like: "là gì"
// twelve, "thủ tục là gì" the same twelve, "cách làm" the health
// insurance card and the passport, "trên dịch vụ công" all twenty-three,
// "trực tuyến" seven, "online" thirteen. Such a search names no
// procedure: it finds nothing, and the volunteer is asked which
// (OnlyFillers), as for a place alone.
func TestReview31DFillersAloneFindNothing(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"là gì", "thủ tục", "làm sao", "hướng dẫn", "thủ tục là gì", "làm thế nào",
		"cách làm", "hướng dẫn thủ tục", "thủ tục gì", "là cái gì", "nộp hồ sơ", "nộp hồ sơ trực tuyến", "cho em hỏi thủ tục",
		"how to", "làm gì", "phải làm gì", "xin"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.OnlyFillers(q) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v, want nothing: no procedure named", q, got, c.OnlyFillers(q))
		}
	}
	// The portal's name, whole or in part, is the guide to log in to it
	// (named "dịch vụ công trực tuyến", fillers only), not every guide
	// whose name holds "dịch vụ công" or "online".
	for _, q := range []string{"dịch vụ công", "dvc", "trên dịch vụ công", "trực tuyến", "online"} {
		if got := searchIDs(c, q); len(got) == 0 || len(got) > clearly || !slices.Contains(got, "dang-nhap-vneid") {
			t.Errorf("Search(%q) = %v, want the portal's login among a few", q, got)
		}
	}
	// Typed without marks, "la gi" is La Gi, a place alone: asked too.
	if got := searchIDs(c, "la gi"); len(got) > 0 || !c.OnlyPlace("la gi") {
		t.Errorf("Search(\"la gi\") = %v, OnlyPlace %v", got, c.OnlyPlace("la gi"))
	}
	// A question of a fee, a time or papers is AsksOfNoProcedure's, not this.
	for _, q := range []string{"cần gì", "bao nhiêu tiền", "mất bao lâu"} {
		if c.OnlyFillers(q) || !c.AsksOfNoProcedure(q) {
			t.Errorf("%q: OnlyFillers %v, AsksOfNoProcedure %v, want a question of no procedure", q, c.OnlyFillers(q), c.AsksOfNoProcedure(q))
		}
	}
	// With a procedure's name the fillers are dropped, as before; a phrase
	// of a few guides' names is theirs ("lệ phí", "nộp phí": paying fees
	// online); a lost paper, a person, a place are not fillers only.
	for _, tt := range []struct{ query, as string }{
		{"thủ tục khai sinh", "khai sinh"}, {"hướng dẫn tạm trú online", "tạm trú"}, {"cách làm hộ chiếu", "hộ chiếu"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) || c.OnlyFillers(tt.query) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	for _, q := range []string{"lệ phí", "nộp phí", "fee", "lost", "giấy tờ"} {
		if len(searchIDs(c, q)) == 0 || c.OnlyFillers(q) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v, want what it found before", q, searchIDs(c, q), c.OnlyFillers(q))
		}
	}
	for _, q := range []string{"Bình Thạnh", "ở đâu Bình Thạnh", "Láng ở đâu", "khai sinh", "dạ", ""} {
		if c.OnlyFillers(q) {
			t.Errorf("OnlyFillers(%q)", q)
		}
	}
}
