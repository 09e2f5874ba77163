package privacy

import "testing"

// Paying a traffic fine, a volunteer notes the problem with the penalty
// decision's number ("QĐ 1234/QĐ-XPHC không tra được"): it names one
// person's violation — sensitive data under Law 91/2025 — and the nộp-phạt
// guide says never to note it; it was kept. A penalty decision's number is
// refused; a decision a flag may cite ("06/QĐ-TTg") is kept.
func TestNotesWithAPenaltyDecisionAreRefused(t *testing.T) {
	for _, s := range []string{
		"QĐ 1234/QĐ-XPHC không tra được",
		"quyết định 56/QD-XPVPHC báo đã nộp",
		"số 789 / QĐ - CSGT lỗi thanh toán",
		"qd 12/qd-xpvphc",
	} {
		if got := NoteProblem(s); got != "penalty" {
			t.Errorf("NoteProblem(%q) = %q, want penalty", s, got)
		}
		if got := PersonalData(s); got != "penalty" {
			t.Errorf("PersonalData(%q) = %q, want penalty", s, got)
		}
	}
	for _, s := range []string{
		"theo Quyết định 06/QĐ-TTg cổng đã đổi",
		"tra theo số quyết định không thấy",
		"quyết định xử phạt chưa có trên cổng",
		"lỗi 404 ở bước 2/QĐ",
	} {
		if got := NoteProblem(s); got != "" {
			t.Errorf("NoteProblem(%q) = %q, want it kept", s, got)
		}
	}
}
