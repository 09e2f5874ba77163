package guides

import (
	"slices"
	"testing"
)

// Review 22c2: a differential run of the search before the rule for lost
// papers (a9a6665) and after it found queries that got worse.

// "Làm lại" is "do again" as often as "reissue": "làm lại thanh toán",
// "làm lại thông báo lưu trú" found their guides before the rule and
// nothing after it, "làm lại tạm trú" found the unemployment benefit (its
// "mất việc" made every one of its names answer a loss). "Làm lại" and
// "xin lại" ask a paper again only when a paper follows ("làm lại thẻ
// bhyt", "xin lại giấy tờ hộ tịch").
func TestDoAgainIsNoReissueWithoutAPaper(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"làm lại thanh toán", "thanh-toan"},
		{"lam lai thanh toan", "thanh-toan"},
		{"làm lại thông báo lưu trú", "thong-bao-luu-tru"},
		{"làm lại tích hợp bhyt vneid", "tich-hop-giay-to"},
		{"làm lại cải chính hộ tịch", "cai-chinh-ho-tich"},
		{"xin lại thông báo lưu trú", "thong-bao-luu-tru"},
		// A paper follows: a reissue, as before.
		{"làm lại thẻ bhyt", "cap-lai-the-bhyt"},
		{"làm lại căn cước", "the-can-cuoc"},
		{"làm lại cccd", "the-can-cuoc"},
		{"làm lại bằng lái", "doi-gplx"},
		{"làm lại hộ chiếu", "ho-chieu"},
		{"xin lại giấy tờ hộ tịch", "trich-luc-ho-tich"},
		{"xin lại giấy khai sinh", "trich-luc-ho-tich"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
	for _, q := range []string{"làm lại tạm trú", "làm lại hồ sơ tạm trú", "lam lai tam tru"} {
		if got := searchIDs(c, q); slices.Contains(got, "tro-cap-that-nghiep") {
			t.Errorf("Search(%q) = %v, offers the unemployment benefit", q, got)
		}
	}
	if got := searchIDs(c, "làm lại thẻ bhyt"); slices.Contains(got, "bhyt-ho-gia-dinh") {
		t.Errorf("Search(làm lại thẻ bhyt) = %v, offers the household insurance", got)
	}
}

// A guide answers a loss by its names that say a paper lost or reissued
// ("mất căn cước", "lost passport"); a lost job ("mất việc") is no lost
// paper, and made the unemployment benefit answer every "làm lại …" a word
// of its names half matched ("làm lại tạm trú": "trung tâm"). A loss that no
// guide covering a paper's loss matches is searched as before the rule,
// its words as typed: "mất việc", "mất ví".
func TestALossNoPaperGuideMatchesIsSearchedAsTyped(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"mất việc", []string{"tro-cap-that-nghiep"}},
		{"i lost my job", []string{"tro-cap-that-nghiep"}},
		{"mất ví", []string{"tro-cap-that-nghiep", "tai-khoan-thanh-toan"}},
		{"cấp lại mật khẩu vneid", []string{"vneid-mat-khau"}},
	} {
		if got := searchIDs(c, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

// Without a guide for the BHYT card's reissue, a lost card still finds no
// guide: the household insurance names the card, not its loss, and a
// loss's words searched as typed are matched by none of its names.
func TestLostBHYTCardWithoutItsGuideFindsNone(t *testing.T) {
	full := shippedCatalog(t)
	var gs []*Guide
	for _, g := range full.All() {
		if g.ID != "cap-lai-the-bhyt" {
			gs = append(gs, g)
		}
	}
	c := NewCatalog(gs...)
	for _, q := range []string{
		"mất thẻ bhyt", "mat the bhyt", "bị mất thẻ bảo hiểm y tế", "cấp lại thẻ bảo hiểm y tế",
		"cap lai the bhyt", "làm lại thẻ bhyt", "i lost the bhyt card", "lost health insurance card",
		"replace health insurance card",
	} {
		if got := searchIDs(c, q); len(got) != 0 {
			t.Errorf("Search(%q) = %v without cap-lai-the-bhyt, want nothing", q, got)
		}
	}
}

// A damaged ID card: the ID card's guide covers it ("Cấp lại thẻ căn cước
// khi mất, hỏng"), but "căn cước bị hỏng" never found it, and "đổi căn
// cước hỏng" stopped finding it when "hỏng" became a word of the BHYT
// card's guide (no longer a typo of some other word).
func TestDamagedIDCardFindsTheIDCardGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, tt := range []struct{ query, want string }{
		{"đổi căn cước hỏng", "the-can-cuoc"},
		{"cấp đổi căn cước hỏng", "the-can-cuoc"},
		{"doi can cuoc hong", "the-can-cuoc"},
		{"căn cước bị hỏng", "the-can-cuoc"},
		{"can cuoc bi hong", "the-can-cuoc"},
		{"cccd bị hỏng", "the-can-cuoc"},
		{"cccd hỏng", "the-can-cuoc"},
		{"căn cước hỏng", "the-can-cuoc"},
		{"thẻ căn cước bị hỏng", "the-can-cuoc"},
		{"damaged id card", "the-can-cuoc"},
		{"thẻ bhyt bị hỏng", "cap-lai-the-bhyt"},
		{"the bhyt bi hong", "cap-lai-the-bhyt"},
		{"hỏng thẻ bhyt", "cap-lai-the-bhyt"},
		{"thẻ bhyt hỏng", "cap-lai-the-bhyt"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}

// A relative's "mất" at the end, or before the death's words, is a death:
// "bố mất" listed the extract of civil-status papers, the BHYT card's
// reissue and the VNeID password ("mật") before the death registration,
// seventh. It finds the death registration first, and "mất" matches no
// "mật", "mặt" or lost paper.
func TestARelativeWhoDiedFindsTheDeathRegistration(t *testing.T) {
	c := shippedCatalog(t)
	for _, q := range []string{
		"bố mất", "mẹ mất", "ông mất", "bà mất", "bo mat", "me mat", "ong mat",
		"nhà có người mất", "nha co nguoi mat", "bố tôi mất", "chồng mất", "vợ mất", "cha mất",
		"bố mất làm gì", "mẹ mất cần làm gì", "bố mất làm giấy chứng tử", "ông mất khai tử",
		"người nhà mất", "người thân mất", "khai tử người mất", "bố mất cắt khẩu",
	} {
		got := searchIDs(c, q)
		if len(got) == 0 || got[0] != "khai-tu" {
			t.Errorf("Search(%q) = %v, want khai-tu first", q, got)
		}
		for _, not := range []string{"vneid-mat-khau", "tai-khoan-thanh-toan", "cap-lai-the-bhyt", "the-can-cuoc", "doi-gplx", "tro-cap-that-nghiep"} {
			if slices.Contains(got, not) {
				t.Errorf("Search(%q) = %v, offers %s", q, got, not)
			}
		}
	}
	// A relative who lost a paper is no death.
	for _, tt := range []struct{ query, want string }{
		{"mẹ bị mất căn cước", "the-can-cuoc"},
		{"bố làm mất hộ chiếu", "ho-chieu"},
	} {
		if got := searchIDs(c, tt.query); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, got, tt.want)
		}
	}
}
