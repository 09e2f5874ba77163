package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 34B: vaccination ("tiêm chủng", "tiêm phòng", "vaccine") is no
// guide's, but "tiêm chủng" found the household business by its alias
// "mở tiệm" ("tiem", folded, and "chung"). It finds nothing and the
// volunteer is told no guide covers it; a shop ("mở tiệm tạp hoá") is
// still the household business, a birth asked "để tiêm chủng" the birth
// registration.
func TestReview34BVaccinationIsNoGuides(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"tiêm chủng", "tiem chung", "tiêm phòng", "sổ tiêm chủng", "tiêm chủng cho bé", "tiêm vắc xin",
		"vaccine", "vaccination", "lịch tiêm chủng"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers vaccination", q, got, c.NoGuide(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"mở tiệm tạp hoá", "dang-ky-ho-kinh-doanh"}, {"mở tiệm", "dang-ky-ho-kinh-doanh"},
		{"khai sinh cho con để tiêm chủng", "khai-sinh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) {
			t.Errorf("Search(%q) = %v, NoGuide %v, want %s first", tt.query, got, c.NoGuide(tt.query), tt.first)
		}
	}
}

// Review 34B: "thuế" (tax) found the temporary residence, whose names
// hold "thuê" (rent: "thuê trọ") — one word once folded. A tax is no
// guide's: typed with its mark it finds nothing and the volunteer is told
// so; renting ("thuê trọ", "tạm trú nhà thuê") is still the temporary
// residence, a household business's tax registration its guide.
func TestReview34BTaxIsNoRent(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"thuế", "Thuế", "nộp thuế", "đóng thuế", "thuế đất", "thuế thu nhập cá nhân", "tax", "pay tax"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers a tax", q, got, c.NoGuide(q))
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"thuê trọ", "tam-tru"}, {"tạm trú nhà thuê", "tam-tru"}, {"thue tro", "tam-tru"},
		{"đăng ký thuế hộ kinh doanh", "dang-ky-ho-kinh-doanh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) {
			t.Errorf("Search(%q) = %v, NoGuide %v, want %s first", tt.query, got, c.NoGuide(tt.query), tt.first)
		}
	}
}

// Review 34B: "bảo hiểm xã hội" (social insurance) was searched without
// "xã hội", read as a commune ("xã" and a name), and listed the five
// guides naming "bảo hiểm" — the household health insurance first —,
// "trợ cấp xã hội" the unemployment benefit, "mạng xã hội" eighteen
// guides. Social insurance (its
// voluntary enrolment, its one-time withdrawal) and the social allowance
// are no guide's: they find nothing and the volunteer is told so. With a
// procedure a guide covers ("sổ bảo hiểm xã hội để lãnh trợ cấp thất
// nghiệp") that guide is found; a commune named "Hội …" is still a place.
func TestReview34BSocialInsuranceIsNoCommune(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"bảo hiểm xã hội", "bao hiem xa hoi", "BHXH", "bảo hiểm xã hội tự nguyện", "rút bảo hiểm xã hội một lần",
		"trợ cấp xã hội"} {
		if got := searchIDs(c, q); len(got) > 0 || !c.NoGuide(q) {
			t.Errorf("Search(%q) = %v, NoGuide %v: no guide covers social insurance", q, got, c.NoGuide(q))
		}
	}
	// "Xã hội" is no commune: "mạng xã hội" (a social network) listed
	// eighteen guides by "mạng", "tài khoản mạng xã hội" the account guides.
	for _, q := range []string{"mạng xã hội", "tài khoản mạng xã hội"} {
		if got := searchIDs(c, q); len(got) > 0 {
			t.Errorf("Search(%q) = %v, want nothing: no guide covers it", q, got)
		}
	}
	for _, tt := range []struct{ query, first string }{
		{"sổ bảo hiểm xã hội để lãnh trợ cấp thất nghiệp", "tro-cap-that-nghiep"}, {"tạm trú xã Hội Xuân", "tam-tru"},
		{"thẻ bảo hiểm y tế", "bhyt-ho-gia-dinh"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.first || c.NoGuide(tt.query) {
			t.Errorf("Search(%q) = %v, NoGuide %v, want %s first", tt.query, got, c.NoGuide(tt.query), tt.first)
		}
	}
}

// Review 34B: "căn cước" alone listed the certified copy second, by its
// alias "sao y căn cước": a copy of the card is another procedure, asked
// with its copy's words. The ID card's guide answers alone; "sao y căn
// cước" is still the certified copy.
func TestReview34BIDCardAlone(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"căn cước", "can cuoc", "làm căn cước"} {
		if got := searchIDs(c, q); !slices.Equal(got, []string{"the-can-cuoc"}) {
			t.Errorf("Search(%q) = %v, want the ID card alone", q, got)
		}
	}
	for _, q := range []string{"sao y căn cước", "sao y can cuoc"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "chung-thuc" {
			t.Errorf("Search(%q) = %v, want chung-thuc first", q, got)
		}
	}
}

