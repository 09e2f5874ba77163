package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 22f: a lost or damaged health-insurance card (thẻ BHYT) is a new
// guide. Volunteers typed "mất thẻ bhyt" and found nothing, or the household
// renewal. What they type for it – with and without tone marks, and in
// English – finds it first.
func TestLostHealthCardFoundByVolunteersWords(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"mất thẻ bhyt", "mat the bhyt", "mất thẻ bảo hiểm y tế", "mat the bao hiem y te",
		"cấp lại thẻ bhyt", "cap lai the bhyt", "cấp lại thẻ bảo hiểm y tế", "cap lai the bao hiem y te",
		"đổi thẻ bhyt", "doi the bhyt", "đổi thẻ bảo hiểm y tế",
		"thẻ bhyt bị hỏng", "the bhyt bi hong", "thẻ bhyt bị rách", "thẻ bhyt bị mất",
		"làm lại thẻ bhyt", "lam lai the bhyt", "thẻ bhyt giấy",
		"lost health insurance card", "lost bhyt card", "i lost the bhyt card",
		"damaged health insurance card", "reissue health insurance card",
	} {
		if got := searchIDs(c, q); len(got) == 0 || got[0] != "cap-lai-the-bhyt" {
			t.Errorf("Search(%q) = %v, want cap-lai-the-bhyt first", q, got)
		}
	}
}

// Its words ("thẻ bhyt", "bảo hiểm y tế", "đổi", "cấp lại") are other
// guides' words too: their own queries still put their own guide first, and
// the renewal's queries do not list the lost-card guide.
func TestLostHealthCardStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query, want string
		listed      bool // the new guide may be listed after it
	}{
		{"bhyt hộ gia đình", "bhyt-ho-gia-dinh", false},
		{"bhyt ho gia dinh", "bhyt-ho-gia-dinh", false},
		{"mua bhyt hộ gia đình", "bhyt-ho-gia-dinh", false},
		{"mua bhyt", "bhyt-ho-gia-dinh", false},
		{"gia hạn bhyt", "bhyt-ho-gia-dinh", false},
		{"gia han bhyt", "bhyt-ho-gia-dinh", false},
		{"gia hạn thẻ bhyt", "bhyt-ho-gia-dinh", false},
		{"thẻ bhyt hết hạn", "bhyt-ho-gia-dinh", false},
		{"đóng bhyt", "bhyt-ho-gia-dinh", false},
		{"renew health insurance card", "bhyt-ho-gia-dinh", false},
		{"bhyt", "bhyt-ho-gia-dinh", true},
		{"thẻ bhyt", "bhyt-ho-gia-dinh", true},
		{"bảo hiểm y tế", "bhyt-ho-gia-dinh", true},
		{"tích hợp thẻ bhyt", "tich-hop-giay-to", false},
		{"thẻ bhyt vneid", "tich-hop-giay-to", false},
		{"bhyt trên vneid", "tich-hop-giay-to", false},
		{"đổi bằng lái", "doi-gplx", false},
		{"mat bang lai", "doi-gplx", false},
		{"cấp đổi căn cước", "the-can-cuoc", false},
		{"mất thẻ căn cước", "the-can-cuoc", false},
		{"mat the can cuoc", "the-can-cuoc", false},
		{"lost id card", "the-can-cuoc", false},
		{"đổi hộ chiếu", "ho-chieu", false},
		{"mất giấy tờ", "trich-luc-ho-tich", false},
	} {
		got := searchIDs(c, tt.query)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
		if !tt.listed && slices.Contains(got, "cap-lai-the-bhyt") {
			t.Errorf("Search(%q) = %v lists cap-lai-the-bhyt", tt.query, got)
		}
	}
}

