package guides

// What a volunteer walking the guides in the bot found wrong (review of
// 2026-11-30): each test failed on the guides as they were.

import (
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/vntext"
)

// khai-tu's consent screen read "⏱ Mỗi cơ quan (xã, công an, bảo hiểm xã
// hội…) giải quyết phần việc của mình": no time at all. The line is the
// first sentence of `processing` when there is no processing_days; it
// names one now.
func TestDeathGuideTimeLineGivesATime(t *testing.T) {
	c := shippedCatalog(t)
	g, ok := c.Guide("khai-tu")
	if !ok {
		t.Fatal("no khai-tu")
	}
	for _, lang := range []string{"vi", "en"} {
		first := g.Processing.In(lang)
		for _, sep := range []string{". ", "; ", " – "} { // as the consent screen cuts it
			if i := strings.Index(first, sep); i > 0 {
				first = first[:i]
			}
		}
		if len([]rune(first)) > 90 {
			t.Errorf("%s: the first sentence of processing is %d characters: the consent screen cuts it", lang, len([]rune(first)))
		}
		f := vntext.Fold(first)
		if !strings.Contains(f, "ngay") && !strings.Contains(f, "day") {
			t.Errorf("%s: the consent screen's time line gives no time: %q", lang, first)
		}
	}
}
