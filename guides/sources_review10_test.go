package guides

// What a third pass of the guides against their sources found wrong
// (2026-11-30): each test failed on the guides as they were.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

// doi-gplx sent an expired licence into the online exchange ("Chỉ nên đổi
// khi bằng sắp hết hạn hoặc đã hết hạn"). Since 2025-03-01 a car licence
// past its date is not exchanged: the holder retakes the theory test (under
// a year late) or the whole test (a year or more) – Circular 12/2025/TT-BCA
// Art. 19(2), as the Gia Lai traffic police explain it (baogialai.com.vn,
// 2025-10-28). The first step must say so before anything is filed, in both
// languages, and the description must not offer the exchange for an
// expired licence.
func TestExpiredCarLicenceIsNotExchangedOnline(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("doi-gplx")
	if !ok {
		t.Fatal("no doi-gplx")
	}
	first := g.Steps[0]
	vi := vntext.Fold(first.Text.In("vi") + " " + first.Tip.In("vi"))
	if !strings.Contains(vi, "sat hach") {
		t.Errorf("vi: step %q does not say an expired car licence needs the test again: %q", first.ID, first.Text.In("vi"))
	}
	if strings.Contains(vi, "hoac da het han") {
		t.Errorf("vi: step %q still offers the exchange for an expired licence: %q", first.ID, first.Text.In("vi"))
	}
	en := strings.ToLower(first.Text.In("en") + " " + first.Tip.In("en"))
	if !strings.Contains(en, "test") {
		t.Errorf("en: step %q does not say an expired car licence needs the test again: %q", first.ID, first.Text.In("en"))
	}
	if strings.Contains(en, "expiring or expired") {
		t.Errorf("en: step %q still offers the exchange for an expired licence: %q", first.ID, first.Text.In("en"))
	}
	if d := g.Description.In("vi"); strings.Contains(d, "sắp hết hạn, hết hạn") {
		t.Errorf("vi: the description offers the exchange for an expired licence: %q", g.Description.In("vi"))
	}
	if d := strings.ToLower(g.Description.In("en")); strings.Contains(d, "expiring, expired") {
		t.Errorf("en: the description offers the exchange for an expired licence: %q", g.Description.In("en"))
	}
}

// nop-phat's fee said only that an overdue fine "may" carry a late charge.
// The Ministry of Public Security states the term and the charge (Soha,
// 2026-02-28, quoting Art. 68(2) and 78(1) of the Law on Handling
// Administrative Violations): 10 days from receiving the decision, then
// 0.05% of the unpaid amount a day. A volunteer can tell the resident why
// paying today matters.
func TestFineGuideGivesThePaymentTerm(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("nop-phat")
	if !ok {
		t.Fatal("no nop-phat")
	}
	for lang, want := range map[string][]string{
		"vi": {"10 ngày", "0,05%"},
		"en": {"10 days", "0.05%"},
	} {
		for _, w := range want {
			if !strings.Contains(g.Fee.In(lang), w) {
				t.Errorf("%s: the fee does not say %q: %q", lang, w, g.Fee.In(lang))
			}
		}
	}
}

// dang-ky-xe priced a motorbike plate at 700,000 đ and up "ở Hà Nội, TP.HCM"
// and 105,000 đ elsewhere. Since the 2025 merger the city includes the former
// Bình Dương and Bà Rịa – Vũng Tàu, which were Zone II before and are Zone I
// now (VnNow on Circular 155/2025, 2026-01): a volunteer there, still
// thinking "Bình Dương", would quote 105,000 đ. The fee and the payment
// step's tip say so.
func TestPlateFeeNamesTheMergedCity(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("dang-ky-xe")
	if !ok {
		t.Fatal("no dang-ky-xe")
	}
	var tip Text
	for _, s := range g.Steps {
		if s.ID == "nop-le-phi" {
			tip = s.Tip
		}
	}
	for _, lang := range []string{"vi", "en"} {
		for name, text := range map[string]string{"fee": g.Fee.In(lang), "nop-le-phi tip": tip.In(lang)} {
			if f := vntext.Fold(text); !strings.Contains(f, "binh duong") || !strings.Contains(f, "vung tau") {
				t.Errorf("%s: the %s does not say the former Bình Dương and Vũng Tàu pay the city's rate: %q", lang, name, text)
			}
		}
	}
}