// The guide's facts, as the sources opened say them: most residents need no
// new card (the ID card, VNeID level 2 or the electronic card with a photo
// ID at the clinic – Decree 188/2025/NĐ-CP Art. 37), so the first step says
// so and how to end the case; the request itself is sent in VssID (one
// submit step), costs nothing (the Law on Fees and Charges 2015 repealed the
// fee), and takes 5 working days (Decree 188/2025, as Vietnam Social
// Security summarised it).
func TestLostHealthCardFacts(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("cap-lai-the-bhyt")
	if !ok {
		t.Fatal("no guide cap-lai-the-bhyt")
	}
	if g.Kind != "dossier" || g.Category != "insurance" || g.Mode != ModeFull || g.Channel() != ChannelApp || g.Essential {
		t.Errorf("kind/category/mode/channel/essential = %s/%s/%s/%s/%v", g.Kind, g.Category, g.Mode, g.Channel(), g.Essential)
	}
	if !g.FeeFree || !slices.Equal(g.Counts, []string{"dossier_online"}) {
		t.Errorf("fee_free %v, counts %v: want free, [dossier_online]", g.FeeFree, g.Counts)
	}
	if g.ProcessingDays != 5 || !strings.Contains(g.Processing.Vi, "5 ngày làm việc") || !strings.Contains(g.Processing.Vi, "188/2025") {
		t.Errorf("processing %d %q", g.ProcessingDays, g.Processing.Vi)
	}
	for _, want := range []string{"Luật Phí và lệ phí 2015", "Điều 23", "cước"} {
		if !strings.Contains(g.Fee.Vi, want) {
			t.Errorf("fee %q lacks %q", g.Fee.Vi, want)
		}
	}
	if g.Unconfirmed["fee"] == "" {
		t.Error("the fee's repeal was read only in quotations: unconfirmed.fee")
	}
	first := g.Steps[0]
	if first.ID != "can-khong" || g.StepChannel(&first) != ChannelVNeID {
		t.Errorf("first step %s on %s, want can-khong in VNeID", first.ID, g.StepChannel(&first))
	}
	for _, want := range []string{"thẻ căn cước", "VNeID mức độ 2", "VssID", "Nghị định 188/2025/NĐ-CP Điều 37", "không cần làm thủ tục", "1/6/2025"} {
		if !strings.Contains(first.Text.Vi, want) {
			t.Errorf("first step lacks %q: %q", want, first.Text.Vi)
		}
	}
	for _, want := range []string{`"← Bước trước"`, `"✕ Không đủ điều kiện"`, `"← Chọn thủ tục khác"`} {
		if !strings.Contains(first.Tip.Vi, want) {
			t.Errorf("first step's tip lacks %s", want)
		}
	}
	fixes := map[string]string{}
	for _, s := range g.Steps {
		for _, e := range s.Errors {
			fixes[s.ID+"/"+e.ID] = e.Subguide
		}
	}
	for at, want := range map[string]string{
		"can-khong/khong-thay-the":   "tich-hop-giay-to",
		"can-khong/het-han":          "bhyt-ho-gia-dinh",
		"can-khong/khong-dien-thoai": "",
		"dang-nhap/chua-co-tk":       "dang-nhap-vneid",
	} {
		if got, ok := fixes[at]; !ok || got != want {
			t.Errorf("error %s: sub-guide %q (present %v), want %q", at, got, ok, want)
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
	if len(g.Sources) > 8 {
		t.Errorf("%d sources: the ℹ screen shows at most 8 whole", len(g.Sources))
	}
	var urls []string
	for _, s := range g.Sources {
		urls = append(urls, s.URL)
		if s.Opened != "2026-12-02" || s.Date == "" {
			t.Errorf("source %s: date %q opened %q", s.URL, s.Date, s.Opened)
		}
	}
	for _, want := range []string{"ItemID=12704", "-1550898.ldo", "20260110021203649", "tapchibaohiemxahoi.gov.vn/print.aspx?id=95395"} {
		if !slices.ContainsFunc(urls, func(u string) bool { return strings.Contains(u, want) }) {
			t.Errorf("no source %q", want)
		}
	}
	if g.CheckedOn != "2026-12-02" {
		t.Errorf("checked_on %s", g.CheckedOn)
	}
}

// A volunteer who picked the household renewal for a lost card is led to
// the lost-card guide, as trich-luc-ho-tich leads to the correction guide.
func TestRenewalOffersTheLostCardGuide(t *testing.T) {
	c := shippedCatalog(t)
	g, _ := c.Guide("bhyt-ho-gia-dinh")
	for _, s := range g.Steps {
		for _, e := range s.Errors {
			if e.ID == "mat-the" {
				if s.ID != "kiem-tra" || e.Subguide != "cap-lai-the-bhyt" {
					t.Errorf("bhyt-ho-gia-dinh %s/%s: sub-guide %q, want kiem-tra/mat-the → cap-lai-the-bhyt", s.ID, e.ID, e.Subguide)
				}
				return
			}
		}
	}
	t.Error("bhyt-ho-gia-dinh has no error mat-the")
}
