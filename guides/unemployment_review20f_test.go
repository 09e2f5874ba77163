package guides

import (
	"slices"
	"testing"
)

// Review 20f: claiming unemployment benefit (tro-cap-that-nghiep) is a new
// guide. What volunteers type for it – the benefit's name, the insurance's
// name, the abbreviations, "mất việc", "nghỉ việc", "thất nghiệp" – with and
// without tone marks, finds it first.
func TestUnemploymentBenefitFoundByVolunteersWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"trợ cấp thất nghiệp", "tro cap that nghiep", "trocapthatnghiep",
		"hưởng trợ cấp thất nghiệp", "nhận trợ cấp thất nghiệp", "làm trợ cấp thất nghiệp",
		"trợ cấp thất nghiệp online", "tro cap that ngiep",
		"bảo hiểm thất nghiệp", "bao hiem that nghiep", "hưởng bảo hiểm thất nghiệp",
		"lãnh bảo hiểm thất nghiệp", "bhtn", "tctn",
		"thất nghiệp", "that nghiep",
		"mất việc", "mat viec", "mất việc làm", "nghỉ việc", "nghi viec", "bị cho nghỉ việc",
		"chấm dứt hợp đồng lao động", "trung tâm dịch vụ việc làm",
		"unemployment benefit", "unemployment insurance", "lost my job",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "tro-cap-that-nghiep" {
			t.Errorf("Search(%q) = %v, want tro-cap-that-nghiep first", q, got)
		}
	}
}

// The new guide's words ("bảo hiểm", "đăng ký", "hộ", "hồ sơ") are also
// other guides' words. Their own queries still put their own guide first,
// and do not list the new guide.
func TestUnemploymentBenefitStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query, want string
		listed      bool // the new guide may be listed after it
	}{
		{"gia hạn bhyt", "bhyt-ho-gia-dinh", false},
		{"gia han bhyt", "bhyt-ho-gia-dinh", false},
		{"bhyt hộ gia đình", "bhyt-ho-gia-dinh", false},
		{"bhyt", "bhyt-ho-gia-dinh", false},
		{"bảo hiểm y tế", "bhyt-ho-gia-dinh", false},
		{"thẻ bhyt", "bhyt-ho-gia-dinh", false},
		{"vssid", "bhyt-ho-gia-dinh", false},
		// "bảo hiểm" alone is both insurances: health insurance first,
		// unemployment insurance may follow.
		{"bảo hiểm", "bhyt-ho-gia-dinh", true},
		{"bao hiem", "bhyt-ho-gia-dinh", true},
		{"đăng ký hộ kinh doanh", "dang-ky-ho-kinh-doanh", false},
		{"hộ kinh doanh", "dang-ky-ho-kinh-doanh", false},
		{"khai sinh", "khai-sinh", false},
		{"đăng ký khai sinh", "khai-sinh", false},
		{"khai tử", "khai-tu", false},
		{"đăng ký kết hôn", "ket-hon", false},
		{"lý lịch tư pháp", "ly-lich-tu-phap", false},
		{"hộ chiếu", "ho-chieu", false},
		{"đăng ký tạm trú", "tam-tru", false},
		{"thường trú", "thuong-tru", false},
		{"tạm vắng", "khai-bao-tam-vang", false},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !tt.listed && slices.Contains(got, "tro-cap-that-nghiep") {
			t.Errorf("Search(%q) = %v lists tro-cap-that-nghiep", tt.query, got)
		}
	}
}

// The guide is a dossier filed online, listed under insurance beside the
// health-insurance guide, with the resident's submission step marked, no
// payment counted, not marked essential (no opened source lists it under
// Directive 24/CT-TTg), and no decision date invented: processing_days is
// 0 because no opened source gives Decree 374/2025's time limit.
func TestUnemploymentBenefitGuideShape(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("tro-cap-that-nghiep")
	if !ok {
		t.Fatal("no guide tro-cap-that-nghiep")
	}
	if g.Kind != KindDossier || g.Category != "insurance" || g.ProcessingDays != 0 {
		t.Errorf("kind %q, category %q, %d days; want dossier, insurance, 0", g.Kind, g.Category, g.ProcessingDays)
	}
	if !slices.ContainsFunc(c.InCategory("insurance"), func(o *Guide) bool { return o.ID == "bhyt-ho-gia-dinh" }) ||
		!slices.ContainsFunc(c.InCategory("insurance"), func(o *Guide) bool { return o.ID == g.ID }) {
		t.Error("category insurance does not list both bhyt-ho-gia-dinh and tro-cap-that-nghiep")
	}
	submits := 0
	for _, s := range g.Steps {
		if s.Submits {
			submits++
		}
	}
	if submits != 1 {
		t.Errorf("%d steps submit, want 1", submits)
	}
	if g.Essential {
		t.Error("marked essential, though no opened source lists it under Directive 24/CT-TTg")
	}
	// No payment step, but no source says it never carries a fee: not
	// fee_free, so its outcome screen offers "paid online", and such a
	// case counts toward payment_online (TestADossierPaidOnlineCountsAsPaidOnline).
	if g.FeeFree || !slices.Contains(g.Counts, "payment_online") {
		t.Error("fee_free, or a dossier offered \"paid online\" that does not count toward payment_online")
	}
	if g.Unconfirmed["processing"] == "" {
		t.Error("the decision's time limit is not marked unconfirmed")
	}
}
