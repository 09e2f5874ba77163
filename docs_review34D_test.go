package main

import (
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// outsideModules names, as docs/architecture.md's table of packages writes
// them, the modules from outside the project a package may import.
var outsideModules = map[string]string{
	"github.com/BurntSushi/toml":          "BurntSushi/toml",
	"github.com/agnivade/levenshtein":     "levenshtein",
	"github.com/go-telegram/bot":          "go-telegram/bot",
	"github.com/jmoiron/sqlx":             "sqlx",
	"github.com/lib/pq":                   "lib/pq",
	"github.com/nicksnyder/go-i18n":       "go-i18n",
	"github.com/pressly/goose":            "goose",
	"github.com/prometheus/client_golang": "client_golang",
	"github.com/riverqueue/river":         "River",
	"github.com/skip2/go-qrcode":          "go-qrcode",
	"github.com/xuri/excelize":            "excelize",
	"go.yaml.in/yaml":                     "yaml",
	"golang.org/x/image":                  "x/image",
	"golang.org/x/text":                   "x/text",
	"golang.org/x/time":                   "x/time",
}

// docs/architecture.md's table of packages says what each package depends
// on outside the project too (TestArchitectureDependencies checks only the
// project's own): a newcomer reads there that storage needs sqlx, lib/pq
// and goose, and finds levenshtein in its imports. Found in review 34D:
// storage (levenshtein, for the typo read in a commune's name) and
// storage/storagetest (lib/pq) imported modules their rows did not name.
func TestReview34DArchitectureNamesOutsideDependencies(t *testing.T) {
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z/]+)` \\|(.*)\\|(.*)\\|$")
	rows := 0
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		pkg, deps := m[1], m[3]
		if pkg == "main" {
			continue
		}
		rows++
		imports, ok := packageImports(t, pkg)
		if !ok {
			continue
		}
		imported := map[string]bool{}
		for _, p := range imports {
			first, _, _ := strings.Cut(p, "/")
			if !strings.Contains(first, ".") || strings.HasPrefix(p, "github.com/dvcbot/dvcbot") {
				continue // the standard library, or the project's own
			}
			module := ""
			for m := range outsideModules {
				if p == m || strings.HasPrefix(p, m+"/") {
					module = m
				}
			}
			if module == "" {
				t.Errorf("%s imports %s: add its module to outsideModules, as docs/architecture.md names it", pkg, p)
				continue
			}
			imported[module] = true
		}
		for module, name := range outsideModules {
			said := strings.Contains(deps, name)
			switch {
			case imported[module] && !said:
				t.Errorf("%s imports %s; docs/architecture.md's row does not name %s", pkg, module, name)
			case !imported[module] && said:
				t.Errorf("docs/architecture.md says %s depends on %s; it does not import %s", pkg, name, module)
			}
		}
	}
	if rows < 15 {
		t.Errorf("read %d rows of the packages' table", rows)
	}
}

// Every default written for a variable — README's table (and its flag),
// `dvcbot help`'s "(default …)", docker-compose.yml's ${NAME:-…} and the
// Dockerfile's ENV — is the value the configuration takes when the
// variable is not set: the variable set to it changes nothing. A newcomer
// who reads "SEND_RATE 24" and runs with nothing set must get 24; compose
// must not quietly run with another value than README says.
func TestReview34DConfigurationDefaultsAreTheCodes(t *testing.T) {
	base := map[string]string{}
	load := func(vars map[string]string, args ...string) config {
		t.Helper()
		c, err := loadConfig(args, env(vars), needs{}, io.Discard)
		if err != nil {
			t.Fatalf("%v %v: %v", vars, args, err)
		}
		return c
	}
	unset := load(base)
	sameAsUnset := func(where, name, value string, args ...string) {
		t.Helper()
		vars := map[string]string{}
		if name != "" {
			vars[name] = value
		}
		c, err := loadConfig(args, env(vars), needs{}, io.Discard)
		if err != nil {
			t.Errorf("%s: %s's default %q is refused: %v", where, name+strings.Join(args, " "), value, err)
			return
		}
		if name == "" {
			name = args[0]
		}
		set, not := reflect.ValueOf(c), reflect.ValueOf(unset)
		for i := range set.NumField() {
			if a, b := set.Field(i).Interface(), not.Field(i).Interface(); !reflect.DeepEqual(a, b) {
				t.Errorf("%s says %s's default is %q; unset, %s is %v, not %v", where, name, value, set.Type().Field(i).Name, b, a)
			}
		}
	}
	read := configVariables(t)

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "### Configuration")
	table, _, _ = strings.Cut(table, "\n#")
	rows := regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\| *(`(-[a-z-]+)`)? *\\| *([^|]*?) *\\|").FindAllStringSubmatch(table, -1)
	checked := 0
	for _, m := range rows {
		name, flagName, def := m[1], m[3], m[4]
		v, ok := strings.CutPrefix(def, "`")
		if !ok {
			continue // — (required), empty: …
		}
		v, _, _ = strings.Cut(v, "`")
		sameAsUnset("README's table", name, v)
		if flagName != "" {
			sameAsUnset("README's table", "", v, flagName, v)
		}
		checked++
	}
	if len(rows) != len(read) || checked < 8 {
		t.Errorf("read %d rows of README's table (%d defaults) for the %d variables read", len(rows), checked, len(read))
	}

	for _, l := range strings.Split(usageVariables, "\n") {
		if m := regexp.MustCompile(`^  ([A-Z_]+) .*\(default ([^)]+)\)`).FindStringSubmatch(l); m != nil {
			sameAsUnset("dvcbot help", m[1], m[2])
			checked++
		}
	}

	compose, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	_, bot, _ := strings.Cut(string(compose), "\n  bot:\n")
	for _, m := range regexp.MustCompile(`(?m)^      ([A-Z_]+): *"?\$\{([A-Z_]+):-([^}]*)\}"?\s*$`).FindAllStringSubmatch(bot, -1) {
		if m[1] != m[2] {
			t.Errorf("docker-compose.yml passes %s from ${%s}", m[1], m[2])
		}
		if m[3] != "" && slices.Contains(read, m[1]) {
			sameAsUnset("docker-compose.yml", m[1], m[3])
		}
	}
	for _, m := range regexp.MustCompile(`(?m)^      ([A-Z_]+): *"?([^"$\n]*)"?\s*$`).FindAllStringSubmatch(bot, -1) {
		if m[1] == "HTTP_ADDR" { // the port published below: the default's
			sameAsUnset("docker-compose.yml", m[1], m[2])
		}
	}

	dockerfile, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^ENV ([A-Z_]+)=(\S+)`).FindAllStringSubmatch(string(dockerfile), -1) {
		sameAsUnset("Dockerfile", m[1], m[2])
	}
}

// README's second command ran every test with go test's default limit of
// 10 minutes per package. On a 2-CPU machine shared with other work the
// handlers package took 595 s (2026-12-03, review 34D, from a fresh clone):
// 5 s more and the newcomer would have met "panic: test timed out after
// 10m0s" and every goroutine's stack, for tests that pass. The command
// gives a limit that a loaded machine does not reach.
func TestReview34DReadmeTestCommandHasTime(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, try, ok := strings.Cut(string(readme), "## Try it")
	if !ok {
		t.Fatal(`README.md has no "## Try it" section`)
	}
	try, _, _ = strings.Cut(try, "\n## ")
	_, block, _ := strings.Cut(try, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	commands := 0
	for _, l := range strings.Split(block, "\n") {
		cmd, _, _ := strings.Cut(l, "#")
		if !strings.HasPrefix(cmd, "go test") {
			continue
		}
		commands++
		m := regexp.MustCompile(`-timeout[ =](\S+)`).FindStringSubmatch(cmd)
		if m == nil {
			t.Errorf("README's %q runs with go test's default 10-minute limit per package", strings.TrimSpace(cmd))
			continue
		}
		if d, err := time.ParseDuration(m[1]); err != nil || d < 20*time.Minute {
			t.Errorf("README's %q: a limit under 20m (%s) stops the handlers package on a loaded 2-CPU machine", strings.TrimSpace(cmd), m[1])
		}
	}
	if commands != 1 {
		t.Errorf("README's first code block has %d go test commands, want 1:\n%s", commands, block)
	}
}

// docs/architecture.md is where a newcomer learns what each table is for:
// every table the migrations make (the application's, the runtime's,
// River's job table) is named there. Found in review 34D: `removals`
// (migration 00026), which keeps the teams a member was removed from so
// that their older links do not bring them back, was not, and the page
// gave that job to the users row; the inbox's table, `updates`, was named
// only inside a statement.
func TestReview34DArchitectureNamesEveryTable(t *testing.T) {
	tables := migratedTables(t)
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range tables {
		switch {
		case name == "goose_db_version" || name == "bot_db_version":
			continue // the migration tools' own
		case strings.HasPrefix(name, "river_") && name != "river_job":
			continue // River's other tables: its own business
		case !strings.Contains(string(doc), "`"+name+"`"):
			t.Errorf("docs/architecture.md does not name the table %s", name)
		}
	}
	if len(tables) < 15 {
		t.Errorf("only %d tables: %v", len(tables), tables)
	}
}
