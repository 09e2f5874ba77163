package guides

import (
	"strings"
	"testing"
)

// What volunteers type when a resident wants a document in VNeID's wallet
// ("Ví giấy tờ") found no guide of its own: "tích hợp bằng lái" found the
// licence exchange, "thẻ bhyt vneid" the household renewal, "ví giấy tờ"
// nothing. They now find tich-hop-giay-to first.
func TestWalletWordsFindTheIntegrationGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"tích hợp giấy tờ", "tich hop giay to", "tích hợp giấy tờ vneid",
		"ví giấy tờ", "vi giay to", "ví giấy tờ vneid",
		"tich hop gplx", "tích hợp GPLX", "tích hợp bằng lái", "tich hop bang lai",
		"tích hợp giấy phép lái xe", "gplx vneid", "bằng lái trên vneid",
		"thẻ bhyt vneid", "the bhyt vneid", "tích hợp bhyt", "tích hợp thẻ bảo hiểm y tế",
		"tích hợp hộ chiếu", "tích hợp đăng ký xe", "tich hop vneid",
		"VNeID document wallet", "add documents to VNeID",
		"tich hop giay to", "tichhopgiayto", "tích hợp giấy tờ cho bà",
	} {
		found := c.Search(q)
		if len(found) == 0 || found[0].ID != "tich-hop-giay-to" {
			t.Errorf("search %q: found %v, want tich-hop-giay-to first", q, ids(found))
		}
	}
}

// The integration guide's aliases name licences, health cards, passports and
// VNeID: the queries of the guides that own those words still find their own
// guide first.
func TestWalletGuideStealsNoOtherQuery(t *testing.T) {
	c := shippedCatalog(t)
	for q, want := range map[string]string{
		"đăng nhập vneid":     "dang-nhap-vneid",
		"dang nhap vneid":     "dang-nhap-vneid",
		"mức độ 2":            "vneid-muc-2",
		"định danh mức độ 2":  "vneid-muc-2",
		"vneid":               "vneid-muc-2",
		"kích hoạt vneid":     "vneid-muc-2",
		"quên mật khẩu vneid": "vneid-mat-khau",
		"quen mat khau vneid": "vneid-mat-khau",
		"đổi bằng lái":        "doi-gplx",
		"doi bang lai":        "doi-gplx",
		"bằng lái":            "doi-gplx",
		"giấy phép lái xe":    "doi-gplx",
		"giay phep lai xe":    "doi-gplx",
		"gplx":                "doi-gplx",
		"driving licence":     "doi-gplx",
		"gia hạn bhyt":        "bhyt-ho-gia-dinh",
		"gia han bhyt":        "bhyt-ho-gia-dinh",
		"bhyt":                "bhyt-ho-gia-dinh",
		"thẻ bhyt":            "bhyt-ho-gia-dinh",
		"thẻ bảo hiểm y tế":   "bhyt-ho-gia-dinh",
		"hộ chiếu":            "ho-chieu",
		"passport":            "ho-chieu",
		"đăng ký xe":          "dang-ky-xe",
		"căn cước":            "the-can-cuoc",
		"giấy tờ":             "",
	} {
		found := c.Search(q)
		if want == "" {
			// A word of every kind of paper names no task by itself: the
			// new guide must not become its only answer.
			if len(found) == 1 && found[0].ID == "tich-hop-giay-to" {
				t.Errorf("search %q: found only tich-hop-giay-to", q)
			}
			continue
		}
		if len(found) == 0 || found[0].ID != want {
			t.Errorf("search %q: found %v, want %s first", q, ids(found), want)
		}
	}
}

// The guide is an account task done in the VNeID app at level 2, opened from
// the level-2 guide's police-visit step (which names linking papers), and its
// level-1 fix offers the level-2 guide.
func TestWalletGuideIsAnAppTaskAtLevelTwo(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("tich-hop-giay-to")
	if !ok {
		t.Fatal("no tich-hop-giay-to")
	}
	if g.Kind != KindAccount || g.Category != "account" || g.VNeIDLevel != 2 || g.Portal.Channel != "vneid" {
		t.Errorf("kind %s, category %s, vneid_level %d, channel %q: want account, account, 2, vneid", g.Kind, g.Category, g.VNeIDLevel, g.Portal.Channel)
	}
	if len(g.Counts) != 0 {
		t.Errorf("counts %v: no scheme KPI is adding a document (vneid_level2 counts an activation)", g.Counts)
	}
	if len(g.Sources) > 8 {
		t.Errorf("%d sources: the ℹ screen shows at most 8 whole addresses", len(g.Sources))
	}
	for _, s := range g.Sources {
		if s.Opened == "" {
			t.Errorf("source %s: not opened – a lead belongs in notes", s.URL)
		}
	}
	lvl2, _ := c.Guide("vneid-muc-2")
	offered := false
	for _, s := range lvl2.Steps {
		if strings.Contains(s.Text.Vi, "tích hợp giấy tờ") && s.Subguide == g.ID {
			offered = true
		}
	}
	if !offered {
		t.Error("vneid-muc-2: the step that names linking papers does not offer tich-hop-giay-to")
	}
}

func ids(gs []*Guide) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.ID)
	}
	return out
}
