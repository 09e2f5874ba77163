package guides

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FuzzGuideYAML gives arbitrary bytes to the parser of one guide file (what
// Load does for each *.yaml) and checks what comes back: either errors that
// each name the file and, when the file decoded, a line, or a guide that
// passes its own check again, sits in a catalog beside the shipped guides and
// can be searched and reviewed.
func FuzzGuideYAML(f *testing.F) {
	names, err := fs.Glob(shipped, "*.yaml")
	if err != nil || len(names) == 0 {
		f.Fatalf("shipped guides: %v %v", names, err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(shipped, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "---\n", "id: x\n", "id: [\n", "\x00", "steps:\n  - id: a\n    errors: [{}]\n",
		"&a [*a]", "id: khai-sinh\nsteps: &s [*s]\n", "? [a, b]\n: c\n"} {
		f.Add([]byte(s))
	}
	others := shippedCatalog(f).All()

	f.Fuzz(func(t *testing.T, data []byte) {
		file := fileFor(data)
		g, errs := parse(file, data)
		for _, e := range errs {
			if e.File != file {
				t.Errorf("error names file %q, want %q: %v", e.File, file, e)
			}
			if e.Line < 0 {
				t.Errorf("error with a negative line: %v", e)
			}
			if !utf8.ValidString(e.Msg) {
				t.Errorf("error message is not UTF-8: %q", e.Msg)
			}
			_ = e.Error()
		}
		if g == nil {
			if len(errs) == 0 {
				t.Fatalf("no guide and no error")
			}
			return
		}
		if len(errs) > 0 {
			// A file that decoded: every problem is placed at a line, so
			// `guides check` can say where to look.
			for _, e := range errs {
				if e.Line == 0 && hasContent(g) {
					t.Errorf("a problem in a decoded file names no line: %v", e)
				}
			}
			return
		}
		// Accepted: it passes its own check again, with the same verdict.
		v := &validator{file: file, root: g.root}
		v.guide(g)
		if len(v.errs) > 0 {
			t.Fatalf("an accepted guide fails its own check again:\n%v", v.errs)
		}
		if len(g.Steps) == 0 || len(g.Steps) > maxSteps {
			t.Fatalf("accepted guide with %d steps", len(g.Steps))
		}
		// Beside the shipped guides (but its namesake), as Load would put it;
		// searched and reviewed in a catalog of its own (indexing every
		// shipped guide on each input would halve the rate).
		gs := []*Guide{g}
		for _, o := range others {
			if o.ID != g.ID {
				gs = append(gs, o)
			}
		}
		for _, e := range crossCheck(gs) {
			if e.File == file && e.Line == 0 {
				t.Errorf("cross-check problem names no line: %v", e)
			}
		}
		c := NewCatalog(g)
		if got, ok := c.Guide(g.ID); !ok || got != g {
			t.Fatalf("catalog does not find %q", g.ID)
		}
		c.Review(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
		c.PastDue(time.Now())
		for _, q := range append([]string{g.Title.Vi, g.Title.En, "khai sinh"}, g.Aliases...) {
			c.Search(q)
		}
		for _, cat := range append(Categories, Essential) {
			c.InCategory(cat)
		}
		_, _, _, _ = g.Procedure(), g.OffersFollowup(), g.Legacy(), g.Checked()
		_ = g.Review()
		for i := range g.Steps {
			for _, e := range g.Steps[i].Errors {
				if p, ok := g.Steps[i].Problem(e.ID); !ok || p.ID != e.ID {
					t.Fatalf("step %s: problem %q not found", g.Steps[i].ID, e.ID)
				}
			}
		}
	})
}

// fileFor names the fuzzed file after the id it declares, as the checker
// wants (id x lives in x.yaml), so a guide can be accepted at all.
func fileFor(data []byte) string {
	var head struct {
		ID any `yaml:"id"`
	}
	_ = yaml.Unmarshal(data, &head)
	if id, ok := head.ID.(string); ok && guideID.MatchString(id) {
		return id + ".yaml"
	}
	return "fuzz.yaml"
}

// hasContent reports whether the decoded document has a node with a line:
// an empty document has nowhere to point.
func hasContent(g *Guide) bool {
	n := g.root
	if n == nil {
		return false
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	return n.Line > 0 && strings.TrimSpace(path.Base(g.file)) != ""
}

// TestYAMLErrorsAreUTF8: the YAML library quotes a wrong value cut after ten
// bytes, which may split a Vietnamese letter; the message printed by
// `guides check` must still be text (found by FuzzGuideYAML).
func TestYAMLErrorsAreUTF8(t *testing.T) {
	_, errs := parse("x.yaml", []byte("Gia hạn thẻ bảo hiểm y tế"))
	if len(errs) != 1 || !utf8.ValidString(errs[0].Msg) || errs[0].Line != 1 {
		t.Fatalf("errors: %q", errs)
	}
	if want := "cannot unmarshal !!str `Gia h...` into guides.Guide"; errs[0].Msg != want {
		t.Fatalf("message %q, want %q", errs[0].Msg, want)
	}
}
