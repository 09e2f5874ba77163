package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
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
func TestArchitectureNamesOutsideDependencies(t *testing.T) {
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
		files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Errorf("docs/architecture.md names %s, which has no Go files", pkg)
			continue
		}
		imported := map[string]bool{}
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
