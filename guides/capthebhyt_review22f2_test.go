package guides

import (
	"slices"
	"strings"
	"testing"
)

// Review 22f2: cap-lai-the-bhyt after a fact review. One test per fact
// changed; each failed on the guide of Review 22f.

func lostCardGuide(t *testing.T) *Guide {
	t.Helper()
	g, ok := shippedCatalog(t).Guide("cap-lai-the-bhyt")
	if !ok {
		t.Fatal("no guide cap-lai-the-bhyt")
	}
	return g
}

func lostCardStep(t *testing.T, g *Guide, id string) *Step {
	t.Helper()
	for i := range g.Steps {
		if g.Steps[i].ID == id {
			return &g.Steps[i]
		}
	}
	t.Fatalf("%s has no step %s", g.ID, id)
	return nil
}

func lostCardProblem(t *testing.T, g *Guide, step, id string) *Problem {
	t.Helper()
	p, ok := lostCardStep(t, g, step).Problem(id)
	if !ok {
		t.Fatalf("%s/%s has no error %s", g.ID, step, id)
	}
	return p
}

// The Law on Fees and Charges 2015 repealed Art. 18(4) of the Law on
// Health Insurance – the fee for a lost card. A damaged card is exchanged
// (Art. 19), and LawNet …-1075391 still says that costs money: the fee text
// names lost and damaged cards with Vietnam Social Security's answer as its
// basis for both, and unconfirmed.fee names the conflict.
func TestLostCardFeeNamesLostAndDamagedAndItsBasis(t *testing.T) {
	g := lostCardGuide(t)
	for _, want := range []string{"mất hay hỏng", "BHXH Việt Nam trả lời bạn đọc", "Luật Phí và lệ phí 2015", "Điều 23 khoản 2 điểm d", "1/1/2017", "cước"} {
		if !strings.Contains(g.Fee.Vi, want) {
			t.Errorf("fee (vi) lacks %q: %q", want, g.Fee.Vi)
		}
	}
	for _, want := range []string{"lost or damaged", "Vietnam Social Security's answer to a reader", "Law on Fees and Charges 2015", "Art. 23(2)(d)", "1 Jan 2017", "Postage"} {
		if !strings.Contains(g.Fee.En, want) {
			t.Errorf("fee (en) lacks %q: %q", want, g.Fee.En)
		}
	}
	if !g.FeeFree {
		t.Error("fee_free dropped")
	}
	note := g.Unconfirmed["fee"]
	for _, want := range []string{"1075391", "damaged", "Art. 19"} {
		if !strings.Contains(note, want) {
			t.Errorf("unconfirmed.fee lacks %q", want)
		}
	}
	if !strings.Contains(g.FeeShort.Vi, "Không mất phí") || !strings.Contains(g.FeeShort.En, "No fee") {
		t.Errorf("fee_short %q / %q", g.FeeShort.Vi, g.FeeShort.En)
	}
}

// VSS (2025-07-29) credits the 5 working days to Law 51/2024/QH15 and
// Decree 188/2025 together; older rules gave other limits.
func TestLostCardProcessingNamesTheLawAndTheDecree(t *testing.T) {
	g := lostCardGuide(t)
	if g.ProcessingDays != 5 {
		t.Errorf("processing_days %d", g.ProcessingDays)
	}
	if !strings.Contains(g.Processing.Vi, "5 ngày làm việc (Luật BHYT sửa đổi 2024, Nghị định 188/2025/NĐ-CP)") {
		t.Errorf("processing (vi) %q", g.Processing.Vi)
	}
	if !strings.Contains(g.Processing.En, "5 working days (amended Law on Health Insurance 2024, Decree 188/2025/NĐ-CP)") {
		t.Errorf("processing (en) %q", g.Processing.En)
	}
	note, ok := g.Unconfirmed["processing"]
	if !ok {
		t.Fatal("no unconfirmed.processing")
	}
	for _, want := range []string{"595", "152847", "11630", "Art. 11"} {
		if !strings.Contains(note, want) {
			t.Errorf("unconfirmed.processing lacks %q", want)
		}
	}
	if !strings.Contains(lostCardStep(t, g, "cho-the").Text.Vi, "(Luật BHYT sửa đổi 2024, Nghị định 188/2025/NĐ-CP)") {
		t.Errorf("cho-the's 5 days lack their basis")
	}
}

