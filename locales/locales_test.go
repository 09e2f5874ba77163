package locales

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/dvcbot/dvcbot/vntext"
)

// flatten returns every message id of a locale file with its plural forms
// (nil for a plain message).
func flatten(t *testing.T, lang string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for id := range texts(t, lang) {
		id, form, plural := strings.Cut(id, "#")
		if !plural {
			out[id] = nil
			continue
		}
		out[id] = append(out[id], form)
		slices.Sort(out[id])
	}
	return out
}

func TestSameKeysInEveryLanguage(t *testing.T) {
	want := flatten(t, Languages[0])
	if len(want) == 0 {
		t.Fatal("no messages in the default locale")
	}
	for _, lang := range Languages[1:] {
		got := flatten(t, lang)
		for id := range want {
			if _, ok := got[id]; !ok {
				t.Errorf("%s.toml lacks %q", lang, id)
			}
		}
		for id := range got {
			if _, ok := want[id]; !ok {
				t.Errorf("%s.toml has %q, which %s.toml lacks", lang, id, Languages[0])
			}
		}
	}
}

// go-i18n needs the forms "one" and "other" for both vi and en plurals.
func TestPluralsHaveEveryForm(t *testing.T) {
	for _, lang := range Languages {
		for id, forms := range flatten(t, lang) {
			if forms == nil {
				continue
			}
			if !slices.Equal(forms, []string{"one", "other"}) {
				t.Errorf("%s.toml: plural %q has forms %v, want [one other]", lang, id, forms)
			}
		}
	}
}

func TestEveryMessageRendersInEveryLanguage(t *testing.T) {
	c, err := Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		l := c.For(lang)
		for id, forms := range flatten(t, lang) {
			var s string
			if forms != nil {
				s = l.N(id, 2, Data{"Query": "q"})
			} else {
				s = l.T(id, Data{"Name": "An", "Unit": "X", "Role": "r"})
			}
			if s == "" || s == id {
				t.Errorf("%s: %q renders as %q", lang, id, s)
			}
			if len([]rune(s)) > 4096 {
				t.Errorf("%s: %q is longer than a Telegram message", lang, id)
			}
		}
	}
}

func TestDefaultAndFallback(t *testing.T) {
	c, err := Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.For("").T("lang.changed"); got != "Đã chuyển sang tiếng Việt." {
		t.Errorf("default language text = %q", got)
	}
	if got := c.For("fr").Lang(); got != "vi" {
		t.Errorf("unsupported language falls back to %q, want vi", got)
	}
	if got := c.For("en").T("lang.changed"); got != "Switched to English." {
		t.Errorf("English text = %q", got)
	}
	if got := c.For("en").N("invite.results", 1, Data{"Query": "an"}); !strings.Contains(got, "1 commune matching") {
		t.Errorf("English singular = %q", got)
	}
	if _, err := Load("fr", nil); err == nil {
		t.Error("Load accepted an unsupported default language")
	}
}

// Every text id the Go code asks for must exist: a typo would show users
// the raw id.
func TestCodeUsesOnlyKnownIDs(t *testing.T) {
	known := flatten(t, Languages[0])
	// "a.b" is an id; "a.b_" + x or "a." + x is a prefix some id must have
	// (handlers test the full ids they build).
	use := regexp.MustCompile(`\.(?:T|N)\("([a-z_]+(?:\.[a-z_]*)+)"(\s*\+)?`)
	found := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "telegramtest") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			found++
			if m[2] != "" {
				if !slices.ContainsFunc(slices.Collect(maps.Keys(known)), func(k string) bool { return strings.HasPrefix(k, m[1]) }) {
					t.Errorf("%s builds text ids from %q, but none starts so", path, m[1])
				}
			} else if _, ok := known[m[1]]; !ok {
				t.Errorf("%s asks for unknown text %q", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found == 0 {
		t.Fatal("found no text ids in the code: the pattern is out of date")
	}
}

// TestVietnameseStyle: one tone-mark style throughout (the new one, as the
// portals write: hoà, khoá, huỷ) and the wording a native reader asked for.
func TestVietnameseStyle(t *testing.T) {
	var raw map[string]any
	if _, err := toml.DecodeFS(files, "vi.toml", &raw); err != nil {
		t.Fatal(err)
	}
	var walk func(id string, v any)
	walk = func(id string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, sub := range v {
				walk(strings.TrimPrefix(id+"."+k, "."), sub)
			}
		case string:
			if old := vntext.OldStyleTones(v); len(old) > 0 {
				t.Errorf("vi %s: old-style tone marks %v", id, old)
			}
			// "số CCCD": the card is "thẻ căn cước" since 2024-07-01 and its
			// number "số định danh" (as the consent read aloud says); "ghi
			// nhận ẩn danh" of a case without reminders made the others
			// sound named.
			for _, bad := range []string{"Tình nguyện viên sẽ hướng dẫn", "chỉ chỉ", "Lùi", "nhận theo dõi không", "CCCD", "ghi nhận ẩn danh"} {
				if strings.Contains(v, bad) {
					t.Errorf("vi %s: %q", id, bad)
				}
			}
		}
	}
	walk("", raw)
}

func TestNumGroupsThousands(t *testing.T) {
	c, err := Load("vi", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{{"vi", 0, "0"}, {"vi", 999, "999"}, {"vi", 1017, "1.017"}, {"vi", 1234567, "1.234.567"}, {"en", 1017, "1,017"}, {"vi", -4000, "-4.000"}} {
		if got := c.For(tt.lang).Num(tt.n); got != tt.want {
			t.Errorf("%s Num(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
