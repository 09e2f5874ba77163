package guides

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/BurntSushi/toml"
)

// A fix that tells the volunteer how to record a failed submission named a
// button no screen shows ("Không nộp được – lỗi cổng", in eleven guides):
// the outcome is "✕ Chưa nộp được", its reason "Lỗi cổng dịch vụ công".
// TestQuotedBotButtonsAreTheBotsLabels checks only quotes that start with a
// symbol; this one checks every quote that names the outcome or a reason.
func TestQuotedOutcomesAndReasonsAreTheBotsLabels(t *testing.T) {
	names := map[string]*regexp.Regexp{
		"vi": regexp.MustCompile(`"([^"]*(?:nộp được|Lỗi cổng|lỗi cổng|làm được|thanh toán được)[^"]*)"`),
		"en": regexp.MustCompile(`"([^"]*(?:[Cc]ould not|[Pp]ortal error)[^"]*)"`),
	}
	for lang, re := range names {
		var m map[string]map[string]any
		if _, err := toml.DecodeFile(filepath.Join("..", "locales", lang+".toml"), &m); err != nil {
			t.Fatal(err)
		}
		labels := map[string]bool{}
		for _, table := range []string{"outcome", "reason"} {
			for _, v := range m[table] {
				switch v := v.(type) {
				case string:
					labels[v] = true
				case map[string]any: // outcome.account, outcome.payment
					for _, s := range v {
						if s, ok := s.(string); ok {
							labels[s] = true
						}
					}
				}
			}
		}
		if len(labels) == 0 {
			t.Fatalf("%s: no outcome or reason label read from locales/%s.toml", lang, lang)
		}
		quoted := 0
		for _, g := range shippedCatalog(t).All() {
			for where, text := range userTexts(g) {
				for _, q := range re.FindAllStringSubmatch(text.In(lang), -1) {
					quoted++
					if !labels[q[1]] {
						t.Errorf("%s, %s (%s): quotes %q as the case's outcome or reason; no such button in locales/%s.toml", g.ID, where, lang, q[1], lang)
					}
				}
			}
		}
		if quoted == 0 {
			t.Errorf("%s: no guide quotes an outcome or a reason: the pattern finds nothing", lang)
		}
	}
}
