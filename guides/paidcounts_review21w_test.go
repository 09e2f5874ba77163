package guides

import (
	"os"
	"strings"
	"testing"
)

// TestADossierPaidOnlineCountsAsPaidOnline: the outcome screen offers
// "submitted and paid online" to every dossier that is not fee_free, but
// khai-sinh, khai-tu and tro-cap-that-nghiep counted only dossier_online,
// so a late registration's fee paid online showed in the tally's outcomes
// and not in the online payments' KPI (a coordinator's walk, review 21w:
// 30 paid cases of a month left out). A dossier that may be paid online
// counts toward payment_online when it was; a guide that would not is
// refused.
func TestADossierPaidOnlineCountsAsPaidOnline(t *testing.T) {
	for _, g := range shippedCatalog(t).All() {
		if g.Kind == KindDossier && !g.FeeFree && g.CountsToward("dossier_online") && !g.CountsToward("payment_online") {
			t.Errorf("%s offers \"paid online\" but does not count toward payment_online", g.ID)
		}
	}
	data, err := os.ReadFile("ho-chieu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	without := strings.Replace(string(data), "counts: [dossier_online, payment_online]", "counts: [dossier_online]", 1)
	if without == string(data) {
		t.Fatal("ho-chieu.yaml's counts line is not as this test expects")
	}
	// Its step that pays online goes with payment_online (review 24K:
	// `pays` is refused elsewhere, TestPayStep).
	without = strings.Replace(without, "    pays: true\n", "", 1)
	if _, errs := parse("ho-chieu.yaml", []byte(without)); len(errs) != 1 || !strings.Contains(errs[0].Msg, "payment_online") || errs[0].Line == 0 {
		t.Errorf("a dossier not fee_free without payment_online: %v, want one error naming payment_online with its line", errs)
	}
	if _, errs := parse("ho-chieu.yaml", []byte(without+"fee_free: true\n")); len(errs) != 0 {
		t.Errorf("a fee_free dossier without payment_online is refused: %v", errs)
	}
}
