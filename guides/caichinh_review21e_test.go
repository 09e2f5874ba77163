package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 21e: changing, correcting and adding civil-status details
// (thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc) is
// a new guide. What volunteers type for it – a wrong letter in a name, a
// wrong date of birth, a missing field, the procedure's own words – with
// and without tone marks, and in English, finds it first.
func TestCivilStatusCorrectionFoundByVolunteersWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"cải chính", "cai chinh", "cải chính hộ tịch", "cai chinh ho tich",
		"thay đổi hộ tịch", "thay đổi cải chính hộ tịch", "bổ sung hộ tịch", "bo sung ho tich",
		"bổ sung thông tin hộ tịch", "thay đổi, cải chính, bổ sung thông tin hộ tịch",
		"xác định lại dân tộc", "xac dinh lai dan toc", "đổi dân tộc",
		"sửa tên khai sinh", "sua ten khai sinh", "sai tên giấy khai sinh", "sai ten giay khai sinh",
		"sửa tên", "sai tên", "đổi tên", "thay đổi họ tên",
		"sai ngày sinh", "sửa ngày sinh", "sửa giấy khai sinh", "cải chính giấy khai sinh",
		"correct birth certificate", "civil status correction", "change of name",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "cai-chinh-ho-tich" {
			t.Errorf("Search(%q) = %v, want cai-chinh-ho-tich first", q, got)
		}
	}
}

// Its words ("khai sinh" in what is typed, "hộ tịch", "trích lục",
// "thay đổi") are other guides' words too: their own queries still put
// their own guide first, and "khai sinh" still finds birth registration
// alone (TestSearch).
func TestCivilStatusCorrectionStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query, want string
		listed      bool // the new guide may be listed after it
	}{
		{"khai sinh", "khai-sinh", false},
		{"khai sinh mất mấy ngày", "khai-sinh", false},
		{"đăng ký khai sinh", "khai-sinh", false},
		{"giấy khai sinh", "khai-sinh", false},
		{"làm giấy khai sinh", "khai-sinh", false},
		{"khai sinh cho con", "khai-sinh", false},
		{"birth registration", "khai-sinh", false},
		{"trích lục hộ tịch", "trich-luc-ho-tich", true},
		{"trích lục khai sinh", "trich-luc-ho-tich", false},
		{"bản sao trích lục", "trich-luc-ho-tich", false},
		{"khai tử", "khai-tu", false},
		{"kết hôn", "ket-hon", false},
		{"giấy kết hôn", "ket-hon", false},
		{"xác nhận tình trạng hôn nhân", "xac-nhan-hon-nhan", false},
		{"đổi bằng lái", "doi-gplx", false},
		{"cấp đổi căn cước", "the-can-cuoc", false},
		{"đổi hộ chiếu", "ho-chieu", false},
		{"xác nhận cư trú", "xac-nhan-cu-tru", false},
		{"chứng thực bản sao", "chung-thuc", false},
		{"tờ khai CT01", "tam-tru", false},
		{"tờ khai", "tam-tru", false},
		{"khai báo tạm vắng", "khai-bao-tam-vang", false},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !tt.listed && slices.Contains(got, "cai-chinh-ho-tich") {
			t.Errorf("Search(%q) = %v lists cai-chinh-ho-tich", tt.query, got)
		}
	}
}

