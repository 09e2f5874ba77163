package guides

import "testing"

// Review 35b: "thue" typed without marks is "thuê" (rent) as often as
// "thuế" (tax), and was always read as rent: "đóng thuế", "mã số thuế",
// "thuế đất" typed plainly said to type fewer words, "đăng ký thuế",
// "khai thuế", "hoàn thuế" listed the temporary residence. A tax's words
// around it ("đóng", "nộp", "mã số", "khai", "hoàn", "quyết toán",
// "đăng ký" before; "đất", "thu nhập", "TNCN", "GTGT", "môn bài",
// "trước bạ" after) make it a tax, which no guide covers, as "thuế"
// typed with its mark is; a renting word around it ("nhà", "trọ",
// "phòng", "cho thuê", "người thuê") keeps it rent.
func TestReview35bPlainTaxIsTax(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"dong thue", "nop thue", "ma so thue", "MA SO THUE", "thue dat", "thue nha dat", "khai thue",
		"khai bao thue", "khai báo thuế", "kê khai thuế", "hoan thue", "dang ky thue", "dang ki thue", "quyet toan thue", "thue thu nhap ca nhan", "thue tncn",
		"thue GTGT", "thue mon bai", "no thue", "cap ma so thue"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) || c.TaxToo(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v, TaxToo %v: a tax, which no guide covers", q, got, c.NoGuide(q), c.TaxToo(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"thue nha", "tam-tru"}, {"thue tro", "tam-tru"}, {"cho thue nha", "tam-tru"}, {"nguoi thue nha", "tam-tru"},
		{"tam tru thue nha", "tam-tru"}, {"nha thue", "tam-tru"}, {"thuê", "tam-tru"}, {"thuê nhà", "tam-tru"},
		{"dang ky tam tru cho nguoi thue", "tam-tru"},
		{"dang ky thue ho kinh doanh", "dang-ky-ho-kinh-doanh"}, {"ho kinh doanh dong thue", "dang-ky-ho-kinh-doanh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) || c.TaxToo(tt.query) {
			t.Errorf("Search(%q) = %v, NoGuide %v, TaxToo %v, want %s first and no word of a tax",
				tt.query, got, c.NoGuide(tt.query), c.TaxToo(tt.query), tt.first)
		}
	}
}

// Review 35b: "thue" alone, typed without marks (or with words only
// typed around a procedure's name), is rent or tax: the temporary
// residence is still found (renting is what a help point hears most),
// and TaxToo says the volunteer is to be told that no guide covers a tax.
// With a mark, the word says which: "thuê" is rent, "thuế" a tax.
func TestReview35bPlainThueAloneIsRentOrTax(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"thue", "Thue", "THUE", "thue?", "thủ tục thue", "huong dan thue"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "tam-tru" || !c.TaxToo(q) {
			t.Errorf("Search(%q) = %v, TaxToo %v: want the temporary residence and a word that no guide covers a tax", q, got, c.TaxToo(q))
		}
	}
	for _, q := range []string{"thuê", "thuế", "thue nha", "dong thue", "khai sinh", "tam tru"} {
		if c.TaxToo(q) {
			t.Errorf("TaxToo(%q): the words say which it is", q)
		}
	}
}
