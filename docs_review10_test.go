package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dvcbot/dvcbot/storage/storagetest"
)

// Every variable the configuration reads is in README's table, and the
// table names no variable that is not read; docker-compose.yml passes each
// to the bot (but GUIDES_DIR, which needs a volume: the image has the
// guides built in) and nothing else but the proxy variables Go reads
// itself. A newcomer reads the table to run the bot: a variable added to
// config.go alone is one nobody knows of.
func TestConfigurationIsDocumented(t *testing.T) {
	read := configVariables(t)
	slices.Sort(read)

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	if i := strings.Index(section, "### Configuration"); i >= 0 {
		section = section[i:]
		if j := strings.Index(section[1:], "\n#"); j >= 0 {
			section = section[:j+1]
		}
	} else {
		t.Fatal("README.md has no ### Configuration section")
	}
	var table []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\|").FindAllStringSubmatch(section, -1) {
		table = append(table, m[1])
	}
	slices.Sort(table)
	if !slices.Equal(read, table) {
		t.Errorf("config.go reads %v\nREADME's table has %v", read, table)
	}

	compose, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	botService := string(compose)
	if i := strings.Index(botService, "\n  bot:\n"); i >= 0 {
		botService = botService[i:]
	} else {
		t.Fatal("docker-compose.yml has no bot service")
	}
	var passed []string
	for _, m := range regexp.MustCompile(`(?m)^      ([A-Z_]+):`).FindAllStringSubmatch(botService, -1) {
		passed = append(passed, m[1])
	}
	slices.Sort(passed)
	want := slices.DeleteFunc(slices.Clone(read), func(name string) bool { return name == "GUIDES_DIR" })
	// Go's net/http reads the proxy to Telegram itself (README, below the table).
	want = append(want, "HTTPS_PROXY", "NO_PROXY")
	slices.Sort(want)
	if !slices.Equal(passed, want) {
		t.Errorf("docker-compose.yml passes %v\nwant %v", passed, want)
	}
}

// README's short tour names every package and every file of the main
// package, bot/ and handlers/ (a newcomer's map of where things are): a
// file added without a line there is one they will not find. Found in
// review (2026-11-30): handlers/period.go and handlers/smalltalk.go were
// missing.
func TestTourNamesEveryFile(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	tour := string(readme)
	if i := strings.Index(tour, "## A short tour"); i >= 0 {
		tour = tour[i:]
		if j := strings.Index(tour, "\n## "); j >= 0 {
			tour = tour[:j]
		}
	} else {
		t.Fatal("README.md has no ## A short tour section")
	}
	words := regexp.MustCompile(`[A-Za-z0-9_.]+(/[A-Za-z0-9_.]+)*/?`).FindAllString(tour, -1)
	named := func(name string) bool { return slices.Contains(words, name) }
	for _, dir := range []string{".", "bot", "handlers"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if base := filepath.Base(f); !strings.HasSuffix(base, "_test.go") && !named(base) {
				t.Errorf("README's tour does not name %s", f)
			}
		}
	}
	dirs, err := filepath.Glob("*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("*/*/*.go")
	for _, f := range append(dirs, more...) {
		dir := filepath.Dir(f)
		if strings.Contains(dir, "testdata") {
			continue
		}
		// A package is named by its last element, as the tour indents it.
		if !named(filepath.Base(dir)+"/") && !named(dir+"/") {
			t.Errorf("README's tour does not name the package %s/", dir)
		}
	}
}

// migratedTables are the tables the migrations make, by name.
func migratedTables(t *testing.T) []string {
	t.Helper()
	st := storagetest.Open(t)
	var tables []string
	if err := st.DB().Select(&tables, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`); err != nil {
		t.Fatal(err)
	}
	return tables
}

// docs/privacy.md's table of what is stored names every table the
// migrations make (River's own as river_job "and River's other tables";
// the migration tools' version tables hold no data of anyone): a table a
// new migration adds is one whose keeping nobody has written down.
func TestPrivacyNamesEveryTable(t *testing.T) {
	tables := migratedTables(t)
	doc, err := os.ReadFile("docs/privacy.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(doc)
	if i := strings.Index(section, "## Stored today"); i >= 0 {
		section = section[i:]
		if j := strings.Index(section[1:], "\n## "); j >= 0 {
			section = section[:j+1]
		}
	}
	for _, name := range tables {
		switch {
		case name == "goose_db_version" || name == "bot_db_version":
			continue
		case strings.HasPrefix(name, "river_"):
			if !strings.Contains(section, "River's other tables") {
				t.Errorf("docs/privacy.md does not say what River's tables keep (%s)", name)
			}
		case !strings.Contains(section, "`"+name+"`"):
			t.Errorf("docs/privacy.md's table does not name the table %s", name)
		}
	}
	if len(tables) < 10 {
		t.Errorf("only %d tables: %v", len(tables), tables)
	}
}

// docs/architecture.md's table of packages says which of the project's
// packages each one depends on, and that bot knows nothing about
// volunteers, cases or invites: the imports of every package's own files
// (tests aside) must be those.
func TestArchitectureDependencies(t *testing.T) {
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/dvcbot/dvcbot/"
	row := regexp.MustCompile("(?m)^\\| `([a-z/]+)` \\|(.*)\\|(.*)\\|$")
	tick := regexp.MustCompile("`([a-z/]+)`")
	rows := 0
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		pkg := m[1]
		if pkg == "main" {
			continue
		}
		rows++
		want := map[string]bool{}
		for _, d := range tick.FindAllStringSubmatch(m[3], -1) {
			want[d[1]] = true
		}
		imports, ok := packageImports(t, pkg)
		if !ok {
			continue
		}
		got := map[string]bool{}
		for _, p := range imports {
			if rest, ok := strings.CutPrefix(p, module); ok {
				got[path.Base(rest)] = true
			}
		}
		for d := range got {
			if !want[d] {
				t.Errorf("%s imports %s, which docs/architecture.md does not list", pkg, d)
			}
		}
		for d := range want {
			if !got[d] {
				t.Errorf("docs/architecture.md says %s depends on %s; it does not import it", pkg, d)
			}
		}
		if pkg == "bot" && len(got) > 0 {
			t.Errorf("bot imports the project's %v: it must know nothing about volunteers, cases or invites", got)
		}
	}
	if rows < 15 {
		t.Errorf("read %d rows of the packages' table", rows)
	}
}

// packageImports are the import paths of pkg's own files (tests aside),
// and whether pkg, named by docs/architecture.md, has Go files.
func packageImports(t *testing.T, pkg string) ([]string, bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
	if err != nil || len(files) == 0 {
		t.Errorf("docs/architecture.md names %s, which has no Go files", pkg)
		return nil, false
	}
	var imports []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			imports = append(imports, p)
		}
	}
	return imports, true
}

// configVariables is every environment variable the configuration reads.
func configVariables(t *testing.T) []string {
	t.Helper()
	var read []string
	getenv := func(name string) string {
		if !slices.Contains(read, name) {
			read = append(read, name)
		}
		return ""
	}
	if _, err := loadConfig(nil, getenv, needs{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	return read
}
