package pgserver

import (
	"strings"
	"testing"
)

// The demo starts a private server too: the advice when binaries are
// missing must not send its user to the tests' TEST_DATABASE_URL.
func TestNoBinariesAdviceFitsEveryCaller(t *testing.T) {
	_, err := searchBinaries([]string{t.TempDir()})
	if err == nil {
		t.Fatal("searchBinaries found binaries in an empty directory")
	}
	if strings.Contains(err.Error(), "TEST_DATABASE_URL") {
		t.Errorf("the advice names the tests' variable: %v", err)
	}
	for _, w := range []string{"apt-get install postgresql", "PG_BINDIR"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("the advice lacks %q: %v", w, err)
		}
	}
}
