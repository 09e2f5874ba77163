package guides

import (
	"strings"
	"testing"
)

// Review 23r: the open leads of the newest guides, searched again
// (guides/README.md, "Review 23r"). One test per fact changed.

// The Law on Civil Status 2014 Art. 11(1) exempts civil-status registration
// for members of families with meritorious service, of poor households and
// people with disabilities (Luật Văn Tín quotes it). A change, correction or
// supplement is a civil-status registration, so the fee names the exemption
// with its article, the short fee says some people are exempt, and the
// amount itself stays the province's and `unconfirmed`.
func TestCivilCorrectionFeeNamesTheLawsExemption(t *testing.T) {
	g := civilCorrection(t)
	wantIn(t, "fee (vi)", g.Fee.Vi, "gia đình có công với cách mạng", "hộ nghèo", "người khuyết tật", "được miễn", "Luật Hộ tịch 2014, Điều 11", "Lệ phí theo mức của tỉnh/thành phố")
	wantIn(t, "fee (en)", g.Fee.En, "meritorious service", "poor households", "disabilities", "exempt", "Law on Civil Status 2014, Art. 11", "province's or city's rate")
	wantIn(t, "fee_short (vi)", g.FeeShort.Vi, "Theo mức của tỉnh", "miễn")
	wantIn(t, "fee_short (en)", g.FeeShort.En, "Set by the province", "exempt")
	if g.FeeFree {
		t.Error("fee_free: the fee is waived only for some people")
	}
	note := g.Unconfirmed["fee"]
	wantIn(t, "unconfirmed.fee", note, "Art. 11(1)", "luatvantin.com.vn", "How the portal takes proof")
	var found bool
	for _, s := range g.Sources {
		if strings.Contains(s.URL, "luatvantin.com.vn") {
			found = true
			if s.Opened != "2026-12-02" || s.Date == "" {
				t.Errorf("source %s: date %q opened %q", s.URL, s.Date, s.Opened)
			}
		}
		if strings.Contains(s.URL, "115346") {
			t.Errorf("source %s: moved to notes for the eight-source limit", s.URL)
		}
	}
	if !found {
		t.Error("no source for the exemption (luatvantin.com.vn, Art. 11)")
	}
	if !strings.Contains(g.Notes, "115346") {
		t.Error("notes no longer name the Decree 87/2020 page behind the tracking text")
	}
	if len(g.Sources) > 8 {
		t.Errorf("%d sources, at most 8", len(g.Sources))
	}
}

// cap-lai-the-bhyt: the volunteer's text is unchanged (every lead searched
// again stayed a lead), but the notes now settle Circular 09/2026's start on
// 2026-02-03 (three pages against CafeF's news date) and record what was
// searched, so the next reviewer does not search it again blind.
func TestLostCardNotesRecordReview23r(t *testing.T) {
	g := lostCardGuide(t)
	wantIn(t, "notes", g.Notes, "Review 23r", "1661573", "2026-02-03", "mã TTHC", "Art. 19(4)", "ksbtdanang.vn")
	for _, w := range []string{"09/2026", "13/02", "3/2/2026"} {
		for _, txt := range []string{g.Description.Vi, g.Fee.Vi, g.Processing.Vi} {
			if strings.Contains(txt, w) {
				t.Errorf("a date of Circular 09/2026 (%q) reached the volunteer's text: %q", w, txt)
			}
		}
	}
	if !g.FeeFree || g.ProcessingDays != 5 || g.Unconfirmed["fee"] == "" || g.Unconfirmed["processing"] == "" {
		t.Errorf("fee_free %v, processing_days %d, unconfirmed fee/processing kept: the damaged card's fee and the 5 days' start are still leads", g.FeeFree, g.ProcessingDays)
	}
}

// xac-nhan-cu-tru: the result's form (paper or electronic) and the VNeID
// hotline stay leads; the notes say what was found and why it stays out.
func TestResidenceConfirmationNotesRecordReview23r(t *testing.T) {
	g, ok := shippedCatalog(t).Guide("xac-nhan-cu-tru")
	if !ok {
		t.Fatal("no guide xac-nhan-cu-tru")
	}
	wantIn(t, "notes", g.Notes, "Review 23r", "160305-104671", "Art. 17(3)", "111193", "320/QĐ-BCA")
	if g.Unconfirmed["tracking"] == "" {
		t.Error("unconfirmed.tracking dropped: how the result arrives is still a lead")
	}
	for _, s := range g.Steps {
		for _, p := range s.Errors {
			if strings.Contains(p.Fix.Vi, "0368") {
				t.Errorf("%s/%s: the hotline reached the text", s.ID, p.ID)
			}
		}
	}
}