// Review 34B: several papers lost in one message ("mất căn cước, bằng lái
// và thẻ bảo hiểm") found the ID card's guide alone. Each paper lost that
// a guide covers is listed, in the order typed, each as it would be alone.
func TestReview34BSeveralPapersLost(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		alone []string
	}{
		{"mất căn cước, bằng lái và thẻ bảo hiểm", []string{"mất căn cước", "mất bằng lái", "mất thẻ bảo hiểm"}},
		{"mat can cuoc, bang lai va the bhyt", []string{"mat can cuoc", "mat bang lai", "mat the bhyt"}},
		{"bà bị mất hộ chiếu và căn cước", []string{"bị mất hộ chiếu", "bị mất căn cước"}},
		{"làm lại căn cước với bằng lái", []string{"làm lại căn cước", "làm lại bằng lái"}},
	} {
		var want []string
		for _, q := range tt.alone {
			found := searchIDs(c, q)
			if len(found) == 0 {
				t.Fatalf("Search(%q) found nothing", q)
			}
			for _, id := range found {
				if !slices.Contains(want, id) {
					want = append(want, id)
				}
			}
		}
		if got := searchIDs(c, tt.query); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, want)
		}
	}
	// A paper no guide covers the loss of leaves the others.
	if got := searchIDs(c, "mất căn cước và sổ đỏ"); !slices.Equal(got, searchIDs(c, "mất căn cước")) {
		t.Errorf("Search(%q) = %v, want %v", "mất căn cước và sổ đỏ", got, searchIDs(c, "mất căn cước"))
	}
}

// Review 34B: "copy certification" found nothing, while "certified copy"
// finds the certified copy: English words of one family ("certify",
// "certified", "certification") are read as one.
func TestReview34BCopyCertification(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"copy certification", "certification of copies", "certify a copy", "certify copy online"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "chung-thuc" {
			t.Errorf("Search(%q) = %v, want chung-thuc first", q, got)
		}
	}
}

// Review 34B: the one-stop counter writes tạm trú "ttru": it found the
// traffic fine (a look-alike of "truy"). It is read as "tạm trú".
func TestReview34BTtruShorthand(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, as string }{
		{"ttru", "tạm trú"}, {"TTRU", "tạm trú"}, {"dk ttru", "đăng ký tạm trú"}, {"gia hạn ttru", "gia hạn tạm trú"},
	} {
		if got, want := searchIDs(c, tt.query), searchIDs(c, tt.as); len(want) == 0 || want[0] != "tam-tru" || !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v as for %q", tt.query, got, want, tt.as)
		}
	}
}

// Review 34B: a newborn's personal ID number ("số định danh cho trẻ sơ
// sinh") is set up by the birth registration (Decree 70/2024/NĐ-CP Art.
// 11(2), khai-sinh's sources), but it found the VNeID level-2 guide, "mã
// định danh cho trẻ sơ sinh" the portal login and the vehicle
// registration, "số định danh cá nhân cho trẻ sơ sinh" nothing. They find
// the birth registration, whose results say so; a child's number asked
// without a newborn ("số định danh cho trẻ") and a newborn's electronic
// identity ("định danh cho trẻ sơ sinh") are still VNeID's (review 33B).
func TestReview34BNewbornsIDNumber(t *testing.T) {
	c := shippedCatalog(t)
	g, _ := c.Guide("khai-sinh")
	sourced := slices.ContainsFunc(g.Sources, func(s Source) bool {
		return strings.Contains(s.Title, "70/2024") && strings.Contains(s.Title, "Art. 11") && s.Opened != "" && s.Date != ""
	})
	if !strings.Contains(g.Tracking.Vi, "số định danh cá nhân") || !strings.Contains(g.Tracking.En, "personal ID number") || !sourced {
		t.Errorf("khai-sinh: tracking %q / %q, sourced %v: want the newborn's personal ID number said, with its source",
			g.Tracking.Vi, g.Tracking.En, sourced)
	}
	for _, q := range []string{"số định danh cho trẻ sơ sinh", "so dinh danh cho tre so sinh", "cấp số định danh cho trẻ sơ sinh",
		"số định danh cho con mới sinh", "mã định danh cho trẻ sơ sinh", "số định danh cá nhân cho trẻ sơ sinh",
		"số định danh trẻ sơ sinh", "xin số định danh cho con mới đẻ"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "khai-sinh" {
			t.Errorf("Search(%q) = %v, want khai-sinh first", q, got)
		}
	}
	for _, q := range []string{"số định danh cho trẻ", "định danh cho trẻ sơ sinh", "so dinh danh cho con"} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "vneid-muc-2" {
			t.Errorf("Search(%q) = %v, want vneid-muc-2 first", q, got)
		}
	}
}
