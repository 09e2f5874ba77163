package guides

// What the pass of 2026-12-01 against Decree 58/2026/NĐ-CP (review 19f)
// found. The decree (in force 2026-03-15) amends Decree 70/2024/NĐ-CP (the
// Identity law) and Decree 154/2024/NĐ-CP (the Residence law); its articles
// were read as news and law sites quote them (Thanh Niên 2026-02-25, Soha
// 2026-02-27, PLO 2026-03-03 on Art. 21 of Decree 70; Dân trí 2026-02-24,
// Lao Động and vnnow on Art. 7 of Decree 154; Gia đình & Xã hội and Soha
// 2026-03-02 on its Art. 9).

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

func guideStep(t *testing.T, c *Catalog, guide, step string) (*Guide, *Step) {
	t.Helper()
	g, ok := c.Guide(guide)
	if !ok {
		t.Fatalf("no guide %s", guide)
	}
	for i := range g.Steps {
		if g.Steps[i].ID == step {
			return g, &g.Steps[i]
		}
	}
	t.Fatalf("%s: no step %s (reports count by its id)", guide, step)
	return nil, nil
}

// openedSourceOn reports whether the guide lists an opened source whose title
// names all of the words (a decree and the article it rewrites).
func openedSourceOn(g *Guide, words ...string) bool {
	for _, src := range g.Sources {
		if src.Opened == "" {
			continue
		}
		all := true
		for _, w := range words {
			all = all && strings.Contains(src.Title, w)
		}
		if all {
			return true
		}
	}
	return false
}

// lineWith returns the line of text that contains want (after folding), or "".
func lineWith(text, want string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(vntext.Fold(l), want) {
			return l
		}
	}
	return ""
}

// the-can-cuoc told the volunteer that an ID card still showing the place
// names from before the 2025 merger of administrative units is changed
// through "Cấp đổi thẻ căn cước" (the exchange). Since 2026-03-15 Decree
// 58/2026 Art. 5 rewrites Decree 70/2024 Art. 21: a lost card, a damaged one
// and an exchange because of a change of administrative boundaries go through
// the reissue procedure ("lựa chọn thủ tục cấp lại"): the citizen checks the
// data and the request is sent on, with no visit to book.
func TestMergerIDChangeIsFiledAsAReissue(t *testing.T) {
	c := shippedCatalog(t)
	g, s := guideStep(t, c, "the-can-cuoc", "truong-hop")
	vi := lineWith(s.Text.Vi, "sap xep don vi hanh chinh")
	if vi == "" {
		t.Fatalf("truong-hop: no case for the merger of administrative units: %q", s.Text.Vi)
	}
	fv := vntext.Fold(vi)
	for _, want := range []string{"cap lai the can cuoc", "58 2026"} {
		if !strings.Contains(fv, want) {
			t.Errorf("vi: the merger case does not say %q: %q", want, vi)
		}
	}
	if strings.Contains(fv, "cap doi the can cuoc") {
		t.Errorf("vi: the merger case still sends the resident to the exchange: %q", vi)
	}
	en := lineWith(s.Text.En, "merger")
	for _, want := range []string{"Cấp lại thẻ căn cước", "58/2026"} {
		if !strings.Contains(en, want) {
			t.Errorf("en: the merger case does not say %q: %q", want, en)
		}
	}
	if strings.Contains(en, "Cấp đổi") {
		t.Errorf("en: the merger case still sends the resident to the exchange: %q", en)
	}
	// The step that picks the procedure names the merger beside the reissue.
	_, pick := guideStep(t, c, "the-can-cuoc", "chon-thu-tuc")
	if !strings.Contains(vntext.Fold(pick.Text.Vi), "sap xep don vi hanh chinh") ||
		!strings.Contains(strings.ToLower(pick.Text.En), "merger") {
		t.Errorf("chon-thu-tuc does not name the merger case with the reissue: %q", pick.Text.Vi)
	}
	if !openedSourceOn(g, "58/2026", "Art. 21") {
		t.Error("the-can-cuoc: no opened source on Decree 58/2026's rewrite of Art. 21")
	}
}

