package guides

import (
	"slices"
	"testing"
)

// Review 20d: household business registration (dang-ky-ho-kinh-doanh) is a
// new guide. What volunteers type for it – the procedure's name, "đăng ký
// kinh doanh", "giấy phép kinh doanh" (the old word for the certificate),
// "mở quán" – with and without tone marks, finds it first.
func TestHouseholdBusinessFoundByVolunteersWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"hộ kinh doanh", "ho kinh doanh", "hokinhdoanh",
		"đăng ký hộ kinh doanh", "dang ky ho kinh doanh", "đăng kí hộ kinh doanh",
		"đăng ký kinh doanh", "dang ky kinh doanh", "đăng ký kinh doanh online",
		"thành lập hộ kinh doanh", "hộ kinh doanh cá thể",
		"giấy phép kinh doanh", "giay phep kinh doanh", "xin giấy phép kinh doanh",
		"làm giấy phép kinh doanh",
		"mở quán", "mo quan", "mở quán ăn", "mo quan an", "mở quán cà phê",
		"mở cửa hàng", "mở tiệm tạp hoá", "thủ tục mở quán",
		"household business", "register a small business", "business licence",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "dang-ky-ho-kinh-doanh" {
			t.Errorf("Search(%q) = %v, want dang-ky-ho-kinh-doanh first", q, got)
		}
	}
}

// The new guide's words ("đăng ký", "hộ", "giấy phép", "mở", "hộ gia
// đình") are also other guides' words. Their own queries still put their
// own guide first, and most do not list the new guide at all.
func TestHouseholdBusinessStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query, want string
		listed      bool // the new guide may be listed after it
	}{
		{"đăng ký xe", "dang-ky-xe", false},
		{"dang ky xe", "dang-ky-xe", false},
		{"đăng ký xe máy", "dang-ky-xe", false},
		{"đăng ký xe máy tại cửa hàng", "dang-ky-xe", false},
		{"hộ khẩu", "thuong-tru", false},
		{"ho khau", "thuong-tru", false},
		{"nhập hộ khẩu", "thuong-tru", false},
		{"thường trú", "thuong-tru", false},
		{"thuong tru", "thuong-tru", false},
		{"đăng ký thường trú", "thuong-tru", false},
		{"đăng ký tạm trú", "tam-tru", false},
		{"hộ chiếu", "ho-chieu", false},
		{"hộ tịch", "trich-luc-ho-tich", false},
		{"đăng ký khai sinh", "khai-sinh", false},
		{"đăng ký kết hôn", "ket-hon", false},
		{"chữ ký số", "chu-ky-so", false},
		{"đăng ký chữ ký số", "chu-ky-so", false},
		{"mở tài khoản", "tai-khoan-thanh-toan", false},
		{"mo tai khoan", "tai-khoan-thanh-toan", false},
		{"giấy phép lái xe", "doi-gplx", false},
		{"giay phep lai xe", "doi-gplx", false},
		{"đổi giấy phép", "doi-gplx", false},
		{"driving licence", "doi-gplx", false},
		{"bhyt hộ gia đình", "bhyt-ho-gia-dinh", false},
		{"bảo hiểm hộ gia đình", "bhyt-ho-gia-dinh", false},
		// "đăng ký kinh doanh hộ gia đình" is what some call the new
		// procedure: listed, after the health-insurance guide.
		{"hộ gia đình", "bhyt-ho-gia-dinh", true},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !tt.listed && slices.Contains(got, "dang-ky-ho-kinh-doanh") {
			t.Errorf("Search(%q) = %v lists dang-ky-ho-kinh-doanh", tt.query, got)
		}
	}
}

// The guide is a dossier filed online on the national portal, handled by
// the commune within 3 working days (Decree 168/2025/NĐ-CP Art. 99), listed
// under its own category, with the resident's submission step marked.
func TestHouseholdBusinessGuideShape(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("dang-ky-ho-kinh-doanh")
	if !ok {
		t.Fatal("no guide dang-ky-ho-kinh-doanh")
	}
	if g.Kind != KindDossier || g.Category != "business" || g.ProcessingDays != 3 {
		t.Errorf("kind %q, category %q, %d days; want dossier, business, 3", g.Kind, g.Category, g.ProcessingDays)
	}
	if got := c.InCategory("business"); len(got) != 1 || got[0].ID != g.ID {
		t.Errorf("category business lists %d guides, want only dang-ky-ho-kinh-doanh", len(got))
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
}
