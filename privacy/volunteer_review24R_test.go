package privacy

import "testing"

// Review 24 (R): a resident's thanks typed in Telegram ("Cháu tình
// nguyện viên rất nhiệt tình, cảm ơn cháu") was refused as holding a
// name: "cháu Tình". "Tình nguyện" (volunteering) is one word, as "thanh
// niên" is; a name after a kin word is still one.
func TestReview24RVolunteerIsNoName(t *testing.T) {
	for _, s := range []string{
		"Cháu tình nguyện viên rất nhiệt tình, cảm ơn cháu",
		"cảm ơn cháu tình nguyện viên",
		"em tình nguyện viên hướng dẫn rất kỹ",
	} {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
	}
	for _, s := range []string{"Cảm ơn cháu Tình rất nhiệt tình", "cháu Tình hướng dẫn rất kỹ"} {
		if got := NoteProblem(s); got != "name" {
			t.Errorf("NoteProblem(%q) = %q, want \"name\"", s, got)
		}
	}
}
