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