// Decree 188/2025 Art. 37 (nghean24h.vn quotes it word for word) makes some
// groups show the paper card: the first step says the resident "can show",
// not "only needs to show", and lists the page among its sources.
func TestLostCardFirstStepSaysCanShow(t *testing.T) {
	g := lostCardGuide(t)
	s := lostCardStep(t, g, "can-khong")
	if !strings.Contains(s.Text.Vi, "có thể xuất trình") || strings.Contains(s.Text.Vi, "chỉ cần xuất trình") {
		t.Errorf("can-khong (vi): %q", s.Text.Vi)
	}
	if !strings.Contains(s.Text.En, "can show") || strings.Contains(s.Text.En, "only shows") {
		t.Errorf("can-khong (en): %q", s.Text.En)
	}
	if !strings.Contains(s.Unconfirmed, "12(3)") {
		t.Errorf("can-khong's unconfirmed does not name Art. 37's exception: %q", s.Unconfirmed)
	}
	if len(g.Sources) > 8 {
		t.Errorf("%d sources, at most 8", len(g.Sources))
	}
	if !slices.ContainsFunc(g.Sources, func(src Source) bool {
		return strings.Contains(src.URL, "nghean24h.vn") && src.Date == "2025-08-10" && src.Opened != ""
	}) {
		t.Error("no source nghean24h.vn 2025-08-10, opened")
	}
	if !strings.Contains(g.Notes, "1652515") {
		t.Error("the source moved out is not named in notes")
	}
}

// Nothing opened gives "1–2 minutes" or a resend: the OTP fix says neither.
func TestLostCardOTPFixInventsNoWait(t *testing.T) {
	g := lostCardGuide(t)
	p := lostCardProblem(t, g, "gui", "khong-otp")
	for _, bad := range []string{"1–2 phút", "gửi lại"} {
		if strings.Contains(p.Fix.Vi, bad) {
			t.Errorf("khong-otp (vi) says %q: %q", bad, p.Fix.Vi)
		}
	}
	for _, bad := range []string{"1–2 minutes", "resend"} {
		if strings.Contains(p.Fix.En, bad) {
			t.Errorf("khong-otp (en) says %q: %q", bad, p.Fix.En)
		}
	}
	for _, want := range []string{"thư rác", "Không bao giờ hỏi hay đọc mã OTP", "cơ quan BHXH nơi cư trú"} {
		if !strings.Contains(p.Fix.Vi, want) {
			t.Errorf("khong-otp (vi) lacks %q", want)
		}
	}
}

// Lao Động …-1550898: while waiting, "a receipt and an appointment to
// return the results". The paper card's delivery rests on a 2023 article:
// the step has its own unconfirmed.
func TestLostCardWaitingNamesTheReceipt(t *testing.T) {
	g := lostCardGuide(t)
	s := lostCardStep(t, g, "cho-the")
	if !strings.Contains(s.Text.Vi, "giấy tiếp nhận hồ sơ và hẹn trả kết quả") {
		t.Errorf("cho-the (vi): %q", s.Text.Vi)
	}
	if !strings.Contains(s.Text.En, "the receipt and appointment slip") {
		t.Errorf("cho-the (en): %q", s.Text.En)
	}
	if !strings.Contains(s.Unconfirmed, "unconfirmed.tracking") {
		t.Errorf("cho-the's unconfirmed %q does not point to unconfirmed.tracking", s.Unconfirmed)
	}
}

