package storage_test

import (
	"regexp"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// Half the links printed on slips held a "-" or "_" (base64url: 2 of its
// 64 characters, 24 times): read off the paper by an elderly resident, or
// typed by a grandchild on a phone, "_" becomes "-", a space or nothing,
// and the link is "expired" — the loose match forgives l/I/1 and O/0,
// not these. A new token is letters and digits only.
func TestNewTokensHaveNoDashOrUnderscore(t *testing.T) {
	t.Parallel()
	shape := regexp.MustCompile(`^[A-Za-z0-9]{24}$`)
	for range 2000 {
		if tok := storage.NewToken(); !shape.MatchString(tok) {
			t.Fatalf("token %q: want 24 letters and digits", tok)
		}
	}
}
