package guides

// What a volunteer walking the guides in the bot found wrong (review of
// 2026-11-30): each test failed on the guides as they were.

import (
	"testing"
)

// nop-phat's payment step offered the payment sub-guide, whose description,
// checklist and steps speak of "hồ sơ đã nộp" and "Quản lý hồ sơ": a fine
// is no dossier. A payment guide is itself the whole payment path; it
// offers no other payment guide.
func TestPaymentGuidesOfferNoOtherPaymentGuide(t *testing.T) {
	c := shippedCatalog(t)
	for _, g := range c.All() {
		if g.Kind != KindPayment {
			continue
		}
		for _, s := range g.Steps {
			subs := []string{s.Subguide}
			for _, e := range s.Errors {
				subs = append(subs, e.Subguide)
			}
			for _, id := range subs {
				if sub, ok := c.Guide(id); ok && sub.Kind == KindPayment {
					t.Errorf("%s: step %s offers %s, a payment guide of its own (its steps speak of %q)",
						g.File(), s.ID, id, sub.Description.Vi)
				}
			}
		}
	}
}
