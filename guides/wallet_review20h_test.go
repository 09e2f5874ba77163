package guides

import (
	"strings"
	"testing"
)

// Review 20h: the wallet guide (tich-hop-giay-to) after a fact review; the
// helpers are in factreview_review20h_test.go.

// The passport in VNeID replaces the paper only in some transactions, and
// the paper passport is still carried abroad (CafeF 2025-09-23, -26).
func TestWalletPassportDoesNotReplaceThePaperEverywhere(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	if !strings.Contains(g.Description.Vi, "một số giao dịch") || !strings.Contains(g.Description.En, "some transactions") {
		t.Errorf("description does not qualify the passport: %q", g.Description.Vi)
	}
	if strings.Contains(g.Description.Vi, "xuất trình thay bản giấy") {
		t.Errorf("description still says every document replaces the paper: %q", g.Description.Vi)
	}
}

// No source shows the app refusing a mismatch on the spot, nor that each
// document is a request of its own; the mismatch fix no longer pages the
// volunteer forward to another step's errors.
func TestWalletEntryStepClaimsOnlyWhatSourcesShow(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	s := review20hStep(t, g, "nhap-thong-tin")
	if strings.Contains(s.Text.Vi, "yêu cầu riêng") || strings.Contains(s.Text.En, "request of its own") {
		t.Errorf("nhap-thong-tin says each document is its own request: %q", s.Text.Vi)
	}
	p := review20hProblem(t, g, "nhap-thong-tin", "khong-khop")
	if strings.Contains(p.Label.Vi, "Báo") || strings.Contains(p.Label.En, "Says") {
		t.Errorf("khong-khop names a message no source shows: %q", p.Label.Vi)
	}
	for _, st := range g.Steps {
		for _, e := range st.Errors {
			if strings.Contains(e.Fix.Vi, "lỗi ở bước sau") || strings.Contains(e.Fix.En, "errors of the next step") {
				t.Errorf("%s/%s sends the volunteer to the next step's errors: %q", st.ID, e.ID, e.Fix.Vi)
			}
		}
	}
}

// An older app has no "Tích hợp giấy tờ" button: the step that opens it has
// an error for that, which says to update the app.
func TestWalletMissingButtonHasAFix(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	p := review20hProblem(t, g, "tao-yeu-cau", "khong-thay-nut")
	if !strings.Contains(p.Label.Vi, "Tích hợp giấy tờ") || !strings.Contains(p.Fix.Vi, "Cập nhật VNeID") {
		t.Errorf("khong-thay-nut: label %q, fix %q", p.Label.Vi, p.Fix.Vi)
	}
}

// Old paper licences and licences issued under the old ID number are a data
// matter for the commune police (Báo Phú Thọ 2025-11-30), not a case for the
// licence renewal guide, whose first step turns such residents away.
func TestWalletOldLicencesGoToTheCommunePolice(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	for _, id := range []string{"bang-giay", "so-cmnd"} {
		p := review20hProblem(t, g, "ket-qua", id)
		if strings.Contains(p.Fix.Vi, "Đổi giấy phép lái xe") || strings.Contains(p.Fix.En, "renewal/exchange") || p.Subguide == "doi-gplx" {
			t.Errorf("%s sends the resident to the licence renewal guide: %q", id, p.Fix.Vi)
		}
		if !strings.Contains(p.Fix.Vi, "công an xã/phường") || !strings.Contains(p.Fix.En, "commune police") {
			t.Errorf("%s does not send the resident to the commune police: %q", id, p.Fix.Vi)
		}
	}
	if p := review20hProblem(t, g, "ket-qua", "so-cmnd"); strings.Contains(p.Fix.Vi, "PET") {
		t.Errorf("so-cmnd names a PET exchange its source does not give: %q", p.Fix.Vi)
	}
}

// The old-licence check came only at the last step, after the request was
// sent: a prerequisite and the entry step's tip now say it first.
func TestWalletOldLicenceWarnedBeforeSending(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	early := false
	for _, p := range g.Prerequisites {
		if strings.Contains(p.Text.Vi, "bìa cũ") {
			early = true
		}
	}
	if !early {
		t.Error("no prerequisite warns about old paper licences")
	}
	if s := review20hStep(t, g, "nhap-thong-tin"); !strings.Contains(s.Tip.Vi, "bìa cũ") {
		t.Errorf("nhap-thong-tin's tip does not warn about old paper licences: %q", s.Tip.Vi)
	}
}

// An expired passport will not add (znews 2025-10-14): an error says so and
// offers the passport guide.
func TestWalletExpiredPassport(t *testing.T) {
	g := review20hGuide(t, "tich-hop-giay-to")
	p := review20hProblem(t, g, "nhap-thong-tin", "het-han")
	if !strings.Contains(p.Label.Vi, "hết hạn") || p.Subguide != "ho-chieu" {
		t.Errorf("het-han: label %q, subguide %q; want an expiry label offering ho-chieu", p.Label.Vi, p.Subguide)
	}
}
