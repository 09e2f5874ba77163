package locales

import (
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// "Ông/bà" was capitalised in the middle of sentences ("nếu Ông/bà đồng
// ý", on the slip too). In Vietnamese the polite pronoun takes a capital
// only where a sentence starts: at the start of a text or a line, after
// ".", "!", "?", or where a quoted sentence starts.
func TestReview23fPronounCapitalOnlyAtSentenceStart(t *testing.T) {
	var raw map[string]any
	if _, err := toml.DecodeFS(files, "vi.toml", &raw); err != nil {
		t.Fatal(err)
	}
	mid := regexp.MustCompile(`([^\s.!?“"\n])\s+Ông/bà`)
	var walk func(id string, v any)
	walk = func(id string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, sub := range v {
				walk(strings.TrimPrefix(id+"."+k, "."), sub)
			}
		case string:
			for _, m := range mid.FindAllString(v, -1) {
				t.Errorf("vi %s: %q, want “ông/bà” in mid-sentence", id, m)
			}
		}
	}
	walk("", raw)
}
