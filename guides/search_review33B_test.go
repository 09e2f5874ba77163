package guides

import (
	"slices"
	"testing"
)

// Review 33B: "cấp số định danh cho trẻ" — a child's personal ID number,
// typed with or without marks — listed the vehicle registration ("biển
// số định danh", a plate's) and the VNeID password guide by look-alike
// words, while "định danh cho trẻ" and "định danh cho con" found the
// VNeID guide whose steps cover a parent registering a child under 14.
// "Số định danh" of a child is that child's identity, not a plate: it
// finds what "định danh cho trẻ" finds.
func TestReview33BChildsIDNumber(t *testing.T) {
	c := shippedCatalog(t)
	want := searchIDs(c, "định danh cho trẻ")
	if len(want) == 0 || want[0] != "vneid-muc-2" {
		t.Fatalf("Search(%q) = %v, want vneid-muc-2 first", "định danh cho trẻ", want)
	}
	for _, tt := range []struct{ query, as string }{
		{"cap so dinh danh cho tre", "cap dinh danh cho tre"}, {"cấp số định danh cho trẻ", "cấp định danh cho trẻ"},
		{"số định danh cho trẻ", "định danh cho trẻ"}, {"so dinh danh cho con", "dinh danh cho con"},
		{"số định danh cho con", "định danh cho con"},
		// A newborn's ("cấp số định danh cho trẻ sơ sinh") is the birth
		// registration's since review 34B (TestReview34BNewbornsIDNumber).
		{"xin số định danh cho bé", "xin định danh cho bé"}, {"lam so dinh danh cho con", "lam dinh danh cho con"},
	} {
		got, want := searchIDs(c, tt.query), searchIDs(c, tt.as)
		if len(want) == 0 || want[0] != "vneid-muc-2" || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	// A plate's "biển số định danh" is still the vehicle registration.
	for _, q := range []string{"biển số định danh", "bien so dinh danh", "biển số định danh cho con"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "dang-ky-xe" {
			t.Errorf("Search(%q) = %v, want dang-ky-xe first", q, got)
		}
	}
}

// Review 33B: an everyday word typed alone ("đi", "về", "ở", "có", and
// the one-syllable words of the guides' texts no guide's name holds:
// "bong", "cang", "mong", "khan") listed the guides one of whose words it
// looks like or begins ("bong" all twenty-six, by "bóng"… of nothing but
// "bổ"/"bo"-like beginnings). Like "thủ tục" or "tháng" alone it names no
// procedure: the volunteer is asked which.
func TestReview33BEverydayWordAlone(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"cho", "lam", "làm", "di", "đi", "ve", "về", "o", "ở", "co", "có", "va", "và", "vào", "đến",
		"để", "của", "không", "lại", "lấy", "sau", "trước", "dưới", "qua", "nhà", "người", "ăn", "bị", "em", "chị", "cả",
		"đi ạ", "về nhé", "do", "độ", "to", "bong", "cang", "mong", "khan", "nhanh", "giai", "cung", "cũng", "gian", "mang", "dieu"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.OnlyFillers(q) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v: an everyday word alone, which procedure?", q, got, c.OnlyFillers(q))
		}
	}
	// Every one-syllable word of the guides' texts no guide's name holds.
	n := 0
	for w := range c.phrases {
		if len(words(w)) != 1 || !syllable(w) || c.words[w] || numbered(w) || onlySmallTalk([]string{w}, w) ||
			whom[w] != "" || childAlone[w] != "" || c.OnlyPlace(w) {
			continue
		}
		n++
		if got := searchIDs(c, w); len(got) > 0 || !c.OnlyFillers(w) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v: an everyday word alone, which procedure?", w, got, c.OnlyFillers(w))
		}
	}
	if n < 100 {
		t.Errorf("%d everyday words checked, want more", n)
	}
	// A procedure's own word or name alone still finds it; small talk, a
	// person and a place alone are answered as before.
	for _, tt := range []struct{ query, first string }{
		{"VNeID", "vneid-muc-2"}, {"CCCD", "the-can-cuoc"}, {"LLTP", "ly-lich-tu-phap"}, {"khai sinh", "khai-sinh"},
		{"hộ chiếu", "ho-chieu"}, {"passport", "ho-chieu"}, {"cưới", "ket-hon"}, {"phạt", "nop-phat"}, {"bhyt", "bhyt-ho-gia-dinh"},
		{"gplx", "doi-gplx"}, {"KS", "khai-sinh"}, {"CT07", "xac-nhan-cu-tru"}, {"khaisinh", "khai-sinh"}, {"con", "khai-sinh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.OnlyFillers(tt.query) {
			t.Errorf("Search(%q) = %v, OnlyFillers %v, want %s first", tt.query, got, c.OnlyFillers(tt.query), tt.first)
		}
	}
	for _, q := range []string{"dạ", "Huế", "Láng", "Bình Thạnh"} {
		if c.OnlyFillers(q) {
			t.Errorf("OnlyFillers(%q): small talk or a place, answered as such", q)
		}
	}
	for _, q := range []string{"mẹ", "vợ", "con tôi"} {
		if c.ForWhom(q) == "" {
			t.Errorf("ForWhom(%q) = \"\": whom a procedure is for, asked which", q)
		}
	}
}