// The guide is a commune dossier filed on the national portal, partial: the
// resident still signs the civil-status register in person (Law on Civil
// Status Art. 28; Decree 87/2020/NĐ-CP). Since 2025-07-01 the commune
// handles what the district did (Decree 120/2025/NĐ-CP Art. 4), so nothing
// in it sends the resident to a district. 3 working days (Art. 28) is the
// follow-up date; the fee is the province's.
func TestCivilStatusCorrectionFacts(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("cai-chinh-ho-tich")
	if !ok {
		t.Fatal("no guide cai-chinh-ho-tich")
	}
	if g.Kind != "dossier" || g.Category != "civil" || g.Mode != ModePartial || g.Channel() != ChannelWeb || g.VNeIDLevel != 2 {
		t.Errorf("kind/category/mode/channel/level = %s/%s/%s/%s/%d", g.Kind, g.Category, g.Mode, g.Channel(), g.VNeIDLevel)
	}
	if g.ProcessingDays != 3 || g.FeeFree || g.Essential {
		t.Errorf("processing_days %d, fee_free %v, essential %v: want 3, false, false", g.ProcessingDays, g.FeeFree, g.Essential)
	}
	if !slices.Equal(g.Counts, []string{"dossier_online", "payment_online"}) {
		t.Errorf("counts %v", g.Counts)
	}
	for _, want := range []string{"3 ngày làm việc", "Điều 28", "ngay", "Điều 29"} {
		if !strings.Contains(g.Processing.Vi, want) {
			t.Errorf("processing %q lacks %q", g.Processing.Vi, want)
		}
	}
	if g.Unconfirmed["fee"] == "" || !strings.Contains(g.Fee.Vi, "tỉnh/thành phố") {
		t.Errorf("fee %q: want the province's fee, unconfirmed", g.Fee.Vi)
	}
	first := g.Steps[0]
	for _, want := range []string{`"← Bước trước"`, `"✕ Không đủ điều kiện"`, `"← Chọn thủ tục khác"`} {
		if !strings.Contains(first.Tip.Vi, want) {
			t.Errorf("first step's tip lacks %s", want)
		}
	}
	var submits []string
	for _, s := range g.Steps {
		if s.Submits {
			submits = append(submits, s.ID)
		}
		for _, lang := range []string{"vi", "en"} {
			for _, text := range []string{s.Text.In(lang), s.Tip.In(lang)} {
				if strings.Contains(strings.ToLower(text), "huyện") || strings.Contains(strings.ToLower(text), "district") {
					t.Errorf("step %s (%s) sends the resident to a district: %q", s.ID, lang, text)
				}
			}
		}
	}
	if len(submits) != 1 || submits[0] != "nop" {
		t.Errorf("submit steps %v, want [nop]", submits)
	}
	last := g.Steps[len(g.Steps)-1]
	for _, want := range []string{"ký", "sổ hộ tịch", "bản chính"} {
		if !strings.Contains(last.Text.Vi, want) {
			t.Errorf("last step %q lacks %q", last.Text.Vi, want)
		}
	}
	if len(g.Sources) > 8 {
		t.Errorf("%d sources: the ℹ screen shows at most 8 whole", len(g.Sources))
	}
	urls := []string{}
	for _, s := range g.Sources {
		urls = append(urls, s.URL)
		if s.Opened != "2026-12-02" || s.Date == "" {
			t.Errorf("source %s: date %q opened %q", s.URL, s.Date, s.Opened)
		}
	}
	for _, want := range []string{"laodong.vn/thoi-su/ubnd-xa-tiep-nhan-giai-quyet-viec-dang-ky-ho-tich-1522535", "120375", "9573", "plo.vn/ban-doc/tu-159-ngoi-o-nha-van-nhan-ket-qua-dang-ky-ho-tich-931672"} {
		if !slices.ContainsFunc(urls, func(u string) bool { return strings.Contains(u, want) }) {
			t.Errorf("no source %q", want)
		}
	}
	if g.CheckedOn != "2026-12-02" {
		t.Errorf("checked_on %s", g.CheckedOn)
	}
}

// The new guide's words hold "khai" ("khai sai thông tin"), "sinh" ("sai
// ngày sinh") and "xác" ("xác định lại dân tộc"): "khai sinh ở xã" found it
// alone, "xã" read as the beginning of "xác", and never came to the place
// rule that finds birth registration. A unit's word typed ("xã", "phường",
// "tỉnh"…) is a place, never the beginning of another word nor a typo of it.
func TestUnitWordIsNotTheStartOfAnotherWord(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"khai sinh ở xã", "khai-sinh"},
		{"khai sinh o xa", "khai-sinh"},
		{"khai sinh tại xã", "khai-sinh"},
		{"sửa tên khai sinh ở xã", "cai-chinh-ho-tich"},
		{"cải chính hộ tịch ở phường", "cai-chinh-ho-tich"},
		{"xác định lại dân tộc", "cai-chinh-ho-tich"},
		{"xác nhận cư trú", "xac-nhan-cu-tru"},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if tt.want == "khai-sinh" && slices.Contains(got, "cai-chinh-ho-tich") {
			t.Errorf("Search(%q) = %v lists cai-chinh-ho-tich", tt.query, got)
		}
	}
}

// The extract-copy guide told the volunteer who picked it for a wrong name
// to "ask the civil-status officer": its "several similar procedures" fix
// now offers the correction guide, as vneid-muc-2 offers tich-hop-giay-to.
func TestExtractCopyOffersTheCorrectionGuide(t *testing.T) {
	c := shippedCatalog(t)
	g, _ := c.Guide("trich-luc-ho-tich")
	for _, s := range g.Steps {
		for _, e := range s.Errors {
			if e.ID == "nhieu-thu-tuc" {
				if e.Subguide != "cai-chinh-ho-tich" {
					t.Errorf("trich-luc-ho-tich %s/%s: sub-guide %q, want cai-chinh-ho-tich", s.ID, e.ID, e.Subguide)
				}
				return
			}
		}
	}
	t.Error("trich-luc-ho-tich has no error nhieu-thu-tuc")
}
