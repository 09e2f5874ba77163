package vntext

import "testing"

// Review 23f: a resident's comment of keyboard mash was kept as a comment.
func TestReview23fHasWord(t *testing.T) {
	for s, want := range map[string]bool{
		"asdfgh;;;": false, "jjjjjj": false, "qwerty": false, "zxcvbnm": false, "hjkl": false,
		";;;...!!!": false, "10/10": false, "a": false,
		"ok": true, "Tốt": true, "rat tot, cam on": true, "Very helpful": true,
		"Bạn tình nguyện viên hướng dẫn rất kỹ": true, "nghiêng": true, "很好": true,
	} {
		if got := HasWord(s); got != want {
			t.Errorf("HasWord(%q) = %v, want %v", s, got, want)
		}
	}
}
