package main

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage"
)

// README's "Upgrading" named the costs of migrations 00016 and 00017, and
// not those after them that take the cases table: 00019 counts the active
// time of closed cases again (11 s at 200,000 cases, ratings and results
// of those cases waiting meanwhile: docs/benchmarks.md only), and 00021
// waits up to 10 s for an ACCESS EXCLUSIVE lock on cases, every read and
// write of cases queued behind it meanwhile. An operator deploying while
// the old version serves read "most migrations take milliseconds". Every
// migration from 00016 on whose Up writes, locks or indexes the big tables
// (cases, case_events) is named there now.
func TestUpgradingNamesTheMigrationsThatTakeTheBigTables(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, upgrading, ok := strings.Cut(string(readme), "### Upgrading")
	if !ok {
		t.Fatal(`README.md has no "### Upgrading" section`)
	}
	upgrading, _, _ = strings.Cut(upgrading, "\n## ")
	big := regexp.MustCompile(`(?is)\b(UPDATE|ALTER\s+TABLE|LOCK\s+TABLE|DELETE\s+FROM|INSERT\s+INTO)\s+(ONLY\s+)?(cases|case_events)\b|\bCREATE\s+(UNIQUE\s+)?INDEX\b[^;]*\bON\s+(cases|case_events)\b`)
	files, err := fs.Glob(storage.Migrations(), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		version := f[:5]
		if version < "00016" {
			continue // before the first deploy this section speaks of
		}
		sql, err := fs.ReadFile(storage.Migrations(), f)
		if err != nil {
			t.Fatal(err)
		}
		up, _, _ := strings.Cut(string(sql), "-- +goose Down")
		var code []string // the statements, not the comments
		for _, l := range strings.Split(up, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "--") {
				code = append(code, l)
			}
		}
		if !big.MatchString(strings.Join(code, "\n")) {
			continue
		}
		checked++
		if !strings.Contains(upgrading, version) {
			t.Errorf("migration %s takes cases or case_events; README's Upgrading does not name it (what it costs, what waits meanwhile)", f)
		}
	}
	if checked == 0 {
		t.Fatal("no migration from 00016 on takes cases: the test proves nothing")
	}
}