// the-can-cuoc said an exchange (at 14, 25, 40, 60, a changed detail, the
// move to the new card) "may" need an appointment, and the office step said
// to pick a date only "if the system offers" one. Under Decree 70/2024 Art.
// 21 as rewritten by Decree 58/2026 the citizen registers the time and the
// identity office when filing, and goes there at that time.
func TestIDExchangeBooksTheVisitWhenFiling(t *testing.T) {
	c := shippedCatalog(t)
	_, s := guideStep(t, c, "the-can-cuoc", "truong-hop")
	vi := vntext.Fold(lineWith(s.Text.Vi, "du 14"))
	if strings.Contains(vi, "co the phai den") || !strings.Contains(vi, "dung hen") {
		t.Errorf("vi: the exchange case does not say the resident goes at the time booked: %q", s.Text.Vi)
	}
	en := strings.ToLower(lineWith(s.Text.En, "turning 14"))
	if strings.Contains(en, "may be needed") || !strings.Contains(en, "at the time booked") {
		t.Errorf("en: the exchange case does not say the resident goes at the time booked: %q", s.Text.En)
	}
	_, where := guideStep(t, c, "the-can-cuoc", "noi-nhan")
	wv := vntext.Fold(where.Text.Vi)
	if strings.Contains(wv, "neu he thong cho chon lich") || !strings.Contains(wv, "ngay gio") || !strings.Contains(wv, "dung hen") {
		t.Errorf("vi: noi-nhan does not have the resident book a time for an exchange: %q", where.Text.Vi)
	}
	we := strings.ToLower(where.Text.En)
	if strings.Contains(we, "if the system offers") || !strings.Contains(we, "date and time") {
		t.Errorf("en: noi-nhan does not have the resident book a time for an exchange: %q", where.Text.En)
	}
}

// thuong-tru and tam-tru said nothing of registering a child, though
// "nhập hộ khẩu cho con" is one of their aliases. Decree 154/2024 Art. 7 as
// rewritten by Decree 58/2026: a parent or guardian declares and confirms on
// the form, within 60 days of the birth registration; a child under 6
// registered at a parent's or guardian's residence is registered without the
// police checking the conditions.
func TestChildResidenceFollowsDecree58(t *testing.T) {
	c := shippedCatalog(t)
	for _, id := range []string{"thuong-tru", "tam-tru"} {
		g, ok := c.Guide(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		var vi, en string
		for _, s := range g.Steps {
			vi += " " + s.Text.Vi + " " + s.Tip.Vi
			en += " " + s.Text.En + " " + s.Tip.En
		}
		fv := vntext.Fold(vi)
		for _, want := range []string{"60 ngay", "duoi 6 tuoi", "khong kiem tra dieu kien", "58 2026"} {
			if !strings.Contains(fv, want) {
				t.Errorf("%s vi: no step says %q", id, want)
			}
		}
		le := strings.ToLower(en)
		for _, want := range []string{"60 days", "under 6", "conditions", "58/2026"} {
			if !strings.Contains(le, want) {
				t.Errorf("%s en: no step says %q", id, want)
			}
		}
		if !openedSourceOn(g, "58/2026", "Art. 7") {
			t.Errorf("%s: no opened source on Decree 58/2026's rewrite of Art. 7", id)
		}
	}
}

// khai-tu said the deletion of the deceased's permanent residence comes
// "within each agency's own time limit". Decree 154/2024 Art. 9 as rewritten
// by Decree 58/2026: within 1 working day of the population database or the
// residence office receiving the information on a person who died (Law on
// Residence Art. 24(1)(a)), the office checks and deletes the registration.
func TestDeathDeletesPermanentResidenceWithinAWorkingDay(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("khai-tu")
	if !ok {
		t.Fatal("no khai-tu")
	}
	vi := vntext.Fold(g.Processing.Vi)
	for _, want := range []string{"xoa thuong tru", "1 ngay lam viec", "58 2026"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi: processing does not say %q: %q", want, g.Processing.Vi)
		}
	}
	en := g.Processing.En
	for _, want := range []string{"1 working day", "58/2026"} {
		if !strings.Contains(en, want) {
			t.Errorf("en: processing does not say %q: %q", want, en)
		}
	}
	if !openedSourceOn(g, "58/2026", "Art. 9") {
		t.Error("khai-tu: no opened source on Decree 58/2026's rewrite of Art. 9")
	}
}