// Mode and counts stay; notes give their basis and leads.
func TestLostCardNotesGiveModeAndCountsBasis(t *testing.T) {
	g := lostCardGuide(t)
	if g.Mode != ModeFull || !slices.Equal(g.Counts, []string{"dossier_online"}) {
		t.Errorf("mode %s counts %v", g.Mode, g.Counts)
	}
	for _, want := range []string{
		"42/2022", "ngay tại nhà", "Bưu điện giao thẻ BHYT tận nơi", // the mode's basis
		"KPI", "VssID", // the counts' lead
		"ItemID=9346",                         // the GD code's source
		"Kênh 14", "13/02/2026", "2026-02-03", // Circular 09/2026's start
		"nghean24h", "CafeF 2026-02-26", "2026-03-05", "2026-02-07", "ItemID=11630", "1075391",
	} {
		if !strings.Contains(g.Notes, want) {
			t.Errorf("notes lack %q", want)
		}
	}
}

// The first step sent "usually someone with no smartphone" on to steps that
// need one: it now points them to the error that helps them, by its label.
func TestLostCardFirstStepSendsNoSmartphoneToItsError(t *testing.T) {
	g := lostCardGuide(t)
	s := lostCardStep(t, g, "can-khong")
	p := lostCardProblem(t, g, "can-khong", "khong-dien-thoai")
	for _, lang := range []string{"vi", "en"} {
		if !strings.Contains(s.Text.In(lang), `"`+p.Label.In(lang)+`"`) {
			t.Errorf("can-khong (%s) does not name the error %q: %q", lang, p.Label.In(lang), s.Text.In(lang))
		}
	}
	if strings.Contains(s.Text.Vi, "thường là người không có điện thoại") || strings.Contains(s.Text.En, "usually someone with no smartphone") {
		t.Errorf("can-khong still says who goes on: %q", s.Text.Vi)
	}
}

// bhyt-ho-gia-dinh's mat-the fix tied renewal to the loss and left out an
// expired card, VNeID level 2 and the photo ID with VssID.
func TestRenewalLostCardFixKeepsRenewalApart(t *testing.T) {
	c := shippedCatalog(t)
	g, _ := c.Guide("bhyt-ho-gia-dinh")
	lost, _ := c.Guide("cap-lai-the-bhyt")
	var p *Problem
	for i := range g.Steps {
		if q, ok := g.Steps[i].Problem("mat-the"); ok {
			p = q
		}
	}
	if p == nil {
		t.Fatal("bhyt-ho-gia-dinh has no error mat-the")
	}
	if strings.Contains(p.Fix.Vi, "trừ khi") || strings.Contains(p.Fix.En, "unless") {
		t.Errorf("mat-the still ties renewal to the loss: %q", p.Fix.Vi)
	}
	for _, want := range []string{"không phải lý do để gia hạn", "đã hết hạn", "VNeID mức độ 2", "giấy tờ tuỳ thân có ảnh", `"` + lost.Title.Vi + `"`} {
		if !strings.Contains(p.Fix.Vi, want) {
			t.Errorf("mat-the (vi) lacks %q: %q", want, p.Fix.Vi)
		}
	}
	for _, want := range []string{"not a reason to renew", "expired", "level-2 VNeID", "photo ID", `"` + lost.Title.En + `"`} {
		if !strings.Contains(p.Fix.En, want) {
			t.Errorf("mat-the (en) lacks %q: %q", want, p.Fix.En)
		}
	}
	if p.Subguide != "cap-lai-the-bhyt" {
		t.Errorf("mat-the sub-guide %q", p.Subguide)
	}
}

// The portal's service name is not quoted as a screen name: the pages that
// give it are of 2019–2020 and a later one shows another.
func TestLostCardPortalServiceNameNotQuoted(t *testing.T) {
	g := lostCardGuide(t)
	p := lostCardProblem(t, g, "dang-nhap", "chua-co-tk")
	if strings.Contains(p.Fix.Vi, `"Cấp lại thẻ BHYT do hỏng, mất"`) || strings.Contains(p.Fix.En, `"Cấp lại thẻ BHYT do hỏng, mất"`) {
		t.Errorf("chua-co-tk quotes the portal's service name: %q", p.Fix.Vi)
	}
}