// Review 33B: Vietnamese typed with the phone's keyboard in plain letters
// leaves telex keys in the words ("khai sinhf", "hooj chieeus", "ddawng
// kys tamj truf"): a tone key (s f r x j) after the syllable, a letter
// doubled for its hat (aa ee oo dd) or w after it for its horn or breve
// (aw ow uw). "hooj chieeus", "cawn cuowcs", "khai tuwr", "xac nhan cuw
// truf" found nothing, "thuongf tru" the birth registration first. A word
// so typed is read as the word of a guide's name it spells.
func TestReview33BTelexLeftovers(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"thuongf tru", "thuong tru"}, {"thuowngf truf", "thuong tru"}, {"ddang kys tam truf", "dang ky tam tru"},
		{"ddawng kys khai sinh", "dang ky khai sinh"}, {"hooj chieeus", "ho chieu"}, {"lamf hooj chieeus", "lam ho chieu"},
		{"cawn cuowcs", "can cuoc"}, {"khai tuwr", "khai tu"}, {"lys lichj tuw phaps", "ly lich tu phap"},
		{"xac nhan cuw truf", "xac nhan cu tru"}, {"ddooir bawngf laix", "doi bang lai"}, {"khai sinhf", "khai sinh"},
		{"ketes hon", "ket hon"}, {"the bhyt bij mat", "the bhyt bi mat"}, {"tamj tru", "tam tru"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	// English is not telex: "fees", "does", "yes" are read as typed.
	for _, tt := range []struct{ query, as string }{{"passport fees", "passport fees"}, {"how much does a passport cost", "passport"}} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
	if len(searchIDs(c, "yes")) > 0 {
		t.Errorf("Search(\"yes\") = %v", searchIDs(c, "yes"))
	}
}

// Review 33B: a visa ("visa", "xin visa", "thị thực") is no guide's — a
// foreign country's mission issues it — but "visa" listed the judicial
// record by a typo of its English alias's "via", "thị thực" the certified
// copy and the VNeID level-2 guide by "thực" (chứng thực, xác thực). It
// finds nothing and is told no guide covers it; with a procedure a guide
// covers ("lý lịch tư pháp để xin visa", "hộ chiếu xin visa") that guide
// is found as before.
func TestReview33BVisaIsNoGuides(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"visa", "Visa", "xin visa", "làm visa", "thị thực", "xin thị thực", "gia hạn visa", "làm visa đi Hàn", "visa nhật"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers a visa", q, got, c.NoGuide(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"lý lịch tư pháp để xin visa", "ly-lich-tu-phap"}, {"lltp xin visa", "ly-lich-tu-phap"},
		{"hộ chiếu để xin visa", "ho-chieu"}, {"ho chieu xin visa", "ho-chieu"}, {"thực hiện chứng thực", "chung-thuc"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) {
			t.Errorf("Search(%q) = %v, NoGuide %v, want %s first", tt.query, got, c.NoGuide(tt.query), tt.first)
		}
	}
}

