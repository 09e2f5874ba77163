package handlers

import "testing"

// What typed at the comment question only says the result came (no
// comment on the help), and what says more, or no such thing.
func TestOnlySaysReceived(t *testing.T) {
	for text, want := range map[string]bool{
		"Đã nhận rồi cháu ơi":                   true,
		"nhận được kết quả rồi ạ":               true,
		"nhận đc rồi nhé":                       true,
		"Có kết quả rồi, cảm ơn cháu":           false, // a thanks is a comment (review 20l)
		"received":                              true,
		"I got it, thanks":                      false,
		"The result arrived":                    true,
		"Đã nhận được sự hỗ trợ rất nhiệt tình": false,
		"đã nhận được hướng dẫn tận tình":       false,
		"I received very kind help":             false,
		"chưa nhận được ạ":                      false,
		"cảm ơn":                                false,
		"rất tốt":                               false,
	} {
		if got := onlySaysReceived(text); got != want {
			t.Errorf("onlySaysReceived(%q) = %v, want %v", text, got, want)
		}
	}
}
