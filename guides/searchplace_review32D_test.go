package guides

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dvcbot/dvcbot/vntext"
)

// Review 32D. A unit's name the search cuts from a query is where, not
// what; but many names are also everyday words, and volunteers type them
// in a query, mostly without marks: "tháng" (Thắng), "hiệu" (Hiếu), "đủ"
// (Đu), "thành công" (Phường Thành Công), "đồng ý", "từ đủ 14 tuổi" (Tự
// Du). And a name of one word typed after a procedure, "khai sinh Láng",
// was searched as a word, not cut.

// guideTexts are the guides' Vietnamese texts a volunteer reads
// (Guide.viTexts).
func guideTexts(c *Catalog) []string {
	var out []string
	for _, g := range c.All() {
		out = append(out, g.viTexts()...)
	}
	return out
}

// textWords are the words of the guides' texts as written, lower case,
// in no proper name (not capitalised in the middle of a sentence).
func textWords(c *Catalog) map[string]bool {
	out := map[string]bool{}
	for _, s := range guideTexts(c) {
		for _, w := range strings.FieldsFunc(vntext.NFC(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if strings.ToLower(w) == w {
				out[w] = true
			}
		}
	}
	return out
}

func TestReview32DOneWordPlaceAfterProcedureIsCut(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"khai sinh Láng", "khai sinh"}, {"khai sinh láng", "khai sinh"}, {"Láng khai sinh", "khai sinh"},
		{"đăng ký tạm trú Láng", "đăng ký tạm trú"}, {"làm hộ chiếu ở Vinh", "làm hộ chiếu"}, {"hộ chiếu Vinh", "hộ chiếu"},
		{"khai tử Huế", "khai tử"}, {"cấp lại cccd Huế", "cấp lại cccd"}, {"trích lục khai sinh Láng", "trích lục khai sinh"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	// Every unit's name of one word, typed as written with its marks,
	// after a procedure, unless the guides write that word themselves
	// ("Hồ": hồ sơ; "Tư": tư pháp).
	common := textWords(c)
	want := searchIDs(c, "khai sinh")
	n := 0
	for _, name := range oneWordNames(t) {
		if vntext.Fold(name) == strings.ToLower(name) || common[strings.ToLower(name)] {
			continue
		}
		n++
		if q := "khai sinh " + name; !slices.Equal(searchIDs(c, q), want) {
			t.Errorf("Search(%q) = %v, want %v as for khai sinh", q, searchIDs(c, q), want)
		}
	}
	if n < 25 {
		t.Errorf("%d names of one word with marks checked, want more", n)
	}
}

func TestReview32DEverydayWordsAreNoPlace(t *testing.T) {
	c := shippedCatalog(t)
	// Every word of the guides' texts, typed without marks, that is a
	// unit's name of one word: alone it is no place; read as a word.
	common := textWords(c)
	folded := map[string]bool{}
	for w := range common {
		for _, f := range words(w) {
			if syllable(f) {
				folded[f] = true
			}
		}
	}
	names, _ := placeNames()
	checked := 0
	for key := range names {
		if strings.Contains(key, " ") || !folded[key] {
			continue
		}
		checked++
		if c.OnlyPlace(key) {
			t.Errorf("OnlyPlace(%q): a word of the guides typed without marks", key)
		}
	}
	if checked < 20 {
		t.Errorf("%d words checked, want more", checked)
	}
	// A word of the guides typed with marks that fit a unit's name but
	// are not its own: "tháng" is no Thắng.
	for _, q := range []string{"tháng", "Tháng", "thang", "hieu", "hiệu", "du", "que"} {
		if c.OnlyPlace(q) {
			t.Errorf("OnlyPlace(%q): no place", q)
		}
	}
	// The phrases of the guides' texts that are a unit's name of two words
	// or three, typed lower case as the guides write them, with or without
	// marks, are kept in a query: "thanh toán không thành công" found the
	// payment account guide alone.
	for _, tt := range []struct{ query, first string }{
		{"thanh toán không thành công", "thanh-toan"}, {"thanh toan khong thanh cong", "thanh-toan"},
		{"THANH TOAN KHONG THANH CONG", "thanh-toan"}, {"Thanh Toán Không Thành Công", "thanh-toan"},
		{"giay phep lai xe het hieu luc", "doi-gplx"}, {"giấy phép lái xe hết hiệu lực", "doi-gplx"},
		{"dang ky khai sinh cho be 2 thang", "khai-sinh"}, {"đăng ký khai sinh cho bé 2 tháng", "khai-sinh"},
		{"lam cccd cho con tu du 14 tuoi", "the-can-cuoc"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.first)
		}
	}
	for _, q := range []string{"thanh toán không thành công", "thanh toan khong thanh cong", "đồng ý", "dong y",
		"lam cccd cho con tu du 14 tuoi", "ma da het han", "mã đã hết hạn", "thang nay", "tháng này"} {
		if rest, cut := c.placesCut(q); cut {
			t.Errorf("placesCut(%q) = %v: everyday words, no place", q, rest)
		}
	}
	// Real places, with or without marks, still cut.
	for _, tt := range []struct{ query, as string }{
		{"tạm trú Bình Thạnh", "tạm trú"}, {"tam tru binh thanh", "tam tru"}, {"khai sinh Ba Đình", "khai sinh"},
		{"khai sinh ba dinh", "khai sinh"}, {"thanh toán phường Thành Công", "thanh toán"},
		{"thanh toán ở Thành Công", "thanh toán"}, {"tạm trú Thành Công", "tạm trú"}, {"khai sinh Gò Vấp", "khai sinh"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	for _, q := range []string{"Láng", "lang", "Huế", "hue", "Vinh", "hcm", "Bình Thạnh", "binh thanh", "Thành Công", "phường Thành Công"} {
		if !c.OnlyPlace(q) {
			t.Errorf("OnlyPlace(%q) false: a place alone", q)
		}
	}
}

// An everyday word of the guides' texts typed alone ("thang", "tháng",
// "hieu"), no longer read as a place, names no procedure either: it listed
// every guide one of whose words it looks like ("thang" eleven: "thanh",
// "thẻ", …; "hieu" four). It is asked which procedure, as "thủ tục" is.
func TestReview32DEverydayWordAloneNamesNoProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"thang", "tháng", "Tháng", "hieu", "du", "goi", "nua", "que", "tháng nhé"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.OnlyFillers(q) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v: an everyday word alone, which procedure?", q, got, c.OnlyFillers(q))
		}
	}
	// Every such word that is a unit's name of one word: a syllable of the
	// guides' texts, without marks, no word of a guide's name.
	names, _ := placeNames()
	seen := map[string]bool{}
	for w := range textWords(c) {
		for _, f := range words(w) {
			if len(names[f]) == 0 || !syllable(f) || c.words[f] || numbered(f) || seen[f] {
				continue
			}
			seen[f] = true
			if got := searchIDs(c, f); len(got) > 0 || c.OnlyPlace(f) || !c.OnlyFillers(f) {
				t.Errorf("Search(%q) = %v, OnlyPlace %v, OnlyFillers %v: an everyday word alone, which procedure?", f, got, c.OnlyPlace(f), c.OnlyFillers(f))
			}
		}
	}
	if len(seen) < 5 {
		t.Errorf("%d everyday words checked, want more", len(seen))
	}
	// A guide's own word alone, or a typo of one, still finds it.
	for _, tt := range []struct{ query, first string }{{"passport", "ho-chieu"}, {"cccd", "the-can-cuoc"}, {"khaisinh", "khai-sinh"}, {"kết hôn", "ket-hon"}} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.first)
		}
	}
}