// Review 33B: the counter's shorthand, as "KS" and "KT" are read since
// review 32D: "ĐKKS" (đăng ký khai sinh) and "ĐKKT" (đăng ký khai tử)
// found the marriage registration ("ĐKKH"'s letters run together), and the
// ID card's everyday old names "chứng minh thư" and "CMT" found the digital
// signature and the certified copy, or nothing, while "CMND" and "chứng
// minh nhân dân" found the ID card guide.
func TestReview33BCounterShorthand(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"ĐKKS", "đăng ký khai sinh"}, {"dkks", "dang ky khai sinh"}, {"đkks cho con", "đăng ký khai sinh cho con"},
		{"ĐKKT", "đăng ký khai tử"}, {"dkkt cho bo", "dang ky khai tu cho bo"},
		{"chứng minh thư", "chứng minh nhân dân"}, {"chung minh thu", "chung minh nhan dan"}, {"CMT", "CMND"},
		{"làm lại chứng minh thư", "làm lại chứng minh nhân dân"}, {"mất cmt", "mất cmnd"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// Review 33B: procedures no guide covers, typed alone, listed guides whose
// words they look like: "ly dị" (divorce) six by "lý" and "đi", "sổ đỏ"
// (the land title) seven, "sổ hồng" the ID card by "hỏng", "nhận cha
// con" (paternity) the ID card and the unemployment benefit, "giám hộ"
// (guardianship) the household health insurance. They find nothing and
// are told no guide covers them; said with a procedure a guide covers
// ("người giám hộ làm căn cước cho trẻ") that guide is found.
func TestReview33BUnguidedAlone(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"ly dị", "ly di", "ly hôn", "thủ tục ly hôn", "divorce", "sổ đỏ", "làm sổ đỏ", "cấp sổ đỏ", "sổ hồng",
		"nhận cha con", "nhận cha cho con", "xác nhận cha con", "giám hộ", "đăng ký giám hộ"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers it", q, got, c.NoGuide(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"người giám hộ làm căn cước cho trẻ", "the-can-cuoc"}, {"khai sinh cho con ngoài giá thú", "khai-sinh"},
		{"chữ ký số hỏng", "chu-ky-so"}, {"số định danh cho trẻ", "vneid-muc-2"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.first)
		}
	}
}

// Review 33B: "đẻ" is how a birth is said at home ("con mới đẻ", "vừa đẻ
// xong"): "con mới đẻ" found the vehicle registration first ("mới": a new
// motorbike), as "mới sinh" finds the birth registration.
func TestReview33BJustGaveBirth(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"con mới đẻ", "con mới sinh"}, {"con moi de", "con moi sinh"}, {"mới đẻ", "mới sinh"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || want[0] != "khai-sinh" || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// Review 33B: the certified copy's guide says not to choose "chứng thực
// chữ ký" (a signature) nor "chứng thực hợp đồng" (a contract): other
// procedures, which no guide covers. Searched, they found that guide
// alone, as if it covered them. They find nothing and are told so; a
// digital signature's certification ("chứng thực chữ ký số") is still the
// digital signature's guide, a copy's the certified copy's.
func TestReview33BSignatureAndContractCertification(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"chứng thực chữ ký", "chung thuc chu ky", "chứng thực hợp đồng", "chứng thực chữ ký trên giấy ủy quyền",
		"chứng thực hợp đồng mua bán nhà"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers it", q, got, c.NoGuide(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"chứng thực chữ ký số", "chu-ky-so"}, {"chứng thực bản sao", "chung-thuc"}, {"chung thuc ban sao hoc ba", "chung-thuc"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.first)
		}
	}
}
