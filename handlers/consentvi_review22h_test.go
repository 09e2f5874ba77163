package handlers_test

import (
	"strings"
	"testing"
)

// An English-using volunteer was told "Read this to the resident (in
// Vietnamese if needed)" with the words in English only: residents are
// Vietnamese. The consent screen in English gives the Vietnamese words to
// read aloud after the English ones, before its question; the Vietnamese
// screen is as it was. The consent recorded names the English screen read
// (review 22h).
func TestConsentInEnglishGivesTheVietnameseWords(t *testing.T) {
	w := newWorld(t)
	for _, tt := range []struct {
		id, en, vi, ask string
	}{
		{"tam-tru", "“We will guide you through this procedure", "“Chúng tôi sẽ hướng dẫn ông/bà (anh/chị) làm thủ tục này", "Does the resident want to be asked about the result?"},
		{"vneid-muc-2", "“We will guide you through this on your own phone", "“Chúng tôi sẽ hướng dẫn ông/bà (anh/chị) làm việc này", ""},
	} {
		g := guide(t, tt.id)
		u, m := w.openGuide(g, "en")
		en, vi := strings.Index(m.Text, tt.en), strings.Index(m.Text, tt.vi)
		if en < 0 || vi < en || !strings.Contains(m.Text[vi:], "được hỗ trợ bình thường.”") && g.OffersFollowup() {
			t.Errorf("%s: the English consent screen %q; want %q, then %q", tt.id, m.Text, tt.en, tt.vi)
		}
		if tt.ask != "" && (!strings.HasSuffix(m.Text, tt.ask) || strings.Index(m.Text, tt.ask) < vi) {
			t.Errorf("%s: the English consent screen does not end with its question: %q", tt.id, m.Text)
		}
		if n := len([]rune(m.Text)); n > 4096 {
			t.Errorf("%s: the English consent screen is %d characters long", tt.id, n)
		}
		if _, vm := w.openGuide(g, "vi"); !strings.Contains(vm.Text, tt.vi) || strings.Contains(vm.Text, "We will") {
			t.Errorf("%s: the Vietnamese consent screen %q", tt.id, vm.Text)
		}
		label := w.en("consent.yes")
		if !g.OffersFollowup() {
			label = w.en("consent.read")
		}
		w.press(u, label)
		if c, _ := w.lastCase(u); !strings.HasPrefix(c.ConsentVersion, "en-") {
			t.Errorf("%s: the English consent read is recorded as %q", tt.id, c.ConsentVersion)
		}
	}
}
