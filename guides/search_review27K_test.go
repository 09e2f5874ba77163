package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 27K: a foreign spouse named with a procedure was searched without
// the nationality and opened a guide written for Vietnamese citizens:
// "tạm trú cho chồng Hàn Quốc" the VNeID temporary residence (a
// foreigner's is declared by the host, Law 47/2014 Art. 33), "khai sinh
// cho con, chồng Hàn Quốc" the linked birth bundle (a birth with a foreign
// parent has a foreign element, Law on Civil Status Art. 35), "mất hộ
// chiếu của chồng Hàn" the Vietnamese passport (a foreigner's is their
// embassy's). So too a foreigner the procedure is for ("cho người nước
// ngoài", "for a foreigner"), a foreign parent ("bố là người nước
// ngoài") and a paper only a foreigner holds ("thẻ tạm trú"). Nothing is
// found; NoGuide and ForForeigner say why.
func TestReview27KProcedureForAForeignerHasNoGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"tạm trú cho chồng Hàn Quốc", "tam tru cho chong han quoc", "đăng ký tạm trú cho vợ người Trung Quốc",
		"tạm trú cho chồng tôi là người Hàn Quốc", "temporary residence for korean husband",
		"khai sinh cho con, chồng Hàn Quốc", "khai sinh cho con có chồng Hàn Quốc", "khai sinh cho con của tôi, chồng Hàn",
		"birth registration for my baby, my husband is korean", "khai sinh cho con có bố là người nước ngoài",
		"mất hộ chiếu của chồng Hàn", "passport for my korean husband", "hộ chiếu cho người Hàn Quốc",
		"thường trú cho vợ Trung Quốc", "khai tử cho chồng Hàn Quốc", "căn cước cho vợ Trung Quốc",
		"tạm trú cho người nước ngoài", "temporary residence for a foreigner", "thẻ tạm trú", "làm thẻ tạm trú cho chồng",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if !c.NoGuide(q) || !c.ForForeigner(q) {
			t.Errorf("NoGuide, ForForeigner(%q) = %v, %v; want true, true", q, c.NoGuide(q), c.ForForeigner(q))
		}
		if c.ForeignSpouseOnly(q) || c.ForWhomOnly(q) {
			t.Errorf("ForeignSpouseOnly or ForWhomOnly(%q) = true, want false", q)
		}
	}
}

// A paper of the resident's own, asked for beside a foreign spouse, keeps
// its guide: named so ("cho tôi", "của tôi", "for me") or one only the
// resident holds – the marital status certificate to marry the foreigner,
// a copy of an extract. The marriage's own cases (27D, 27G) are unchanged.
func TestReview27KResidentsOwnPaperBesideAForeignSpouse(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ q, want string }{
		{"hộ chiếu cho tôi, chồng Hàn Quốc", "ho-chieu"},
		{"mất hộ chiếu của tôi, chồng Hàn Quốc", "ho-chieu"},
		{"passport for me, my husband is korean", "ho-chieu"},
		{"căn cước cho tôi, chồng Hàn Quốc", "the-can-cuoc"},
		{"tạm trú cho tôi, chồng Hàn Quốc", "tam-tru"},
		{"xác nhận tình trạng hôn nhân, chồng Hàn Quốc", "xac-nhan-hon-nhan"},
		{"trích lục khai sinh cho con, chồng Hàn", "trich-luc-ho-tich"},
		{"trích lục kết hôn với người Hàn Quốc", "trich-luc-ho-tich"},
		{"mất giấy kết hôn với chồng Hàn", "trich-luc-ho-tich"},
		{"đăng ký kết hôn cho chồng Đức", "ket-hon"},
		{"tạm trú cho vợ", "tam-tru"},
		// A foreigner in why it is done: the resident's own.
		{"hộ chiếu để đi làm cho người Hàn Quốc", "ho-chieu"},
		{"làm hộ chiếu để sang Hàn thăm chồng", "ho-chieu"},
		{"passport to visit my korean husband", "ho-chieu"},
	} {
		if got := searchIDs(c, tt.q); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, got, tt.want)
		}
		if c.ForForeigner(tt.q) || c.ForeignSpouseOnly(tt.q) {
			t.Errorf("ForForeigner or ForeignSpouseOnly(%q) = true, want false", tt.q)
		}
	}
	if got := searchIDs(c, "mất hộ chiếu, kết hôn với chồng Hàn"); len(got) != 0 {
		t.Errorf("Search(%q) = %v, want nothing (27G)", "mất hộ chiếu, kết hôn với chồng Hàn", got)
	}
}

// A spouse named by nationality alone ("chồng Hàn", "korean husband", "con
// dâu Trung Quốc", "chồng tôi là người Hàn Quốc") names no procedure: the
// volunteer is asked which (ForeignSpouseOnly), not told "no guide for
// this procedure". A marriage with a foreigner still is NoGuide's; a
// spouse abroad is ForWhomOnly's.
func TestReview27KForeignSpouseAloneAsksWhichProcedure(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{"chồng Hàn", "vợ Trung Quốc", "korean husband", "con dâu Trung Quốc", "chồng tôi là người Hàn Quốc",
		"chồng tôi người Hàn", "chồng Hàn Quốc cần giấy tờ gì", "my husband is korean"} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, got)
		}
		if !c.ForeignSpouseOnly(q) || c.NoGuide(q) || c.ForForeigner(q) {
			t.Errorf("ForeignSpouseOnly, NoGuide, ForForeigner(%q) = %v, %v, %v; want true, false, false",
				q, c.ForeignSpouseOnly(q), c.NoGuide(q), c.ForForeigner(q))
		}
	}
	for _, q := range []string{"lấy chồng Hàn", "kết hôn với người Hàn Quốc", "chồng ở Hàn Quốc", "chồng", "chồng Đức", "khai sinh", "xin chào"} {
		if c.ForeignSpouseOnly(q) || c.ForForeigner(q) {
			t.Errorf("ForeignSpouseOnly or ForForeigner(%q) = true, want false", q)
		}
	}
}

// The guides a foreigner's procedure was mistaken for say whom they are
// not for, with the law they rest on among their sources.
func TestReview27KCitizenGuidesSayTheyAreNotForAForeigner(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ id, vi, en, source string }{
		{"tam-tru", "nước ngoài", "foreigner", "Art. 33"},
		{"khai-sinh", "nước ngoài", "foreign", "Art. 35"},
	} {
		g, ok := c.Guide(tt.id)
		if !ok {
			t.Fatalf("no %s", tt.id)
		}
		if !strings.Contains(g.Description.Vi, tt.vi) || !strings.Contains(g.Description.En, tt.en) {
			t.Errorf("%s: description says nothing of %q / %q:\n%s\n%s", tt.id, tt.vi, tt.en, g.Description.Vi, g.Description.En)
		}
		if !slices.ContainsFunc(g.Sources, func(s Source) bool { return strings.Contains(s.Title, tt.source) && s.Opened != "" }) {
			t.Errorf("%s: no opened source names %s", tt.id, tt.source)
		}
	}
}
