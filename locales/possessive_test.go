package locales

import (
	"regexp"
	"testing"
)

// TestEnglishLocalePossessiveHasItsNoun: /forget asked "Which one's do you
// want to delete?" — a possessive with no noun after it, the verb in its
// place. "one's" (or "which's") is followed by what it owns, never by a
// verb or the end of a question.
func TestEnglishLocalePossessiveHasItsNoun(t *testing.T) {
	bad := regexp.MustCompile(`(?i)\b(?:one|which)'s(?:\s+(?:do|does|did|is|are|was|were|you|want)\b|\s*[?.!]|$)`)
	for id, s := range texts(t, "en") {
		if m := bad.FindString(s); m != "" {
			t.Errorf("en %s: %q in %q", id, m, s)
		}
	}
}
