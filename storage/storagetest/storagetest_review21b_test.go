package storagetest

import "testing"

// Test databases are copied from the template by their files on a private
// server of PostgreSQL 15 or newer only: elsewhere a FILE_COPY's
// checkpoints would flush the other tests' writes to a disk that keeps them,
// and before 15 there is no STRATEGY to name.
func TestCopyStrategy(t *testing.T) {
	for _, c := range []struct {
		private bool
		version int
		want    string
	}{
		{true, 150000, " STRATEGY FILE_COPY"},
		{true, 170004, " STRATEGY FILE_COPY"},
		{true, 140011, ""},
		{false, 170004, ""},
	} {
		if got := copyStrategy(c.private, c.version); got != c.want {
			t.Errorf("copyStrategy(%v, %d) = %q, want %q", c.private, c.version, got, c.want)
		}
	}
}
