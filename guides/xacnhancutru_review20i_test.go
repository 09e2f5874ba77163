package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 20i: the residence information confirmation (xác nhận thông tin
// về cư trú, form CT07) is a new guide. What volunteers type for it – the
// procedure's name, "giấy xác nhận cư trú", the form's number, and the
// old household book it stands in for ("xác nhận hộ khẩu", "thay sổ hộ
// khẩu") – with and without tone marks, finds it first.
func TestResidenceConfirmationFoundByVolunteersWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"xác nhận cư trú", "xac nhan cu tru", "xin xác nhận cư trú",
		"xác nhận thông tin cư trú", "xác nhận thông tin về cư trú", "xac nhan thong tin cu tru",
		"giấy xác nhận cư trú", "giay xac nhan cu tru", "giấy xác nhận thông tin cư trú",
		"CT07", "ct07", "ct 07", "mẫu CT07", "giấy CT07",
		"xác nhận nơi cư trú",
		"xác nhận hộ khẩu", "xac nhan ho khau", "giấy xác nhận hộ khẩu",
		"thay sổ hộ khẩu", "sổ hộ khẩu",
		"xác nhận thường trú", "giấy xác nhận tạm trú",
		"residence confirmation", "residence certificate", "proof of residence",
		"confirmation of residence",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "xac-nhan-cu-tru" {
			t.Errorf("Search(%q) = %v, want xac-nhan-cu-tru first", q, got)
		}
	}
}

// The new guide's words ("cư trú", "hộ khẩu", "thường trú", "tạm trú",
// "xác nhận") are other guides' words too. Their own queries still put
// their own guide first; "hộ khẩu" alone still means registering one
// (thuong-tru), and the confirmation may only be listed after it.
func TestResidenceConfirmationStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query, want string
		listed      bool // the new guide may be listed after it
	}{
		{"thường trú", "thuong-tru", true},
		{"thuong tru", "thuong-tru", true},
		{"đăng ký thường trú", "thuong-tru", false},
		{"dang ky thuong tru", "thuong-tru", false},
		{"nhập hộ khẩu", "thuong-tru", false},
		{"chuyển hộ khẩu", "thuong-tru", false},
		{"hộ khẩu", "thuong-tru", true},
		{"ho khau", "thuong-tru", true},
		{"tạm trú", "tam-tru", true},
		{"tam tru", "tam-tru", true},
		{"đăng ký tạm trú", "tam-tru", false},
		{"cư trú", "tam-tru", true},
		{"đăng ký cư trú", "tam-tru", false},
		{"khai báo tạm vắng", "khai-bao-tam-vang", false},
		{"tạm vắng", "khai-bao-tam-vang", false},
		{"thông báo lưu trú", "thong-bao-luu-tru", false},
		{"lưu trú", "thong-bao-luu-tru", false},
		{"căn cước", "the-can-cuoc", false},
		{"thẻ căn cước", "the-can-cuoc", false},
		{"xác nhận", "xac-nhan-hon-nhan", true},
		{"xác nhận hôn nhân", "xac-nhan-hon-nhan", false},
		{"xác nhận tình trạng hôn nhân", "xac-nhan-hon-nhan", false},
		{"giấy xác nhận", "xac-nhan-hon-nhan", true},
		{"residence registration", "tam-tru", false},
		{"tờ khai CT01", "tam-tru", false},
		{"tích hợp giấy tờ", "tich-hop-giay-to", false},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !tt.listed && slices.Contains(got, "xac-nhan-cu-tru") {
			t.Errorf("Search(%q) = %v lists xac-nhan-cu-tru", tt.query, got)
		}
	}
}

// The guide is a free dossier filed in VNeID with the commune police: half
// a working day when the data is in the population database, 3 working
// days when not (Circular 55/2021/TT-BCA Art. 17 as amended by Circular
// 66/2023/TT-BCA), so the follow-up date is the legal maximum; the paper is
// valid a year. Its first step asks whether the paper is needed at all –
// Directive 24/CT-TTg forbids asking for what VNeID holds – and names the
// wizard's ways out as locales spell them; the resident sends the request
// at one step.
func TestResidenceConfirmationFacts(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("xac-nhan-cu-tru")
	if !ok {
		t.Fatal("no guide xac-nhan-cu-tru")
	}
	if g.Kind != "dossier" || g.Category != "residence" || g.Mode != ModeFull || g.Channel() != ChannelVNeID || g.VNeIDLevel != 2 {
		t.Errorf("kind/category/mode/channel/level = %s/%s/%s/%s/%d", g.Kind, g.Category, g.Mode, g.Channel(), g.VNeIDLevel)
	}
	if !g.FeeFree || g.ProcessingDays != 3 || (g.Followup != nil && !*g.Followup) {
		t.Errorf("fee_free %v, processing_days %d, followup %v: want free, 3, a result to wait for", g.FeeFree, g.ProcessingDays, g.Followup)
	}
	if g.Essential {
		t.Error("marked essential: no opened source puts it on Directive 24's list")
	}
	for _, want := range []string{"nửa ngày làm việc", "3 ngày làm việc", "66/2023/TT-BCA"} {
		if !strings.Contains(g.Processing.Vi, want) {
			t.Errorf("processing %q lacks %q", g.Processing.Vi, want)
		}
	}
	first := g.Steps[0]
	for _, want := range []string{"Chỉ thị 24/CT-TTg", `"Thông tin cư trú"`, `"← Bước trước"`, `"✕ Không đủ điều kiện"`, `"← Chọn thủ tục khác"`} {
		if !strings.Contains(first.Text.Vi, want) {
			t.Errorf("first step %q lacks %q", first.ID, want)
		}
	}
	var submits []string
	for _, s := range g.Steps {
		if s.Submits {
			submits = append(submits, s.ID)
		}
	}
	if len(submits) != 1 || submits[0] != "gui" {
		t.Errorf("submit steps %v, want [gui]", submits)
	}
	last := g.Steps[len(g.Steps)-1]
	for _, want := range []string{"1 năm", "thay đổi"} {
		if !strings.Contains(last.Text.Vi, want) {
			t.Errorf("last step lacks the validity %q", want)
		}
	}
	if len(g.Sources) > 8 {
		t.Errorf("%d sources: the ℹ screen shows at most 8 whole", len(g.Sources))
	}
	for _, s := range g.Sources {
		if s.Opened != "2026-12-02" || s.Date == "" {
			t.Errorf("source %s: date %q opened %q", s.URL, s.Date, s.Opened)
		}
	}
	if g.CheckedOn != "2026-12-02" {
		t.Errorf("checked_on %s", g.CheckedOn)
	}
}
