package handlers

import "testing"

// What a resident types to say the result came, and what only looks like
// it: a denial, a question.
func TestSaysReceived(t *testing.T) {
	for text, want := range map[string]bool{
		"Đã nhận rồi cháu ơi":           true,
		"da nhan roi":                   true,
		"nhận được kết quả rồi ạ":       true,
		"nhận đc rồi nhé":               true,
		"Có kết quả rồi, cảm ơn cháu":   true,
		"received":                      true,
		"I got it, thanks":              true,
		"The result arrived":            true,
		"chưa nhận được ạ":              false,
		"chưa":                          false,
		"không nhận được gì cả":         false,
		"ko nhận dc":                    false,
		"bao giờ thì nhận được kết quả": false,
		"đã nhận chưa":                  false,
		"đã nhận được kết quả?":         false,
		"not received yet":              false,
		"I haven't got it":              false,
		"cảm ơn":                        false,
		"khai sinh cho cháu":            false,
		"đã nhận đâu":                   false,
	} {
		if got := saysReceived(text); got != want {
			t.Errorf("saysReceived(%q) = %v, want %v", text, got, want)
		}
	}
}
